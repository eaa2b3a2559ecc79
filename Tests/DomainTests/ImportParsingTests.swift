import Domain
import Testing

@Suite struct ImportParsingTests {
    @Test func csvHandlesQuotesEmbeddedCommasNewlinesAndCRLF() throws {
        let text = "external_id,employee_ref\r\n\"a\",\"Doe, \"\"JD\"\" Jane\"\r\nb,\"two\nlines\"\r\n\r\n"
        let rows = try ImportParsing.csv(Array(text.utf8), maximumRows: 10).get()
        #expect(rows.count == 2)
        #expect(rows[0].fields["employee_ref"] == "Doe, \"JD\" Jane")
        #expect(rows[1].fields["employee_ref"] == "two\nlines")
        #expect(rows.map(\.row) == [1, 2])
    }

    @Test func csvRowWithWrongFieldCountIsAProblem() {
        let result = ImportParsing.csv(Array("external_id,fte\na,1,extra\n".utf8), maximumRows: 10)
        guard case .failure(let problems) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(problems.all.first?.row == 1)
    }

    @Test func rowLimitIsEnforced() {
        let text = "external_id\n" + (1...6).map { "p\($0)" }.joined(separator: "\n")
        guard case .failure(let problems) = ImportParsing.csv(Array(text.utf8), maximumRows: 5) else {
            Issue.record("expected a failure")
            return
        }
        #expect(problems.all.first?.detail.contains("at most 5 rows") == true)
        guard case .failure = ImportParsing.ndjson(Array(String(repeating: "{}\n", count: 6).utf8), maximumRows: 5) else {
            Issue.record("expected a failure")
            return
        }
    }

    @Test func ndjsonRefusesBooleansAndUnknownKeys() {
        let text = #"{"external_id": "a", "fte": true}"# + "\n" + #"{"external_id": "b", "colour": "red"}"#
        guard case .failure(let problems) = ImportParsing.ndjson(Array(text.utf8), maximumRows: 10) else {
            Issue.record("expected a failure")
            return
        }
        #expect(problems.all.map(\.row) == [1, 2])
    }

    @Test func rowValidationNamesEveryBadColumn() {
        let fields = ["external_id": "x", "org_unit_id": "nope", "role_external_id": "r", "fte": "0", "status": "gone", "effective_date": "2026-02-30"]
        guard case .failure(let problems) = PositionImportRow.parse(fields, row: 7, defaultDate: .today()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(Set(problems.all.compactMap(\.column)) == ["org_unit_id", "fte", "status", "effective_date"])
        #expect(problems.all.allSatisfy { $0.row == 7 })
    }
}
