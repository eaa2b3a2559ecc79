import Postgres
import PostgresTesting
import Testing

@Suite struct CopyTests {
    @Test func copiesOneHundredThousandRows() async throws {
        let pool = try await TestDatabase.pool("copy")
        try await pool.query("CREATE TABLE staging (n int NOT NULL, label text, note text)")
        let rows = (0..<100_000).map { index -> [String?] in
            [String(index), "row \(index)\twith tab", index.isMultiple(of: 10) ? nil : "back\\slash\nnewline"]
        }
        let loaded = try await pool.withConnection { try await $0.copyFrom("COPY staging (n, label, note) FROM STDIN", rows: rows) }
        #expect(loaded == 100_000)
        let summary = try await pool.query(
            "SELECT count(*)::int AS total, count(note)::int AS notes, sum(n)::bigint AS sum FROM staging"
        )
        #expect(try summary[0].decode(Int.self, "total") == 100_000)
        #expect(try summary[0].decode(Int.self, "notes") == 90_000)
        #expect(try summary[0].decode(Int64.self, "sum") == Int64(99_999 * 100_000 / 2))
        let sample = try await pool.query("SELECT label, note FROM staging WHERE n = $1::int", [7])
        #expect(try sample[0].decode(String.self, "label") == "row 7\twith tab")
        #expect(try sample[0].decode(String.self, "note") == "back\\slash\nnewline")
        await pool.close()
    }

    @Test func badCopyDataFailsWithServerErrorAndLeavesConnectionUsable() async throws {
        let pool = try await TestDatabase.pool("copybad", maximumConnections: 1)
        try await pool.query("CREATE TABLE numbers (n int NOT NULL)")
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try await $0.copyFrom("COPY numbers (n) FROM STDIN", rows: [["1"], ["two"]]) }
        }
        #expect(error?.sqlState == "22P02")
        let rows = try await pool.query("SELECT count(*)::int AS n FROM numbers")
        #expect(try rows[0].decode(Int.self, "n") == 0)
        await pool.close()
    }
}
