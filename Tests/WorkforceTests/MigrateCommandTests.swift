import Foundation
import Postgres
import PostgresTesting
import Testing

@Suite struct MigrateCommandTests {
    /// Replicas started with --no-migrate get their first admin key from the migration job.
    @Test func migrateCreatesTheBootstrapAdminKeyOnce() async throws {
        let database = try await TestDatabase.create("migratekey")
        let environment: [String: String?] = ["DATABASE_URL": database.raw, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": "wfk_migration_job_secret"]
        for _ in 0..<2 {
            let result = try await ChildProcess.run(["migrate"], environment: environment)
            #expect(result.code == 0, "\(result.output)\(result.error)")
            #expect(!result.output.contains("wfk_migration_job_secret"))
        }
        try await TestDatabase.withPool(database) { pool in
            let keys = try await pool.query("SELECT role, count(*) OVER ()::int AS n FROM api_keys")
            #expect(keys.count == 1)
            #expect(try keys[0].decode(String.self, "role") == "admin")
        }
        let plain = try await TestDatabase.create("migratenokey")
        let result = try await ChildProcess.run(["migrate"], environment: ["DATABASE_URL": plain.raw])
        #expect(result.code == 0)
        let rows = try await TestDatabase.withPool(plain) { pool in try await pool.query("SELECT 1 FROM api_keys").count }
        #expect(rows == 0)
    }
}
