import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import PostgresTesting
import Store
import Testing

@Suite struct HealthTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("health")
    }

    @Test func livenessAnswersWithoutAKey() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/healthz")
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
        }
    }

    @Test func readyWhenDatabaseReachableAndMigrated() async throws {
        try await app.test { client in
            let response1 = try await client.send(.get, "/readyz")
            #expect(response1.status == .ok)
        }
    }

    @Test func notReadyWhileMigrationsArePending() async throws {
        let extra = Migration(fileName: "9999_future.sql", sql: "SELECT 1;")!
        let migrator = Migrator(pool: app.pool, migrations: TestApplication.migrations + [extra])
        try await app.test(migrator: migrator) { client in
            let response = try await client.send(.get, "/readyz")
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] != nil)
            #expect(response.json["detail"] as? String == "Database migrations are pending.")
        }
    }

    @Test func databaseDownAnswers503WithRetryAfter() async throws {
        let unreachable = ConnectionPool(configuration: .init(
            connectionString: try ConnectionString("host=127.0.0.1 port=1 dbname=none connect_timeout=2"),
            maximumConnections: 1
        ))
        try await app.test(migrator: Migrator(pool: unreachable, migrations: TestApplication.migrations), pool: unreachable) { client in
            let ready = try await client.send(.get, "/readyz")
            #expect(ready.status == .serviceUnavailable)
            let api = try await client.send(.get, "/v1/me", key: app.adminKey)
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers[.retryAfter] == "5")
            #expect(api.headers[.contentType] == "application/problem+json")
            #expect(!api.text.contains("127.0.0.1"))
        }
        await unreachable.close()
    }

    @Test func specIsServed() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test func everyResponseCarriesARequestId() async throws {
        try await app.test { client in
            let generated = try await client.send(.get, "/healthz")
            #expect(generated.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            let echoed = try await client.send(.get, "/nowhere", headers: [HTTPField.Name("X-Request-Id")!: "trace-42"])
            #expect(echoed.headers[HTTPField.Name("X-Request-Id")!] == "trace-42")
            let refused = try await client.send(.get, "/v1/me", headers: [HTTPField.Name("X-Request-Id")!: "abc"])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[HTTPField.Name("X-Request-Id")!] == "abc")
        }
    }
}

@Suite struct ErrorLoggingTests {
    @Test func serverErrorLogsNeverContainTheAPIKey() async throws {
        // A ServerError's description repeats the request's headers; logging it would write the bearer key.
        let app = try await TestApplication.make("logging")
        let recorder = LogRecorder()
        try await app.test(logHandler: recorder) { client in
            // A missing table: the schema no longer matches the server, answered 503 and logged as a server fault.
            try await app.pool.query("DROP TABLE org_units CASCADE")
            let response = try await client.send(.get, "/v1/org-units", key: app.adminKey)
            #expect(response.status == .serviceUnavailable)
        }
        let lines = recorder.lines
        #expect(lines.contains { $0.contains("request failed") })
        #expect(!lines.contains { $0.contains(app.adminKey) })
    }
}
