import ArgumentParser
import Foundation
import Logging
import Postgres
import Store

/// Options every command shares: where the database is and how to log.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "libpq connection string or URI (environment DATABASE_URL). Without it, an embedded PostgreSQL is used.",
        valueName: "url"
    ))
    var databaseURL: String?

    @Option(help: ArgumentHelp(
        "Data directory of the embedded PostgreSQL (environment WORKFORCE_DATA_DIR; default .workforce/postgres).",
        valueName: "path"
    ))
    var dataDir: String?

    @Option(help: ArgumentHelp("Most database connections open at once (environment DATABASE_POOL_SIZE; default 10).", valueName: "n"))
    var poolSize: Int?

    @Option(help: ArgumentHelp(
        "Seconds to wait for a free database connection before answering 503 (environment DATABASE_ACQUIRE_TIMEOUT; default 5).",
        valueName: "seconds"
    ))
    var acquireTimeout: Double?

    @Option(help: ArgumentHelp(
        "Folder of numbered migration files (environment WORKFORCE_MIGRATIONS_DIR; default: the sql/ folder beside the build).",
        valueName: "path"
    ))
    var migrationsDir: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning or error (environment LOG_LEVEL; default info).", valueName: "level"))
    var logLevel: String?

    func validate() throws {
        if let poolSize, !(1...500).contains(poolSize) { throw ValidationError("--pool-size must be between 1 and 500") }
        if let acquireTimeout, !(0.01...600).contains(acquireTimeout) {
            throw ValidationError("--acquire-timeout must be between 0.01 and 600 seconds")
        }
        if let level = logLevel ?? environment("LOG_LEVEL"), Logger.Level(rawValue: level) == nil {
            throw ValidationError("unknown log level \(level)")
        }
    }

    /// A logger writing to standard error (standard output is kept for secrets a command prints).
    func makeLogger(label: String = "workforce") -> Logger {
        let level = (logLevel ?? environment("LOG_LEVEL")).flatMap { Logger.Level(rawValue: $0) } ?? .info
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }

    /// Opens the database: `DATABASE_URL`, or the embedded server of the data directory (started if needed).
    func openDatabase(logger: Logger) async throws -> DatabaseSession {
        var embedded: EmbeddedServer?
        var startedEmbedded = false
        let connectionString: ConnectionString
        if let url = databaseURL ?? environment("DATABASE_URL") {
            connectionString = try ConnectionString(url)
        } else {
            let directory = dataDir ?? environment("WORKFORCE_DATA_DIR") ?? ".workforce/postgres"
            let server = EmbeddedServer(
                dataDirectory: URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
                logger: logger
            )
            startedEmbedded = try await server.start()
            embedded = server
            connectionString = try server.connectionString
        }
        let size = poolSize ?? environment("DATABASE_POOL_SIZE").flatMap(Int.init) ?? 10
        let timeout = acquireTimeout ?? environment("DATABASE_ACQUIRE_TIMEOUT").flatMap(Double.init) ?? 5
        logger.info("using database", metadata: ["database": "\(connectionString)"])
        let pool = ConnectionPool(
            configuration: .init(
                connectionString: connectionString,
                maximumConnections: size,
                acquireTimeout: .milliseconds(Int(timeout * 1000))
            ),
            logger: logger
        )
        let migrations = try Migration.load(
            from: try Migration.locateDirectory(explicit: migrationsDir ?? environment("WORKFORCE_MIGRATIONS_DIR"))
        )
        return DatabaseSession(
            pool: pool,
            migrator: Migrator(pool: pool, migrations: migrations, logger: logger),
            embeddedServer: startedEmbedded ? embedded : nil,
            logger: logger
        )
    }
}

func environment(_ name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
}

/// An open database for one command run; ``close()`` releases it and stops an embedded server this run started.
struct DatabaseSession {
    let pool: ConnectionPool
    let migrator: Migrator
    let embeddedServer: EmbeddedServer?
    let logger: Logger

    func close() async {
        await pool.close()
        if let embeddedServer {
            do {
                try await embeddedServer.stop()
                logger.info("embedded PostgreSQL stopped")
            } catch {
                logger.error("could not stop the embedded PostgreSQL", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Runs `body`, closing the session afterwards whatever happens.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}
