import ArgumentParser
import Foundation
import Logging
import Postgres
import Server
import Store

/// Options every command shares: where the database is and how to log. Each has an environment variable; the
/// flag wins. Values are checked by ``resolve(_:)`` before anything starts.
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

    @Option(help: ArgumentHelp("Most database connections open at once, 1 to 500 (environment DATABASE_POOL_SIZE; default 10).", valueName: "n"))
    var poolSize: String?

    @Option(help: ArgumentHelp(
        "Seconds to wait for a free database connection before answering 503 (environment DATABASE_ACQUIRE_TIMEOUT; default 5).",
        valueName: "seconds"
    ))
    var acquireTimeout: String?

    @Option(help: ArgumentHelp(
        "Seconds a database statement may run before the server cancels it; 0 for no limit (environment DATABASE_STATEMENT_TIMEOUT; default 30).",
        valueName: "seconds"
    ))
    var statementTimeout: String?

    @Option(help: ArgumentHelp(
        "Folder of numbered migration files (environment WORKFORCE_MIGRATIONS_DIR; default: the sql/ folder beside the build).",
        valueName: "path"
    ))
    var migrationsDir: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (environment LOG_LEVEL; default info).", valueName: "level"))
    var logLevel: String?

    @Option(help: ArgumentHelp(
        "json (one object per line) or text (environment LOG_FORMAT; default text on a terminal, json otherwise).",
        valueName: "format"
    ))
    var logFormat: String?

    /// Checks every value, flags and environment alike; throws one line naming the first bad one.
    func resolve(_ reader: SettingReader = SettingReader()) throws -> DatabaseSettings {
        let databaseURL = try reader.optional(
            databaseURL, flagName: "--database-url", variable: "DATABASE_URL", expected: "a libpq connection string or URI", secret: true
        ) { try? ConnectionString($0) }
        let migrationsDirectory = try reader.optional(
            migrationsDir, flagName: "--migrations-dir", variable: "WORKFORCE_MIGRATIONS_DIR", expected: "an existing folder"
        ) { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil
        }
        return DatabaseSettings(
            databaseURL: databaseURL,
            dataDirectory: reader.text(flag: dataDir, flagName: "--data-dir", variable: "WORKFORCE_DATA_DIR")?.value ?? ".workforce/postgres",
            poolSize: try reader.integer(poolSize, flagName: "--pool-size", variable: "DATABASE_POOL_SIZE", in: 1...500) ?? 10,
            acquireTimeout: try reader.seconds(
                acquireTimeout, flagName: "--acquire-timeout", variable: "DATABASE_ACQUIRE_TIMEOUT", in: 0.01...600
            ) ?? .seconds(5),
            statementTimeout: try reader.seconds(
                statementTimeout, flagName: "--statement-timeout", variable: "DATABASE_STATEMENT_TIMEOUT", in: 0...86_400
            ) ?? .seconds(30),
            migrationsDirectory: migrationsDirectory,
            logLevel: try reader.choice(logLevel, flagName: "--log-level", variable: "LOG_LEVEL", of: Logger.Level.self) ?? .info,
            logFormat: try reader.choice(logFormat, flagName: "--log-format", variable: "LOG_FORMAT", of: LogFormat.self)
        )
    }
}

/// The shared settings, checked.
struct DatabaseSettings {
    var databaseURL: ConnectionString?
    var dataDirectory: String
    var poolSize: Int
    var acquireTimeout: Duration
    /// Zero for no limit.
    var statementTimeout: Duration
    var migrationsDirectory: String?
    var logLevel: Logger.Level
    /// Nil: text when the log stream is a terminal, JSON otherwise.
    var logFormat: LogFormat?

    /// Where a command's log lines go.
    enum LogStream {
        /// `serve` and `migrate` (twelve-factor: the platform collects standard output).
        case standardOutput
        /// `keys`, whose standard output is their result (a secret, a table).
        case standardError
    }

    /// A logger writing lines of ``logFormat`` to `stream`.
    func makeLogger(to stream: LogStream, label: String = "workforce") -> Logger {
        let output = stream == .standardOutput ? LogOutput.standardOutput : LogOutput.standardError
        let descriptor = stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
        let format = logFormat ?? (isatty(descriptor) == 1 ? LogFormat.text : LogFormat.json)
        var logger = Logger(label: label) { _ in LogLineHandler(format: format, output: output) }
        logger.logLevel = logLevel
        return logger
    }

    /// Opens the database: `DATABASE_URL`, or the embedded server of the data directory (started if needed), and
    /// with `readURL` a second pool for reports. The pools report to `metrics` when given.
    func openDatabase(logger: Logger, readURL: ConnectionString? = nil, metrics: ServiceMetrics? = nil) async throws -> DatabaseSession {
        let migrations = try Migration.load(from: try Migration.locateDirectory(explicit: migrationsDirectory))
        var embedded: EmbeddedServer?
        var startedEmbedded = false
        let connectionString: ConnectionString
        if let databaseURL {
            connectionString = databaseURL
        } else {
            let server = EmbeddedServer(
                dataDirectory: URL(fileURLWithPath: dataDirectory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
                logger: logger
            )
            startedEmbedded = try await server.start()
            embedded = server
            connectionString = try server.connectionString
        }
        logger.info("using database", metadata: ["database": "\(connectionString)"])
        let pool = makePool(connectionString, name: "primary", logger: logger, metrics: metrics)
        let readPool = readURL.map { url in
            logger.info("using read database for reports", metadata: ["database": "\(url)"])
            return makePool(url, name: "read", logger: logger, metrics: metrics)
        }
        return DatabaseSession(
            pool: pool,
            readPool: readPool,
            migrator: Migrator(pool: pool, migrations: migrations, logger: logger),
            embeddedServer: startedEmbedded ? embedded : nil,
            logger: logger
        )
    }

    private func makePool(_ connectionString: ConnectionString, name: String, logger: Logger, metrics: ServiceMetrics?) -> ConnectionPool {
        let configuration = ConnectionPool.Configuration(
            connectionString: connectionString, maximumConnections: poolSize, acquireTimeout: acquireTimeout,
            statementTimeout: statementTimeout, name: name
        )
        guard let metrics else { return ConnectionPool(configuration: configuration, logger: logger) }
        return ConnectionPool(configuration: configuration, logger: logger, metricsFactory: metrics.metricsFactory)
    }
}

/// An open database for one command run; ``close()`` releases it and stops an embedded server this run started.
struct DatabaseSession {
    let pool: ConnectionPool
    /// The reports' pool, when a read database is configured.
    let readPool: ConnectionPool?
    let migrator: Migrator
    let embeddedServer: EmbeddedServer?
    let logger: Logger

    func close() async {
        await pool.close()
        await readPool?.close()
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
