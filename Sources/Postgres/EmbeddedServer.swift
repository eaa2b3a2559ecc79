import Foundation
import Logging

/// A private PostgreSQL server run from the installed server binaries (`initdb`, `pg_ctl`) in a data
/// directory of its own, listening only on a Unix socket inside that directory.
///
/// Run as root, the server runs as the `postgres` OS user (PostgreSQL refuses to run as root), which then
/// owns the data directory. A second start with the same directory reuses the data; a server already
/// running there is used as it is and left running.
public struct EmbeddedServer: Sendable {
    /// Where the cluster lives.
    public let dataDirectory: URL
    /// The database the service uses (created on first start).
    public let databaseName: String
    /// False trades durability for speed (no fsync), for throwaway test clusters.
    public let durable: Bool
    private let logger: Logger

    /// The superuser name of embedded clusters.
    public static let superuser = "workforce"
    private static let port = 5432

    /// Describes an embedded server; nothing starts until ``start()``.
    public init(dataDirectory: URL, databaseName: String = "workforce", durable: Bool = true, logger: Logger) {
        self.dataDirectory = dataDirectory.standardizedFileURL
        self.databaseName = databaseName
        self.durable = durable
        self.logger = logger
    }

    /// The connection string of the service database.
    public var connectionString: ConnectionString {
        get throws { try connectionString(database: databaseName) }
    }

    /// The connection string of any database of this cluster.
    public func connectionString(database: String) throws -> ConnectionString {
        try ConnectionString(
            "host=\(ConnectionString.quote(dataDirectory.path)) port=\(Self.port) "
                + "user=\(Self.superuser) dbname=\(ConnectionString.quote(database))"
        )
    }

    /// Initialises the cluster if needed, starts it unless it is already running, and creates the database.
    /// Returns true when this call started the server (and so should stop it).
    @discardableResult
    public func start() async throws -> Bool {
        try await Self.offload { try startBlocking() }
    }

    /// Stops the server (fast shutdown: open sessions are ended, data is flushed).
    public func stop() async throws {
        try await Self.offload {
            let binaries = try ServerBinaries.locate()
            try run(binaries.pgCtl, ["stop", "-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60"])
        }
    }

    /// Restarts the server, ending every open session.
    public func restart() async throws {
        try await Self.offload {
            let binaries = try ServerBinaries.locate()
            try run(binaries.pgCtl, ["restart", "-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60",
                                     "-l", logFile.path])
        }
    }

    /// True when a server is running on this data directory.
    public func isRunning() throws -> Bool {
        let binaries = try ServerBinaries.locate()
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return false
        }
        return (try? run(binaries.pgCtl, ["status", "-D", dataDirectory.path])) != nil
    }

    private var logFile: URL { dataDirectory.appendingPathComponent("server.log") }

    private func startBlocking() throws -> Bool {
        let binaries = try ServerBinaries.locate()
        let socketPath = dataDirectory.appendingPathComponent(".s.PGSQL.\(Self.port)").path
        guard socketPath.utf8.count < 104 else {
            throw EmbeddedServerError(
                "data directory path is too long for a Unix socket (\(dataDirectory.path)); choose a shorter --data-dir"
            )
        }
        if !FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) {
            try initialise(binaries)
        }
        var started = false
        if (try? run(binaries.pgCtl, ["status", "-D", dataDirectory.path])) == nil {
            logger.info("starting embedded PostgreSQL", metadata: ["data_dir": "\(dataDirectory.path)"])
            try run(binaries.pgCtl, ["start", "-D", dataDirectory.path, "-w", "-t", "120", "-l", logFile.path])
            started = true
        }
        try createDatabaseIfMissing(binaries)
        return started
    }

    private func initialise(_ binaries: ServerBinaries) throws {
        logger.info("initialising embedded PostgreSQL cluster", metadata: ["data_dir": "\(dataDirectory.path)"])
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dataDirectory.path)
        if ServerBinaries.runningAsRoot {
            try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: dataDirectory.path)
        }
        var arguments = ["-D", dataDirectory.path, "-U", Self.superuser, "--auth=trust", "--encoding=UTF8",
                         "--locale=C"]
        if !durable { arguments.append("--no-sync") }
        try run(binaries.initdb, arguments)
        var settings = """

            # Written by workforce: a private server reachable only through the Unix socket in this directory.
            listen_addresses = ''
            unix_socket_directories = '\(dataDirectory.path.replacingOccurrences(of: "'", with: "''"))'
            unix_socket_permissions = 0700
            port = \(Self.port)
            max_connections = \(durable ? 200 : 1000)

            """
        if !durable {
            settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        }
        let configuration = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: configuration)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
    }

    private func createDatabaseIfMissing(_ binaries: ServerBinaries) throws {
        let psql = binaries.directory.appendingPathComponent("psql")
        let maintenance = try connectionString(database: "postgres").raw
        let exists = try run(psql, [maintenance, "-tAc",
                                    "SELECT 1 FROM pg_database WHERE datname = '\(databaseName.replacingOccurrences(of: "'", with: "''"))'"],
                             asServerUser: false)
        if exists.trimmingCharacters(in: .whitespacesAndNewlines) != "1" {
            let quoted = "\"" + databaseName.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try run(psql, [maintenance, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE \(quoted)"], asServerUser: false)
        }
    }

    @discardableResult
    private func run(_ executable: URL, _ arguments: [String], asServerUser: Bool = true) throws -> String {
        try ServerBinaries.run(executable, arguments, asServerUser: asServerUser)
    }

    static func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}

/// A failure to set up or run the embedded server, with a message meant for the person starting it.
public struct EmbeddedServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and what to do about it.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension EmbeddedServer {
    /// Stops the server at once and deletes its data directory: for throwaway clusters at process exit.
    public func stopAndRemoveBlocking() {
        if let binaries = try? ServerBinaries.locate() {
            _ = try? ServerBinaries.run(
                binaries.pgCtl, ["stop", "-D", dataDirectory.path, "-m", "immediate", "-w"], asServerUser: true
            )
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
