import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTesting
import Store
import Testing

/// Every limit answers with a problem the client can act on, and frees what the request held.
@Suite struct LimitsTests {
    /// Holds an exclusive lock on `table` of `app`'s database while `body` runs, so that requests touching the
    /// table wait: a slow request without sleeps or test-only routes.
    private func whileLocking<T: Sendable>(
        _ table: String, of app: TestApplication, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await TestDatabase.withPool(app.pool.configuration.connectionString) { locker in
            try await locker.withConnection { connection in
                try await connection.execute(script: "BEGIN; LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE")
                let result = try await body(connection)
                try await connection.execute(script: "ROLLBACK")
                return result
            }
        }
    }

    /// Statements waiting for a lock now. The connection may be inside a transaction, where pg_stat_activity is
    /// otherwise read once and cached; clearing the snapshot makes every call a fresh look.
    private func waitingStatements(on connection: PostgresConnection) async throws -> Int {
        try await connection.execute(script: "SELECT pg_stat_clear_snapshot()")
        let rows = try await connection.query(
            "SELECT count(*)::integer AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return try rows[0].decode(Int.self, "n")
    }

    @Test func importOverItsOwnLimitIsContentTooLarge() async throws {
        let app = try await TestApplication.make("importlimit")
        let csv = "external_id,org_unit_external_id,role_external_id,fte,status\n"
            + String(repeating: "p-1,u-1,r-1,1,filled\n", count: 200)
        try await app.test(maximumBodyBytes: 1024, maximumImportBytes: 2048) { client in
            let response = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: csv, contentType: "text/csv")
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func importsMayExceedTheGeneralBodyLimit() async throws {
        let app = try await TestApplication.make("importlimit")
        let csv = "external_id,org_unit_external_id,role_external_id,fte,status\n"
            + String(repeating: "p-1,u-1,r-1,1,filled\n", count: 200)
        try await app.test(maximumBodyBytes: 1024, maximumImportBytes: 64 << 10) { client in
            let response = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: csv, contentType: "text/csv")
            // The whole body was read and validated row by row (its units and roles do not exist).
            #expect(response.status == .unprocessableContent)
            #expect(response.json["type"] as? String == "/problems/import-rejected")
        }
    }

    @Test func statementPastTheStatementTimeoutIsServiceUnavailable() async throws {
        let app = try await TestApplication.make("stmttimeout")
        let limited = ConnectionPool(configuration: .init(
            connectionString: app.pool.configuration.connectionString, maximumConnections: 2, statementTimeout: .milliseconds(500)
        ))
        try await whileLocking("org_units", of: app) { _ in
            try await app.test(pool: limited) { client in
                let response = try await client.send(.get, "/v1/org-units", key: app.adminKey)
                #expect(response.status == .serviceUnavailable)
                #expect(response.json["type"] as? String == "/problems/timeout")
                #expect(response.headers[.retryAfter] == "5")
            }
        }
        await limited.close()
    }

    @Test func requestPastTheDeadlineIsServiceUnavailableAndItsStatementIsCancelled() async throws {
        let app = try await TestApplication.make("deadline")
        try await whileLocking("org_units", of: app) { connection in
            try await app.test(requestTimeout: .milliseconds(500)) { client in
                let response = try await client.send(.get, "/v1/org-units", key: app.adminKey)
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json["type"] as? String == "/problems/timeout")
                #expect((response.json["detail"] as? String)?.contains("0.5 seconds") == true)
                #expect(response.headers[.retryAfter] == "5")
                #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil)
            }
            #expect(try await waitingStatements(on: connection) == 0)
        }
    }

    @Test func anIdempotencyKeyIsFreedWhenItsRequestRunsPastTheDeadline() async throws {
        // The cancelled request cannot run statements any more; a retry must not find the key still claimed.
        let app = try await TestApplication.make("deadlinekey")
        let header = HTTPField.Name("Idempotency-Key")!
        try await app.test(requestTimeout: .milliseconds(500)) { client in
            try await whileLocking("org_units", of: app) { _ in
                let late = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Late"}"#, headers: [header: "late"])
                #expect(late.status == .serviceUnavailable)
            }
        }
        // The retry gets the default deadline, so a busy machine cannot time it out as well.
        try await app.test { client in
            let retry = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Late"}"#, headers: [header: "late"])
            #expect(retry.status == .created)
        }
    }

    @Test func noFreeConnectionWithinTheAcquireTimeoutIsServiceUnavailable() async throws {
        let app = try await TestApplication.make("acquire", maximumConnections: 1, acquireTimeout: .milliseconds(200))
        try await app.test { client in
            try await app.pool.withConnection { _ in
                let response = try await client.send(.get, "/v1/me", key: app.adminKey)
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(response.json["type"] as? String == "/problems/unavailable")
            }
            #expect(try await client.send(.get, "/v1/me", key: app.adminKey).status == .ok)
        }
    }
}

/// Reports may read from a replica (`DATABASE_READ_URL`); readiness covers it.
@Suite struct ReadPoolTests {
    let app: TestApplication
    let unreachable: ConnectionPool

    init() async throws {
        app = try await TestApplication.make("readpool")
        unreachable = ConnectionPool(configuration: .init(
            connectionString: try ConnectionString("host=127.0.0.1 port=1 dbname=none connect_timeout=2"), maximumConnections: 1,
            name: "read"
        ))
    }

    @Test func headcountReportsReadFromTheReadPool() async throws {
        try await app.test(readPool: unreachable) { client in
            #expect(try await client.send(.get, "/v1/org-units", key: app.adminKey).status == .ok)
            let report = try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=org_unit", key: app.adminKey)
            #expect(report.status == .serviceUnavailable)
        }
        await unreachable.close()
    }

    @Test func readinessChecksTheReadDatabase() async throws {
        try await app.test(readPool: unreachable) { client in
            let response = try await client.send(.get, "/readyz")
            #expect(response.status == .serviceUnavailable)
            #expect(response.json["detail"] as? String == "The read database is unreachable.")
        }
        await unreachable.close()
    }
}
