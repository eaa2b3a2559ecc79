import Foundation
import Postgres
import PostgresTesting
import Testing

@Suite struct QueryTests {
    let pool: ConnectionPool

    init() async throws {
        pool = try await TestDatabase.pool("query")
    }

    @Test func awkwardTextRoundTripsUnchanged() async throws {
        let values = [
            "it's a \"quoted\" value",
            "'; DROP TABLE users; --",
            "semi;colons;everywhere;",
            "back\\slash \\N tab\tnew\nline\r",
            "unicode: Zürich, 東京, emoji 👩🏽‍💻, RTL مرحبا",
            "",
        ]
        for value in values {
            let rows = try await pool.query("SELECT $1::text AS value", [value])
            #expect(try rows[0].decode(String.self, "value") == value)
        }
    }

    @Test func oneMegabyteTextRoundTrips() async throws {
        let big = String(repeating: "abcdefghij€", count: 100_000)
        let rows = try await pool.query("SELECT $1::text AS value, length($1::text) AS length", [big])
        #expect(try rows[0].decode(String.self, "value") == big)
        #expect(try rows[0].decode(Int.self, "length") == big.count)
    }

    @Test func nullsDecodeAsNil() async throws {
        let missing: String? = nil
        let rows = try await pool.query("SELECT $1::text AS value, $2::int AS number", [missing, PostgresNull()])
        #expect(try rows[0].decode(String?.self, "value") == nil)
        #expect(try rows[0].decode(Int?.self, "number") == nil)
        #expect(throws: PostgresError.self) { try rows[0].decode(String.self, "value") }
    }

    @Test func typedValuesRoundTrip() async throws {
        let id = UUID()
        let instant = Date(timeIntervalSince1970: 1_764_185_409.123456)
        let date = try #require(PostgresDate("2024-02-29"))
        let amount = try #require(Decimal(string: "68500.05"))
        let rows = try await pool.query(
            """
            SELECT $1::int AS int, $2::bigint AS big, $3::float8 AS double, $4::bool AS flag, $5::numeric AS amount,
                   $6::uuid AS id, $7::date AS day, $8::timestamptz AS instant, $9::jsonb AS document
            """,
            [42, Int64.max, 0.1, true, amount, id, date, instant, PostgresJSON(["b": [1, 2], "a": [3]])]
        )
        let row = rows[0]
        #expect(try row.decode(Int.self, "int") == 42)
        #expect(try row.decode(Int64.self, "big") == Int64.max)
        #expect(try row.decode(Double.self, "double") == 0.1)
        #expect(try row.decode(Bool.self, "flag") == true)
        #expect(try row.decode(Decimal.self, "amount") == amount)
        #expect(try row.decode(UUID.self, "id") == id)
        #expect(try row.decode(PostgresDate.self, "day") == date)
        let decodedInstant = try row.decode(Date.self, "instant")
        #expect(abs(decodedInstant.timeIntervalSince(instant)) < 0.000_001)
        #expect(try row.decode(PostgresJSON<[String: [Int]]>.self, "document").value == ["a": [3], "b": [1, 2]])
    }

    @Test func specialDoublesRoundTrip() async throws {
        for value in [Double.infinity, -Double.infinity, 1e-300, -0.0, 123456789.123456789] {
            let rows = try await pool.query("SELECT $1::float8 AS value", [value])
            #expect(try rows[0].decode(Double.self, "value") == value)
        }
        let rows = try await pool.query("SELECT $1::float8 AS value", [Double.nan])
        #expect(try rows[0].decode(Double.self, "value").isNaN)
    }

    @Test func textWithNulByteIsRejectedBeforeSending() async throws {
        await #expect(throws: PostgresError.self) {
            try await pool.query("SELECT $1::text", ["a\u{0}b"])
        }
    }

    @Test func serverErrorsCarrySQLStateDetailAndConstraint() async throws {
        try await pool.query("CREATE TABLE things (id int PRIMARY KEY, name text CONSTRAINT name_present NOT NULL)")
        try await pool.query("INSERT INTO things VALUES (1, 'one')")
        let error = await #expect(throws: PostgresError.self) {
            try await pool.query("INSERT INTO things VALUES ($1::int, 'again')", [1])
        }
        #expect(error?.sqlState == PostgresError.Code.uniqueViolation)
        #expect(error?.constraint == "things_pkey")
        #expect(error?.detail?.contains("(id)=(1)") == true)
        #expect(error?.table == "things")
    }

    @Test func multipleStatementsAreRefusedWithParameters() async throws {
        await #expect(throws: PostgresError.self) {
            try await pool.query("SELECT $1::int; SELECT 2", [1])
        }
    }

    @Test func affectedRowsAreReported() async throws {
        try await pool.query("CREATE TABLE counted (n int)")
        let inserted = try await pool.query("INSERT INTO counted SELECT generate_series(1, 7)")
        #expect(inserted.affectedRows == 7)
        let deleted = try await pool.query("DELETE FROM counted WHERE n > $1::int", [4])
        #expect(deleted.affectedRows == 3)
    }
}
