import CoreMetrics
import Logging
import NIOPosix

/// A bounded pool of libpq connections.
///
/// Waiters are served first come, first served; a waiter that gets no connection within
/// ``Configuration/acquireTimeout`` fails with ``PostgresError/Kind/poolTimeout``. On release a connection
/// left inside a transaction is rolled back, and a broken one is dropped together with every idle connection
/// (after a server restart they are all dead), so the pool reconnects by itself.
///
/// The pool reports its size, leases, waiters, acquire waits and statement durations through the swift-metrics
/// factory it is given (none by default), labelled `pool` with ``Configuration/name``.
public actor ConnectionPool {
    /// How the pool connects and how large it may grow.
    public struct Configuration: Sendable {
        /// Where to connect.
        public var connectionString: ConnectionString
        /// The most connections open at once.
        public var maximumConnections: Int
        /// How long a lease waits for a free connection.
        public var acquireTimeout: Duration
        /// The longest a statement may run before the server cancels it (`statement_timeout`, set on every
        /// connection); nil keeps the server's setting.
        public var statementTimeout: Duration?
        /// Names the pool in its metrics (`primary`, `read`).
        public var name: String

        /// Creates a configuration.
        public init(
            connectionString: ConnectionString, maximumConnections: Int = 10, acquireTimeout: Duration = .seconds(5),
            statementTimeout: Duration? = nil, name: String = "primary"
        ) {
            self.connectionString = connectionString
            self.maximumConnections = max(1, maximumConnections)
            self.acquireTimeout = acquireTimeout
            self.statementTimeout = statementTimeout
            self.name = name
        }
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<PostgresConnection, any Error>
        let timeout: Task<Void, Never>
    }

    /// The configuration the pool was created with.
    public nonisolated let configuration: Configuration
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let metrics: PoolMetrics
    private var idle: [PostgresConnection] = [] {
        didSet { publishState() }
    }
    private var openCount = 0 {
        didSet { publishState() }
    }
    private var waiters: [Waiter] = [] {
        didSet { publishState() }
    }
    private var nextWaiterID: UInt64 = 0
    private var isClosed = false

    /// Creates a pool; connections open lazily, on first use. Metrics go to `metricsFactory`.
    public init(
        configuration: Configuration, logger: Logger = Logger(label: "postgres.pool"),
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = PoolMetrics(factory: metricsFactory, poolName: configuration.name)
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.maximumConnections)
        threadPool.start()
        metrics.maximumConnections.set(configuration.maximumConnections)
        metrics.connections.set(0)
        metrics.connectionsInUse.set(0)
        metrics.waiters.set(0)
    }

    /// Connections currently open (idle or leased).
    public var openConnections: Int { openCount }

    /// Leases waiting for a connection.
    public var waitingCount: Int { waiters.count }

    /// Leases a connection for the duration of `body`.
    @discardableResult
    public nonisolated func withConnection<T: Sendable>(
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let start = ContinuousClock.now
        let connection: PostgresConnection
        do {
            connection = try await acquire()
            metrics.acquireWait.record(elapsed: start.duration(to: .now))
        } catch {
            metrics.acquireWait.record(elapsed: start.duration(to: .now))
            throw error
        }
        do {
            let result = try await body(connection)
            await release(connection)
            return result
        } catch {
            await release(connection, after: error)
            throw error
        }
    }

    /// Runs one statement on a leased connection.
    @discardableResult
    public nonisolated func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> PostgresRows {
        try await withConnection { try await $0.query(sql, parameters) }
    }

    /// Closes idle connections, fails waiters, and stops the thread pool once leased connections return.
    public func close() async {
        guard !isClosed else { return }
        isClosed = true
        for waiter in waiters {
            waiter.timeout.cancel()
            waiter.continuation.resume(throwing: PostgresError(kind: .poolClosed, message: "connection pool is closed"))
        }
        waiters.removeAll()
        for connection in idle { connection.close() }
        openCount -= idle.count
        idle.removeAll()
        if openCount == 0 { try? await threadPool.shutdownGracefully() }
    }

    private func acquire() async throws -> PostgresConnection {
        guard !isClosed else { throw PostgresError(kind: .poolClosed, message: "connection pool is closed") }
        while let connection = idle.popLast() {
            if connection.checkAlive() { return connection }
            discard(connection)
        }
        if openCount < configuration.maximumConnections {
            return try await openConnection()
        }
        nextWaiterID += 1
        let id = nextWaiterID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard !Task.isCancelled else {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let timeout = Task { [configuration] in
                    try? await Task.sleep(for: configuration.acquireTimeout)
                    guard !Task.isCancelled else { return }
                    self.failWaiter(id, with: PostgresError(
                        kind: .poolTimeout,
                        message: "no database connection became free within \(configuration.acquireTimeout)"
                    ))
                }
                waiters.append(Waiter(id: id, continuation: continuation, timeout: timeout))
            }
        } onCancel: {
            Task { await self.failWaiter(id, with: CancellationError()) }
        }
    }

    private func failWaiter(_ id: UInt64, with error: any Error) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.timeout.cancel()
        waiter.continuation.resume(throwing: error)
    }

    private func openConnection() async throws -> PostgresConnection {
        openCount += 1
        do {
            return try await connect()
        } catch {
            openCount -= 1
            throw error
        }
    }

    private func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration.connectionString, threadPool: threadPool, statementTimeout: configuration.statementTimeout,
            queryDuration: metrics.queryDuration
        )
    }

    private func release(_ connection: PostgresConnection, after error: (any Error)? = nil) async {
        var usable = !connection.isBroken
        if usable, !connection.isIdle {
            do {
                try await connection.executeUncancellable("ROLLBACK")
                usable = connection.isIdle
            } catch {
                usable = false
            }
        }
        if let error = error as? PostgresError, error.isConnectionLoss {
            logger.warning("database connection lost; dropping idle connections", metadata: ["error": "\(error)"])
            dropIdleConnections()
        }
        guard usable, !isClosed else {
            discard(connection)
            if connection.isBroken { dropIdleConnections() }
            serveNextWaiterWithNewConnection()
            await shutDownThreadPoolIfDrained()
            return
        }
        if !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            waiter.timeout.cancel()
            waiter.continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    private func discard(_ connection: PostgresConnection) {
        connection.close()
        openCount -= 1
    }

    private func dropIdleConnections() {
        for connection in idle { discard(connection) }
        idle.removeAll()
    }

    private func serveNextWaiterWithNewConnection() {
        guard !isClosed, !waiters.isEmpty, openCount < configuration.maximumConnections else { return }
        let waiter = waiters.removeFirst()
        waiter.timeout.cancel()
        openCount += 1
        Task {
            do {
                let connection = try await self.connect()
                waiter.continuation.resume(returning: connection)
            } catch {
                self.connectionFailedToOpen()
                waiter.continuation.resume(throwing: error)
            }
        }
    }

    private func connectionFailedToOpen() {
        openCount -= 1
    }

    private func publishState() {
        metrics.connections.set(openCount)
        metrics.connectionsInUse.set(openCount - idle.count)
        metrics.waiters.set(waiters.count)
    }

    private func shutDownThreadPoolIfDrained() async {
        if isClosed, openCount == 0 { try? await threadPool.shutdownGracefully() }
    }
}
