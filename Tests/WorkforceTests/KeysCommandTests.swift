import Foundation
import Postgres
import PostgresTesting
import Testing

@Suite struct KeysCommandTests {
    let environment: [String: String?]

    init() async throws {
        environment = ["DATABASE_URL": try await TestDatabase.create("keyscli").raw, "LOG_LEVEL": "info"]
    }

    @Test func createPrintsTheSecretAloneOnStandardOutput() async throws {
        let result = try await ChildProcess.run(["keys", "create", "--role", "hr", "--name", "HR sync"], environment: environment)
        #expect(result.code == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("wfk_") == true)
        #expect(result.error.contains("API key created"))
        #expect(!result.error.contains(String(lines.first ?? "")))
    }

    @Test func listShowsKeysAndRevokeHidesThem() async throws {
        _ = try await ChildProcess.run(["keys", "create", "--role", "finance", "--name", "ledger"], environment: environment)
        let listed = try await ChildProcess.run(["keys", "list"], environment: environment)
        #expect(listed.code == 0)
        let row = try #require(listed.output.split(separator: "\n").first { $0.hasSuffix("\tledger") })
        let id = String(row.split(separator: "\t")[0])
        #expect(!listed.output.contains("wfk_"))
        let revoked = try await ChildProcess.run(["keys", "revoke", id], environment: environment)
        #expect(revoked.code == 0, "\(revoked.error)")
        let after = try await ChildProcess.run(["keys", "list"], environment: environment)
        #expect(!after.output.contains(id))
        let all = try await ChildProcess.run(["keys", "list", "--include-revoked"], environment: environment)
        #expect(all.output.contains(id))
    }

    @Test func unknownRoleIsRefusedWithTheAllowedOnes() async throws {
        let result = try await ChildProcess.run(["keys", "create", "--role", "boss", "--name", "x"], environment: environment)
        #expect(result.code != 0)
        #expect(result.error.contains("admin, hr, manager, finance, viewer"))
        #expect(result.output.isEmpty)
    }

    @Test func managerKeyNeedsAnOrgUnit() async throws {
        let result = try await ChildProcess.run(["keys", "create", "--role", "manager", "--name", "x"], environment: environment)
        #expect(result.code != 0)
        #expect(result.error.contains("org_unit_id"))
    }

    @Test func revokingAnUnknownKeyFails() async throws {
        let result = try await ChildProcess.run(["keys", "revoke", UUID().uuidString], environment: environment)
        #expect(result.code != 0)
        #expect(result.error.contains("no API key"))
    }

    @Test(arguments: [["--help"], ["serve", "--help"], ["migrate", "--help"], ["keys", "create", "--help"], ["keys", "list", "--help"], ["keys", "revoke", "--help"]])
    func helpExplainsEveryOption(arguments: [String]) async throws {
        let result = try await ChildProcess.run(arguments)
        #expect(result.code == 0)
        let text = result.output
        if arguments.count > 1 {
            for option in [
                "--database-url", "--data-dir", "--pool-size", "--acquire-timeout", "--statement-timeout", "--migrations-dir", "--log-level",
                "--log-format",
            ] {
                #expect(text.contains(option), "\(arguments) help lacks \(option)")
            }
        }
        if arguments.first == "serve" {
            for option in ["--host", "--port", "--no-migrate"] { #expect(text.contains(option)) }
        }
    }
}
