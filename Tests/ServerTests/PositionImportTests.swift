import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct PositionImportTests {
    let app: TestApplication
    static let header = "external_id,org_unit_external_id,role_external_id,fte,status,employee_ref,salary_override,effective_date"

    init() async throws {
        app = try await TestApplication.make("imports")
        _ = try await app.orgUnit("Chat", externalID: "u-chat")
        _ = try await JobRoleStore(pool: app.pool).create(try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "30000",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: "r-agent"
        ))
    }

    private func importCSV(_ client: some TestClientProtocol, _ rows: [String], key: String? = nil) async throws -> TestResponse {
        try await client.send(
            .post, "/v1/positions/import", key: key ?? app.adminKey, json: ([Self.header] + rows).joined(separator: "\r\n"),
            contentType: "text/csv"
        )
    }

    private func positionCount() async throws -> Int {
        try await app.pool.query("SELECT count(*)::integer AS n FROM positions")[0].decode(Int.self, "n")
    }

    @Test func importCreatesThenUpdatesThenReportsUnchanged() async throws {
        let rows = [
            "p-1,u-chat,r-agent,1,filled,emp-1,,2026-01-01",
            #"p-2,u-chat,r-agent,0.5,filled,"Doe, Jane",41000,2026-01-01"#,
            "p-3,u-chat,r-agent,1,vacant,,,2026-01-01",
        ]
        try await app.test { client in
            let first = try await importCSV(client, rows)
            #expect(first.status == .ok)
            #expect(first.json["created"] as? Int == 3)
            let again = try await importCSV(client, rows)
            #expect(again.json["unchanged"] as? Int == 3)
            #expect(again.json["created"] as? Int == 0)
            var changed = rows
            changed[2] = "p-3,u-chat,r-agent,1,filled,emp-3,,2026-03-01"
            let third = try await importCSV(client, changed)
            #expect(third.json["updated"] as? Int == 1)
            #expect(third.json["unchanged"] as? Int == 2)
            let listed = try await client.send(.get, "/v1/positions?external_id=p-3&as_of=2026-02-01", key: app.adminKey)
            let february = (listed.json["data"] as? [[String: Any]])?.first
            #expect(february?["status"] as? String == "vacant")
            let id = try #require(february?["id"] as? String)
            let history = try await client.send(.get, "/v1/positions/\(id)/history", key: app.adminKey)
            let versions = history.json["data"] as? [[String: Any]] ?? []
            #expect(versions.map { $0["valid_from"] as? String } == ["2026-01-01", "2026-03-01"])
            let quoted = try await client.send(.get, "/v1/positions?external_id=p-2&as_of=2026-02-01", key: app.adminKey)
            let jane = (quoted.json["data"] as? [[String: Any]])?.first
            #expect(jane?["employee_ref"] as? String == "Doe, Jane")
            #expect(jane?["salary_override"] as? String == "41000.00")
        }
    }

    @Test func ndjsonImportAcceptsNumbersAndNulls() async throws {
        let body = """
            {"external_id": "n-1", "org_unit_external_id": "u-chat", "role_external_id": "r-agent", "fte": 0.8, "status": "filled", "effective_date": "2026-01-01"}
            {"external_id": "n-2", "org_unit_external_id": "u-chat", "role_external_id": "r-agent", "fte": 1, "status": "vacant", "employee_ref": null}

            """
        try await app.test { client in
            let response = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: body, contentType: "application/x-ndjson")
            #expect(response.status == .ok)
            #expect(response.json["created"] as? Int == 2)
        }
    }

    @Test func anyBadRowRejectsTheWholeImportListingEachRow() async throws {
        let rows = [
            "p-1,u-chat,r-agent,1,filled,,,2026-01-01",
            "p-2,u-chat,r-agent,2,filled,,,2026-01-01",
            "p-3,u-nowhere,r-agent,1,filled,,,2026-01-01",
            "p-4,u-chat,r-agent,1,retired,,,2026-13-01",
            "p-5,u-chat,r-agent,1,vacant,,,2026-01-01",
        ]
        try await app.test { client in
            let response = try await importCSV(client, rows)
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "application/problem+json")
            let errors = response.json["errors"] as? [[String: Any]] ?? []
            let found = Set(errors.map { "\($0["row"] as? Int ?? -1):\($0["column"] as? String ?? "")" })
            #expect(found == ["2:fte", "4:status", "4:effective_date"])
        }
        let value401 = try await positionCount()
        #expect(value401 == 0)
        try await app.test { client in
            let unresolved = try await importCSV(client, [rows[0], rows[2]])
            #expect(unresolved.status == .unprocessableContent)
            let errors = unresolved.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["row"] as? Int == 2)
            #expect(errors.first?["column"] as? String == "org_unit_external_id")
        }
        let value402 = try await positionCount()
        #expect(value402 == 0)
    }

    @Test func duplicateExternalIdsInOneImportAreRejected() async throws {
        try await app.test { client in
            let response = try await importCSV(client, ["p-1,u-chat,r-agent,1,filled,,,2026-01-01", "p-1,u-chat,r-agent,0.5,filled,,,2026-01-01"])
            #expect(response.status == .unprocessableContent)
            #expect((response.json["errors"] as? [Any])?.count == 2)
        }
        let value403 = try await positionCount()
        #expect(value403 == 0)
    }

    @Test func unknownColumnsAndBadContentTypesAreRefused() async throws {
        try await app.test { client in
            let badHeader = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: "external_id,colour\nx,red", contentType: "text/csv")
            #expect(badHeader.status == .unprocessableContent)
            let errors = badHeader.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["row"] as? Int == 0)
            #expect(errors.first?["column"] as? String == "colour")
            let json = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: "[]", contentType: "application/json")
            #expect(json.status == .unsupportedMediaType)
        }
    }

    @Test(arguments: [Role.viewer, .finance])
    func onlyAdminAndHRImport(role: Role) async throws {
        let key = try await app.key(role)
        try await app.test { client in
            let response = try await importCSV(client, ["p-1,u-chat,r-agent,1,filled,,,2026-01-01"], key: key)
            #expect(response.status == .forbidden)
        }
    }
}
