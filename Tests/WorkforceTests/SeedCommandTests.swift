import Foundation
import Postgres
import PostgresTesting
import Testing

@Suite struct SeedCommandTests {
    @Test func demoLoadsTheCompanyOnceIntoAnEmptyDatabase() async throws {
        let database = try await TestDatabase.create("seeddemo")
        let environment: [String: String?] = ["DATABASE_URL": database.raw, "LOG_FORMAT": "json"]
        let loaded = try await ChildProcess.run(["seed", "--demo"], environment: environment)
        #expect(loaded.code == 0, "\(loaded.output)\(loaded.error)")
        #expect(loaded.output.contains("demo data loaded"))
        try await TestDatabase.withPool(database) { pool in
            let inForce = try await pool.query("""
                SELECT count(*)::int AS n, sum(fte)::float8 AS fte FROM position_versions
                WHERE valid_from <= DATE '2026-11-01' AND (valid_to IS NULL OR valid_to > DATE '2026-11-01')
                """)
            #expect(try inForce[0].decode(Int.self, "n") == 3_800)
            let chat = try await pool.query("""
                SELECT d.forecast_volume, a.bot_first_share, a.true_containment, q.human_aht_seconds
                FROM queues q JOIN queue_demand d ON d.queue_id = q.id AND d.month = DATE '2026-11-01'
                JOIN queue_automation a ON a.queue_id = q.id AND a.effective_month = DATE '2026-03-01'
                WHERE q.channel = 'chat'
                """)
            let volume = try chat[0].decode(Int64.self, "forecast_volume")
            #expect(abs(Double(volume) - 2_300_000) / 2_300_000 < 0.05)
            let solvedByBot = try chat[0].decode(Double.self, "bot_first_share") * chat[0].decode(Double.self, "true_containment")
            #expect(abs(solvedByBot - 2.0 / 3) < 0.01)
            #expect(try chat[0].decode(Double.self, "human_aht_seconds") == 660)
            let cuts = try await pool.query("SELECT count(*)::int AS n FROM position_versions WHERE valid_to = DATE '2026-03-01'")
            #expect(try cuts[0].decode(Int.self, "n") == 1_200)
            let plans = try await pool.query("SELECT status, name FROM hiring_plans")
            #expect(plans.count == 1)
            #expect(try plans[0].decode(String.self, "status") == "draft")
        }
        let again = try await ChildProcess.run(["seed", "--demo"], environment: environment)
        #expect(again.code == 1)
        #expect((again.output + again.error).contains("already has org units"))
    }

    @Test func seedSaysWhatToLoad() async throws {
        let result = try await ChildProcess.run(["seed"], environment: ["DATABASE_URL": "host=127.0.0.1 port=1 connect_timeout=1"])
        #expect(result.code != 0)
        #expect(result.error.contains("--demo"))
    }
}
