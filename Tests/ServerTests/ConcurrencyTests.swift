import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing

/// Races the API must settle the same way every time.
@Suite struct ConcurrencyTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("concurrency")
    }

    @Test func concurrentPatchesWithTheSameETagLetExactlyOneWin() async throws {
        let unit = try await app.orgUnit("Contended")
        try await app.test { client in
            let read = try await client.send(.get, "/v1/org-units/\(unit)", key: app.adminKey)
            let etag = try #require(read.headers[.eTag])
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<2 {
                    group.addTask {
                        try await client.send(
                            .patch, "/v1/org-units/\(unit)", key: app.adminKey, json: #"{"name": "Writer \#(index)"}"#,
                            headers: [.ifMatch: etag]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .preconditionFailed])
        }
    }

    @Test func simultaneousRetriesWithOneIdempotencyKeyMakeOneRecord() async throws {
        let header = HTTPField.Name("Idempotency-Key")!
        try await app.test { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await client.send(
                            .post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Once"}"#, headers: [header: "simultaneous"]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.contains(.created))
            #expect(statuses.allSatisfy { $0 == .created || $0 == .conflict })
        }
        let rows = try await app.pool.query("SELECT count(*)::integer AS n FROM org_units WHERE name = 'Once'")
        #expect(try rows[0].decode(Int.self, "n") == 1)
    }

    @Test func oneBadRowInFiftyThousandRejectsTheWholeImport() async throws {
        _ = try await app.orgUnit("Chat", externalID: "u-chat")
        let role = try await app.pool.query(
            """
            INSERT INTO job_roles (id, title, currency, annual_base_salary, external_id)
            VALUES (gen_random_uuid(), 'Agent', 'EUR', 30000, 'r-agent') RETURNING id
            """
        )
        #expect(role.count == 1)
        var csv = "external_id,org_unit_external_id,role_external_id,fte,status\n"
        for index in 1...50_000 {
            csv += "p-\(index),u-chat,r-agent,\(index == 31_337 ? "2" : "1"),filled\n"
        }
        let body = csv
        try await app.test { client in
            let response = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: body, contentType: "text/csv")
            #expect(response.status == .unprocessableContent)
            let errors = response.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.count == 1)
            #expect(errors.first?["row"] as? Int == 31_337)
            #expect(errors.first?["column"] as? String == "fte")
        }
        let rows = try await app.pool.query("SELECT count(*)::integer AS n FROM positions")
        #expect(try rows[0].decode(Int.self, "n") == 0)
    }
}
