import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import Server
import Store

/// `workforce serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API (applies pending migrations first).",
        discussion: """
            On first start with no API key in the database, an admin key is created and its secret printed \
            once on standard output (or WORKFORCE_BOOTSTRAP_ADMIN_KEY becomes that key). SIGTERM or SIGINT \
            shut down gracefully: in-flight requests finish, then the pool and an embedded server stop.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on (environment HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one (environment PORT; default 8080).", valueName: "port"))
    var port: Int?

    @Flag(help: "Do not apply migrations at start (readiness then reports pending ones).")
    var noMigrate = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if let text = environment("PORT"), port == nil, Int(text).map({ (0...65535).contains($0) }) != true {
            throw ValidationError("PORT must be a number between 0 and 65535")
        }
    }

    func run() async throws {
        let logger = database.makeLogger()
        let session = try await database.openDatabase(logger: logger)
        try await session.run {
            if noMigrate {
                logger.notice("skipping migrations (--no-migrate)")
            } else {
                try await session.migrator.migrate()
            }
            if try await session.migrator.status().isCurrent {
                try await bootstrapAdminKey(APIKeyStore(pool: session.pool), logger: logger)
            } else {
                logger.warning("migrations are pending: /readyz answers 503 until `workforce migrate` applies them")
            }
            let configuration = ServerConfiguration(
                host: host ?? environment("HOST") ?? "127.0.0.1",
                port: port ?? environment("PORT").flatMap(Int.init) ?? 8080,
                openAPIDocument: loadOpenAPIDocument(logger: logger)
            )
            let app = try buildApplication(
                ServerDependencies(pool: session.pool, migrator: session.migrator),
                configuration: configuration,
                logger: logger
            ) { host, port in
                logger.notice("listening on http://\(host):\(port)", metadata: ["host": "\(host)", "port": "\(port)"])
            }
            try await app.runService()
            logger.info("server stopped")
        }
    }

    private func bootstrapAdminKey(_ keys: APIKeyStore, logger: Logger) async throws {
        let given = environment("WORKFORCE_BOOTSTRAP_ADMIN_KEY")
        let secret: APIKeySecret
        if let given {
            guard let chosen = APIKeySecret(given) else {
                throw ValidationError("WORKFORCE_BOOTSTRAP_ADMIN_KEY must be 1 to \(APIKeySecret.maximumLength) bytes")
            }
            secret = chosen
        } else {
            secret = .generate()
        }
        guard let record = try await keys.createFirstAdmin(name: "bootstrap admin", secret: secret) else { return }
        logger.notice("created the first admin API key", metadata: ["key_id": "\(record.id)"])
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
