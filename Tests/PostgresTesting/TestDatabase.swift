import Foundation
import Logging
import Postgres
import Synchronization

/// Fresh databases for tests.
///
/// With `TEST_DATABASE_URL` set, databases are created on that server; otherwise one throwaway embedded
/// server is started for the whole test process (in a temporary directory, without fsync) and stopped when
/// the process exits. Each call of ``create(_:)`` returns a new, empty database, so suites never share state.
public enum TestDatabase {
    /// A connection string for a new, empty database whose name starts with `prefix`.
    public static func create(_ prefix: String = "test") async throws -> ConnectionString {
        let maintenance = try await SharedServer.shared.maintenanceConnectionString()
        let name = "\(prefix.lowercased().filter { $0.isLetter || $0.isNumber })_\(UUID().uuidString.prefix(8).lowercased())"
        try await withPool(maintenance) { pool in
            try await pool.query("CREATE DATABASE \"\(name)\"")
        }
        return maintenance.replacing(["dbname": name])
    }

    /// A pool on a new, empty database.
    public static func pool(
        _ prefix: String = "test",
        maximumConnections: Int = 4,
        acquireTimeout: Duration = .seconds(10)
    ) async throws -> ConnectionPool {
        ConnectionPool(configuration: .init(
            connectionString: try await create(prefix),
            maximumConnections: maximumConnections,
            acquireTimeout: acquireTimeout
        ))
    }

    /// Runs `body` with a short-lived pool, closing it afterwards.
    @discardableResult
    public static func withPool<T: Sendable>(
        _ connectionString: ConnectionString,
        maximumConnections: Int = 2,
        _ body: (ConnectionPool) async throws -> T
    ) async throws -> T {
        let pool = ConnectionPool(configuration: .init(connectionString: connectionString, maximumConnections: maximumConnections))
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }

    /// True when tests run against an external server (`TEST_DATABASE_URL`), which they must not restart.
    public static var usesExternalServer: Bool {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } ?? false
    }

    /// Starts a separate throwaway embedded server that a test may restart or stop.
    public static func privateServer() async throws -> EmbeddedServer {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("wf-pg-\(UUID().uuidString.prefix(8))")
        let server = EmbeddedServer(dataDirectory: directory, durable: false, logger: Logger(label: "test.postgres"))
        try await server.start()
        ServerRegistry.register(server)
        return server
    }
}

private actor SharedServer {
    static let shared = SharedServer()
    private var startup: Task<ConnectionString, any Error>?

    func maintenanceConnectionString() async throws -> ConnectionString {
        if let startup { return try await startup.value }
        let task = Task {
            if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
                return try ConnectionString(url)
            }
            let server = try await TestDatabase.privateServer()
            return try server.connectionString(database: "postgres")
        }
        startup = task
        return try await task.value
    }
}

/// Throwaway servers to stop when the test process exits.
enum ServerRegistry {
    private static let servers = Mutex<[EmbeddedServer]>([])

    static func register(_ server: EmbeddedServer) {
        let first = servers.withLock { servers in
            servers.append(server)
            return servers.count == 1
        }
        if first { atexit { ServerRegistry.stopAll() } }
    }

    static func stopAll() {
        for server in servers.withLock({ $0 }) {
            server.stopAndRemoveBlocking()
        }
    }
}
