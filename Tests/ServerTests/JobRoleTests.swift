import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing

@Suite struct JobRoleTests {
    let app: TestApplication
    static let agent = """
        {"title": "Support agent", "job_family": "Customer support", "level": "L2", "location": "Lisbon",
         "currency": "EUR", "annual_base_salary": "28500.5", "benefits_rate": 0.12, "payroll_tax_rate": 0.2375,
         "hiring_cost_per_hire": "3000", "ramp_months_to_full_productivity": 3, "external_id": "job-agent-l2"}
        """

    init() async throws {
        app = try await TestApplication.make("jobroles")
    }

    @Test func moneyIsADecimalStringWithTwoDecimals() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/roles", key: app.adminKey, json: Self.agent)
            #expect(created.status == .created)
            #expect(created.json["annual_base_salary"] as? String == "28500.50")
            #expect(created.json["hiring_cost_per_hire"] as? String == "3000.00")
            #expect(created.json["benefits_rate"] as? Double == 0.12)
            #expect(created.json["payroll_tax_rate"] as? Double == 0.2375)
            #expect(created.json["currency"] as? String == "EUR")
        }
        let stored = try await app.pool.query("SELECT annual_base_salary::text AS salary FROM job_roles")
        #expect(try stored[0].decode(String.self, "salary") == "28500.50")
    }

    @Test(arguments: [Role.admin, .hr, .finance])
    func compensationIsShownToRolesAllowedToSeeIt(role: Role) async throws {
        let key = role == .admin ? app.adminKey : try await app.key(role)
        try await app.test { client in
            let created = try await client.send(.post, "/v1/roles", key: app.adminKey, json: Self.agent)
            let id = try #require(created.json["id"] as? String)
            let read = try await client.send(.get, "/v1/roles/\(id)", key: key)
            #expect(read.json["annual_base_salary"] as? String == "28500.50")
            #expect(read.json["hiring_cost_per_hire"] as? String == "3000.00")
        }
    }

    @Test(arguments: [Role.viewer, .manager])
    func compensationIsAbsentForOtherRoles(role: Role) async throws {
        let key = try await app.key(role, orgUnit: role == .manager ? try await app.orgUnit("Team") : nil)
        try await app.test { client in
            let created = try await client.send(.post, "/v1/roles", key: app.adminKey, json: Self.agent)
            let id = try #require(created.json["id"] as? String)
            for response in [
                try await client.send(.get, "/v1/roles/\(id)", key: key),
                try await client.send(.get, "/v1/roles", key: key),
            ] {
                #expect(response.status == .ok)
                for field in ["annual_base_salary", "benefits_rate", "payroll_tax_rate", "hiring_cost_per_hire"] {
                    #expect(!response.text.contains("\"\(field)\""), "\(field) leaked to \(role)")
                }
                #expect(response.text.contains("Support agent"))
            }
        }
    }

    @Test(arguments: [
        ("annual_base_salary", #""-1""#), ("annual_base_salary", #""1.234""#), ("annual_base_salary", #""1e5""#),
        ("annual_base_salary", "28500"), ("currency", #""eur""#), ("benefits_rate", "1.5"),
        ("payroll_tax_rate", "-0.1"), ("ramp_months_to_full_productivity", "40"),
    ])
    func invalidCompensationIsBadRequestNamingTheField(field: String, value: String) async throws {
        var object = try JSONSerialization.jsonObject(with: Data(Self.agent.utf8)) as! [String: Any]
        object.removeValue(forKey: field)
        let base = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let json = String(base.dropLast()) + ", \"\(field)\": \(value)}"
        try await app.test { client in
            let response = try await client.send(.post, "/v1/roles", key: app.adminKey, json: json)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == "/\(field)" })
        }
        let stored = try await app.pool.query("SELECT 1 FROM job_roles")
        #expect(stored.isEmpty)
    }

    @Test func patchChangesSalaryAndClearsOptionalText() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/roles", key: app.adminKey, json: Self.agent)
            let id = try #require(created.json["id"] as? String)
            let etag = try #require(created.headers[.eTag])
            let patched = try await client.send(
                .patch, "/v1/roles/\(id)", key: app.adminKey, json: #"{"annual_base_salary": "30000", "level": null}"#,
                headers: [.ifMatch: etag]
            )
            #expect(patched.status == .ok)
            #expect(patched.json["annual_base_salary"] as? String == "30000.00")
            #expect(patched.json["level"] == nil)
            #expect(patched.json["location"] as? String == "Lisbon")
            let stale = try await client.send(.patch, "/v1/roles/\(id)", key: app.adminKey, json: #"{"title": "X"}"#, headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed)
            let nullTitle = try await client.send(.patch, "/v1/roles/\(id)", key: app.adminKey, json: #"{"title": null}"#)
            #expect(nullTitle.status == .badRequest)
        }
    }

    @Test func upsertByExternalIdIsIdempotent() async throws {
        let body = #"{"title": "Team lead", "currency": "EUR", "annual_base_salary": "52000"}"#
        try await app.test { client in
            let created = try await client.send(.put, "/v1/roles/by-external-id/lead", key: app.adminKey, json: body)
            #expect(created.status == .created)
            let again = try await client.send(.put, "/v1/roles/by-external-id/lead", key: app.adminKey, json: body)
            #expect(again.status == .ok)
            #expect(again.headers[.eTag] == created.headers[.eTag])
            let listed = try await client.send(.get, "/v1/roles?external_id=lead", key: app.adminKey)
            #expect((listed.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func viewersCannotWriteRoles() async throws {
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let value101 = try await client.send(.post, "/v1/roles", key: viewer, json: Self.agent).status
            #expect(value101 == .forbidden)
        }
    }
}
