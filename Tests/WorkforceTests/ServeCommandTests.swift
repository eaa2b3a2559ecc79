import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Postgres
import PostgresTesting
import Testing

@Suite struct ServeCommandTests {
    private func status(_ url: String, key: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func serveMigratesUsesTheBootstrapKeyAndStopsOnSIGTERM() async throws {
        let database = try await TestDatabase.create("servecli")
        let key = "wfk_bootstrap_\(UUID().uuidString)"
        let server = try ChildProcess(["serve", "--port", "0"], environment: [
            "DATABASE_URL": database.raw, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": key,
        ])
        let port = try await server.waitForListeningPort()
        #expect(try await status("http://127.0.0.1:\(port)/readyz") == 200)
        #expect(try await status("http://127.0.0.1:\(port)/v1/me", key: key) == 200)
        #expect(!server.standardOutput.contains(key))
        #expect(!server.standardError.contains(key))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }

    @Test(.enabled(if: !TestDatabase.usesExternalServer, "starts its own embedded server"))
    func serveWithoutDatabaseURLRunsAnEmbeddedServerAndReusesItsData() async throws {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("wf-serve-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let environment: [String: String?] = ["DATABASE_URL": nil, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": nil]
        let first = try ChildProcess(["serve", "--port", "0", "--data-dir", dataDirectory.path], environment: environment)
        let port = try await first.waitForListeningPort()
        // The secret is a plain line of its own among the JSON log lines.
        let keyLine = try #require(first.standardOutput.split(separator: "\n").first { $0.hasPrefix("Admin API key") })
        let adminKey = try #require(keyLine.split(separator: " ").last.map(String.init))
        #expect(adminKey.hasPrefix("wfk_"))
        #expect(try await status("http://127.0.0.1:\(port)/v1/me", key: adminKey) == 200)
        first.signal(SIGINT)
        #expect(try await first.waitForExit() == 0)
        #expect(first.standardOutput.contains("embedded PostgreSQL stopped"))
        #expect(!FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("postmaster.pid").path))

        let second = try ChildProcess(["serve", "--port", "0", "--data-dir", dataDirectory.path], environment: environment)
        let secondPort = try await second.waitForListeningPort()
        #expect(try await status("http://127.0.0.1:\(secondPort)/v1/me", key: adminKey) == 200)
        #expect(!second.standardOutput.contains("wfk_"))
        #expect(!second.standardOutput.contains(adminKey))
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)
    }
}

@Suite struct MigrationCommandTests {
    @Test func serveWithNoMigrateLeavesTheSchemaAloneAndIsNotReady() async throws {
        let database = try await TestDatabase.create("nomigrate")
        let server = try ChildProcess(["serve", "--port", "0", "--no-migrate"], environment: ["DATABASE_URL": database.raw])
        let port = try await server.waitForListeningPort()
        let log = server.standardOutput
        let (_, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 503)
        #expect(log.contains("migrations are pending"))
        // An API call against the unmigrated database is the service not being ready, not a server fault.
        var call = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/org-units")!)
        call.setValue("Bearer wfk_anything", forHTTPHeaderField: "Authorization")
        let (body, apiResponse) = try await URLSession.shared.data(for: call)
        let http = try #require(apiResponse as? HTTPURLResponse)
        #expect(http.statusCode == 503)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/problem+json")
        #expect(http.value(forHTTPHeaderField: "Retry-After") == "5")
        let problem = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(problem["type"] as? String == "/problems/schema-not-ready")
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        let tables = try await TestDatabase.withPool(database) { pool in
            try await pool.query("SELECT to_regclass('api_keys') IS NULL AS missing")[0].decode(Bool.self, "missing")
        }
        #expect(tables)
    }

    @Test func changedAppliedMigrationStopsStartUpWithAClearMessage() async throws {
        let database = try await TestDatabase.create("checksum")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("wf-sql-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("sql"), to: copy)
        let environment: [String: String?] = ["DATABASE_URL": database.raw]
        let first = try await ChildProcess.run(["migrate", "--migrations-dir", copy.path], environment: environment)
        #expect(first.code == 0, "\(first.error)")
        let file = copy.appendingPathComponent("0001_api_keys.sql")
        try (String(contentsOf: file, encoding: .utf8) + "\n-- edited\n").write(to: file, atomically: true, encoding: .utf8)
        let serve = try await ChildProcess.run(["serve", "--port", "0", "--migrations-dir", copy.path], environment: environment)
        #expect(serve.code != 0)
        #expect(serve.error.contains("0001_api_keys.sql was changed after it was applied"))
    }
}
