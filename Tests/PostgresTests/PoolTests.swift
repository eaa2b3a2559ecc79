import Foundation
import Postgres
import PostgresTesting
import Testing

@Suite struct PoolTests {
    @Test func twoHundredConcurrentQueriesShareFourConnections() async throws {
        let pool = try await TestDatabase.pool("concurrent", maximumConnections: 4, acquireTimeout: .seconds(60))
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let rows = try await pool.query("SELECT $1::int + 1 AS next, pg_sleep(0.005)", [index])
                    return try rows[0].decode(Int.self, "next")
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sums.sorted() == Array(1...200))
        #expect(await pool.openConnections <= 4)
        await pool.close()
    }

    @Test func failedStatementInTransactionLeavesNextLeaseClean() async throws {
        // A statement that fails inside a transaction leaves the session in PQTRANS_INERROR; if the pool
        // handed that session out again, every later statement would fail with 25P02.
        let pool = try await TestDatabase.pool("rollback", maximumConnections: 1)
        try await pool.query("CREATE TABLE items (id int PRIMARY KEY)")
        await #expect(throws: PostgresError.self) {
            try await pool.withConnection { connection in
                try await connection.query("BEGIN")
                try await connection.query("INSERT INTO items VALUES (1)")
                try await connection.query("INSERT INTO items VALUES (1)")
            }
        }
        let rows = try await pool.query("SELECT count(*)::int AS n FROM items")
        #expect(try rows[0].decode(Int.self, "n") == 0)
        await pool.close()
    }

    @Test func acquireTimesOutWhenAllConnectionsAreBusy() async throws {
        let pool = try await TestDatabase.pool("timeout", maximumConnections: 1, acquireTimeout: .milliseconds(200))
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { _ in
                try await pool.query("SELECT 1")
            }
        }
        #expect(error?.kind == .poolTimeout)
        #expect(error?.isUnavailable == true)
        await pool.close()
    }

    @Test func statementsPastTheStatementTimeoutAreCancelledByTheServer() async throws {
        let pool = ConnectionPool(configuration: .init(
            connectionString: try await TestDatabase.create("stmttimeout"), maximumConnections: 1, statementTimeout: .seconds(1)
        ))
        let error = await #expect(throws: PostgresError.self) {
            try await pool.query("SELECT pg_sleep(10)")
        }
        #expect(error?.isQueryCanceled == true)
        #expect(try await pool.query("SHOW statement_timeout")[0].decode(String.self, "statement_timeout") == "1s")
        await pool.close()
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        let pool = try await TestDatabase.pool("fifo", maximumConnections: 1, acquireTimeout: .seconds(30))
        let order = OrderRecorder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            try await pool.withConnection { _ in
                for index in 0..<5 {
                    group.addTask {
                        try await pool.withConnection { _ in await order.record(index) }
                    }
                    while await pool.waitingCount < index + 1 { await Task.yield() }
                }
            }
            try await group.waitForAll()
        }
        #expect(await order.values == [0, 1, 2, 3, 4])
        await pool.close()
    }

    @Test func cancellingATaskCancelsItsRunningQuery() async throws {
        let pool = try await TestDatabase.pool("cancel", maximumConnections: 1)
        let started = ContinuousClock.now
        let task = Task {
            try await pool.query("SELECT pg_sleep(30)")
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(ContinuousClock.now - started < .seconds(10))
        let rows = try await pool.query("SELECT 1 AS one")
        #expect(try rows[0].decode(Int.self, "one") == 1)
        await pool.close()
    }

    @Test(.enabled(if: !TestDatabase.usesExternalServer, "needs a server the test may restart"))
    func poolRecoversAfterServerRestart() async throws {
        let server = try await TestDatabase.privateServer()
        let pool = ConnectionPool(configuration: .init(connectionString: try server.connectionString, maximumConnections: 3))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { try await pool.query("SELECT pg_sleep(0.05)") } }
            try await group.waitForAll()
        }
        #expect(await pool.openConnections == 3)
        try await server.restart()
        var failures = 0
        for _ in 0..<5 {
            do {
                let rows = try await pool.query("SELECT 1 AS one")
                #expect(try rows[0].decode(Int.self, "one") == 1)
            } catch let error as PostgresError where error.isConnectionLoss {
                failures += 1
            }
        }
        #expect(failures <= 1)
        await pool.close()
        server.stopAndRemoveBlocking()
    }

    @Test func transactionsCommitOrRollBack() async throws {
        let pool = try await TestDatabase.pool("transaction")
        try await pool.query("CREATE TABLE ledger (amount numeric NOT NULL)")
        try await pool.withTransaction { connection in
            try await connection.query("INSERT INTO ledger VALUES ($1::numeric)", [Decimal(10)])
        }
        await #expect(throws: PostgresError.self) {
            try await pool.withTransaction { connection in
                try await connection.query("INSERT INTO ledger VALUES ($1::numeric)", [Decimal(5)])
                try await connection.query("INSERT INTO ledger VALUES (NULL)")
            }
        }
        let rows = try await pool.query("SELECT sum(amount) AS total FROM ledger")
        #expect(try rows[0].decode(Decimal.self, "total") == 10)
        await pool.close()
    }

    @Test func serializationFailuresAreRetried() async throws {
        let pool = try await TestDatabase.pool("serializable", maximumConnections: 4)
        try await pool.query("CREATE TABLE counter (value int NOT NULL)")
        try await pool.query("INSERT INTO counter VALUES (0)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await pool.withTransaction(isolation: .serializable, maximumAttempts: 50) { connection in
                        let rows = try await connection.query("SELECT value FROM counter")
                        let value = try rows[0].decode(Int.self, "value")
                        try await connection.query("SELECT pg_sleep(0.01)")
                        try await connection.query("UPDATE counter SET value = $1::int", [value + 1])
                    }
                }
            }
            try await group.waitForAll()
        }
        let rows = try await pool.query("SELECT value FROM counter")
        #expect(try rows[0].decode(Int.self, "value") == 8)
        await pool.close()
    }
}

actor OrderRecorder {
    private(set) var values: [Int] = []

    func record(_ value: Int) {
        values.append(value)
    }
}
