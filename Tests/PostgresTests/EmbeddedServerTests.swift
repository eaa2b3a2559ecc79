import Foundation
@testable import Postgres
import PostgresTesting
import Testing

@Suite(.enabled(if: !TestDatabase.usesExternalServer, "starts and stops its own servers"))
struct EmbeddedServerTests {
    @Test func secondStartReusesTheData() async throws {
        let server = try await TestDatabase.privateServer()
        defer { server.stopAndRemoveBlocking() }
        try await TestDatabase.withPool(try server.connectionString) { pool in
            try await pool.query("CREATE TABLE kept (note text)")
            try await pool.query("INSERT INTO kept VALUES ($1::text)", ["survives a restart"])
        }
        try await server.stop()
        #expect(try !server.isRunning())
        #expect(try await server.start())
        let note = try await TestDatabase.withPool(try server.connectionString) { pool in
            try await pool.query("SELECT note FROM kept")[0].decode(String.self, "note")
        }
        #expect(note == "survives a restart")
    }

    @Test func startingARunningServerUsesItAndLeavesItRunning() async throws {
        let server = try await TestDatabase.privateServer()
        defer { server.stopAndRemoveBlocking() }
        #expect(try await server.start() == false)
        #expect(try server.isRunning())
    }

    @Test func listensOnlyOnItsUnixSocket() async throws {
        let server = try await TestDatabase.privateServer()
        defer { server.stopAndRemoveBlocking() }
        let settings = try await TestDatabase.withPool(try server.connectionString) { pool in
            try await pool.query("SELECT current_setting('listen_addresses') AS listen")[0].decode(String.self, "listen")
        }
        #expect(settings == "")
        #expect(try server.connectionString["host"] == server.dataDirectory.path)
    }

    @Test func missingServerBinariesNameWhatToInstall() {
        let error = #expect(throws: EmbeddedServerError.self) {
            try ServerBinaries.locate(in: [URL(fileURLWithPath: "/nonexistent/bin")])
        }
        #expect(error?.description.contains("apt-get install postgresql") == true)
        #expect(error?.description.contains("DATABASE_URL") == true)
        #expect(error?.description.contains("\n") == false)
    }
}
