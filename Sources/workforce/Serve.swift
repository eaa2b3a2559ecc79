import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import Postgres
import Server
import Store

/// `workforce serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API (applies pending migrations first).",
        discussion: """
            Every option can also be set by the environment variable named in its help; the option wins. A bad \
            value stops start-up with one line naming it. Logs go to standard output. On first start with no API \
            key in the database, an admin key is created and its secret printed once on standard output, on a \
            line of its own starting "Admin API key" (or WORKFORCE_BOOTSTRAP_ADMIN_KEY becomes that key). SIGTERM \
            or SIGINT shut down gracefully: in-flight requests finish, then the pools and an embedded server stop.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on (environment HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one (environment PORT; default 8080).", valueName: "port"))
    var port: String?

    @Option(help: ArgumentHelp(
        "Separate port for GET /metrics, which the main port then does not serve; 0 picks a free one (environment METRICS_PORT; default: served on the main port).",
        valueName: "port"
    ))
    var metricsPort: String?

    @Option(help: ArgumentHelp(
        "libpq connection string or URI of a read replica for reports; add target_session_attrs yourself if wanted (environment DATABASE_READ_URL; default: the main database).",
        valueName: "url"
    ))
    var databaseReadURL: String?

    @Option(help: ArgumentHelp(
        "Seconds a request may take before it is cancelled and answered 503; 0 for no limit (environment REQUEST_TIMEOUT; default 60).",
        valueName: "seconds"
    ))
    var requestTimeout: String?

    @Option(help: ArgumentHelp("Largest request body in bytes, else 413 (environment MAX_BODY_BYTES; default 1048576).", valueName: "bytes"))
    var maxBodyBytes: String?

    @Option(help: ArgumentHelp(
        "Largest body of POST /v1/positions/import in bytes, else 413 (environment MAX_IMPORT_BYTES; default 67108864).",
        valueName: "bytes"
    ))
    var maxImportBytes: String?

    @Option(help: ArgumentHelp(
        "Secret of the first admin key when none exists; prefer the environment variable, as arguments are visible to other local users (environment WORKFORCE_BOOTSTRAP_ADMIN_KEY; default: a new key, printed once).",
        valueName: "secret"
    ))
    var bootstrapAdminKey: String?

    @Option(help: ArgumentHelp(
        "Projection workers in this process, computing queued projection runs; 0 leaves them to other replicas (environment WORKFORCE_WORKERS; default 1).",
        valueName: "n"
    ))
    var workers: String?

    @Flag(help: "Load the demonstration company (see `workforce seed --demo`) when the database has no org units yet (environment WORKFORCE_DEMO=true).")
    var demo = false

    @Flag(help: "Do not apply migrations at start; readiness then reports pending ones (environment WORKFORCE_NO_MIGRATE=true).")
    var noMigrate = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = try resolve()
        let databaseSettings = try database.resolve()
        let logger = databaseSettings.makeLogger(to: .standardOutput)
        let metrics = ServiceMetrics()
        let session = try await databaseSettings.openDatabase(logger: logger, readURL: settings.readURL, metrics: metrics)
        try await session.run {
            if settings.noMigrate {
                logger.notice("skipping migrations (--no-migrate)")
            } else {
                try await session.migrator.migrate()
            }
            let status = try await session.migrator.status()
            metrics.setMigrations(applied: status.applied.count, pending: status.pending.count)
            if settings.demo {
                if !status.isCurrent {
                    logger.warning("demo data not loaded: migrations are pending")
                } else if try await DemoData(pool: session.pool).databaseIsEmpty() {
                    try await Seed.loadDemo(DemoData(pool: session.pool), logger: logger)
                } else {
                    logger.info("demo data not loaded: the database already has org units")
                }
            }
            if status.isCurrent {
                try await bootstrapAdminKey(settings.bootstrapAdminKey, keys: APIKeyStore(pool: session.pool), logger: logger)
            } else {
                logger.warning("migrations are pending: /readyz answers 503 until `workforce migrate` applies them")
            }
            let app = try buildApplication(
                ServerDependencies(pool: session.pool, migrator: session.migrator, readPool: session.readPool, metrics: metrics),
                configuration: settings.server(openAPIDocument: loadOpenAPIDocument(logger: logger)),
                logger: logger,
                onListening: { host, port in
                    logger.notice("listening on http://\(host):\(port)", metadata: ["host": "\(host)", "port": "\(port)"])
                },
                onMetricsListening: { host, port in
                    logger.notice("serving metrics at http://\(host):\(port)/metrics", metadata: ["host": "\(host)", "port": "\(port)"])
                }
            )
            try await app.runService()
            logger.info("server stopped")
        }
    }

    private func bootstrapAdminKey(_ given: APIKeySecret?, keys: APIKeyStore, logger: Logger) async throws {
        let secret = given ?? .generate()
        guard let record = try await keys.createFirstAdmin(name: "bootstrap admin", secret: secret) else { return }
        logger.notice("created the first admin API key", metadata: ["key_id": "\(record.id.uuidString.lowercased())"])
        if given == nil {
            print("Admin API key (shown once, store it now): \(secret.value)")
            fflush(nil)
        }
    }

    private func loadOpenAPIDocument(logger: Logger) -> String {
        guard let url = ProjectFile.locate("openapi.yaml"), let text = try? String(contentsOf: url, encoding: .utf8) else {
            logger.warning("openapi.yaml not found; GET /openapi.yaml will be empty")
            return ""
        }
        return text
    }
}
