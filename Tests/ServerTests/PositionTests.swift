import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct PositionTests {
    let app: TestApplication
    let support: UUID
    let chat: UUID
    let sales: UUID
    let agentRole: UUID

    init() async throws {
        app = try await TestApplication.make("positions")
        support = try await app.orgUnit("Support")
        chat = try await app.orgUnit("Chat", parent: support)
        sales = try await app.orgUnit("Sales")
        agentRole = try await JobRoleStore(pool: app.pool).create(try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "30000",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        )).id
    }

    private func body(unit: UUID? = nil, fte: String = "1", status: String = "filled", from date: String = "2026-01-01", extra: String = "") -> String {
        #"{"org_unit_id": "\#(unit ?? chat)", "role_id": "\#(agentRole)", "fte": \#(fte), "status": "\#(status)", "effective_date": "\#(date)"\#(extra)}"#
    }

    private func history(_ client: some TestClientProtocol, _ id: String) async throws -> [[String: Any]] {
        let response = try await client.send(.get, "/v1/positions/\(id)/history", key: app.adminKey)
        return response.json["data"] as? [[String: Any]] ?? []
    }

    @Test func positionIsInForceFromItsEffectiveDate() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["valid_from"] as? String == "2026-01-01")
            #expect(created.json["valid_to"] == nil)
            let before = try await client.send(.get, "/v1/positions/\(id)?as_of=2025-12-31", key: app.adminKey)
            #expect(before.status == .notFound)
            let after = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-06-01", key: app.adminKey)
            #expect(after.status == .ok)
            #expect(after.json["fte"] as? Double == 1)
        }
    }

    @Test func futureDatedChangeKeepsTheEarlierVersion() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            let id = try #require(created.json["id"] as? String)
            let changed = try await client.send(
                .patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"status": "vacant", "effective_date": "2026-03-01"}"#
            )
            #expect(changed.status == .ok)
            #expect(changed.json["status"] as? String == "vacant")
            let february = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-02-28", key: app.adminKey)
            #expect(february.json["status"] as? String == "filled")
            #expect(february.json["valid_to"] as? String == "2026-03-01")
            let march = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-03-01", key: app.adminKey)
            #expect(march.json["status"] as? String == "vacant")
            let versions = try await history(client, id)
            #expect(versions.map { $0["valid_from"] as? String } == ["2026-01-01", "2026-03-01"])
        }
    }

    @Test func changeBetweenVersionsLastsUntilTheNextOne() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            let id = try #require(created.json["id"] as? String)
            _ = try await client.send(.patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"status": "vacant", "effective_date": "2026-03-01"}"#)
            let middle = try await client.send(.patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"fte": 0.5, "effective_date": "2026-02-01"}"#)
            #expect(middle.status == .ok)
            #expect(middle.json["valid_to"] as? String == "2026-03-01")
            let versions = try await history(client, id)
            #expect(versions.map { $0["valid_from"] as? String } == ["2026-01-01", "2026-02-01", "2026-03-01"])
            #expect(versions.map { $0["fte"] as? Double } == [1, 0.5, 1])
            #expect(versions.map { $0["status"] as? String } == ["filled", "filled", "vacant"])
        }
    }

    @Test func closingEndsThePositionAndKeepsItsHistory() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            let id = try #require(created.json["id"] as? String)
            let closed = try await client.send(.post, "/v1/positions/\(id)/close", key: app.adminKey, json: #"{"end_date": "2026-06-01"}"#)
            #expect(closed.status == .ok)
            #expect(closed.json["valid_to"] as? String == "2026-06-01")
            let lastDay = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-05-31", key: app.adminKey)
            #expect(lastDay.status == .ok)
            let gone = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-06-01", key: app.adminKey)
            #expect(gone.status == .notFound)
            let value201 = try await history(client, id).count
            #expect(value201 == 1)
            let again = try await client.send(.post, "/v1/positions/\(id)/close", key: app.adminKey, json: #"{"end_date": "2026-07-01"}"#)
            #expect(again.status == .conflict)
            let listed = try await client.send(.get, "/v1/positions?as_of=2026-07-01", key: app.adminKey)
            #expect((listed.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func closingBeforeARecordedChangeIsConflict() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            let id = try #require(created.json["id"] as? String)
            _ = try await client.send(.patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"fte": 0.8, "effective_date": "2026-09-01"}"#)
            let closed = try await client.send(.post, "/v1/positions/\(id)/close", key: app.adminKey, json: #"{"end_date": "2026-06-01"}"#)
            #expect(closed.status == .conflict)
        }
    }

    @Test(arguments: [("0", "/fte"), ("1.5", "/fte"), ("-1", "/fte")])
    func invalidFTEIsBadRequest(fte: String, pointer: String) async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(fte: fte))
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == pointer })
        }
    }

    @Test func invalidDatesAndReferencesAreRefused() async throws {
        try await app.test { client in
            let badDate = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(from: "2026-02-30"))
            #expect(badDate.status == .badRequest)
            #expect(badDate.problemErrors.first?["pointer"] == "/effective_date")
            let badAsOf = try await client.send(.get, "/v1/positions?as_of=yesterday", key: app.adminKey)
            #expect(badAsOf.status == .badRequest)
            #expect(badAsOf.problemErrors.first?["parameter"] == "as_of")
            let unknownUnit = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(unit: UUID()))
            #expect(unknownUnit.status == .unprocessableContent)
            let unknownRole = try await client.send(
                .post, "/v1/positions", key: app.adminKey,
                json: #"{"org_unit_id": "\#(chat)", "role_id": "\#(UUID())", "fte": 1, "status": "vacant"}"#
            )
            #expect(unknownRole.status == .unprocessableContent)
            let badStatus = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(status: "retired"))
            #expect(badStatus.status == .badRequest)
        }
        let stored = try await app.pool.query("SELECT count(*)::integer AS n FROM positions")
        #expect(try stored[0].decode(Int.self, "n") == 0)
    }

    @Test func managersWriteAndReadOnlyInsideTheirSubtree() async throws {
        let manager = try await app.key(.manager, orgUnit: support)
        try await app.test { client in
            let mine = try await client.send(.post, "/v1/positions", key: manager, json: body(unit: chat))
            #expect(mine.status == .created)
            let elsewhere = try await client.send(.post, "/v1/positions", key: manager, json: body(unit: sales))
            #expect(elsewhere.status == .unprocessableContent)
            let salesPosition = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(unit: sales))
            let salesID = try #require(salesPosition.json["id"] as? String)
            let hidden = try await client.send(.get, "/v1/positions/\(salesID)?as_of=2026-02-01", key: manager)
            #expect(hidden.status == .notFound)
            let change = try await client.send(.patch, "/v1/positions/\(salesID)", key: manager, json: #"{"fte": 0.5, "effective_date": "2026-02-01"}"#)
            #expect(change.status == .notFound)
            let listed = try await client.send(.get, "/v1/positions?as_of=2026-02-01", key: manager)
            #expect((listed.json["data"] as? [Any])?.count == 1)
            let mineID = try #require(mine.json["id"] as? String)
            let moveOut = try await client.send(
                .patch, "/v1/positions/\(mineID)", key: manager, json: #"{"org_unit_id": "\#(sales)", "effective_date": "2026-02-01"}"#
            )
            #expect(moveOut.status == .unprocessableContent)
        }
    }

    @Test func salaryOverrideIsCompensation() async throws {
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(extra: #", "salary_override": "41000""#))
            #expect(created.json["salary_override"] as? String == "41000.00")
            let id = try #require(created.json["id"] as? String)
            let read = try await client.send(.get, "/v1/positions/\(id)?as_of=2026-01-01", key: viewer)
            #expect(read.status == .ok)
            #expect(!read.text.contains("salary_override"))
        }
    }

    @Test func listFiltersBySubtreeAndStatusAsOfADate() async throws {
        try await app.test { client in
            _ = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(unit: chat, status: "vacant"))
            _ = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(unit: sales))
            _ = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body(unit: support, from: "2027-01-01"))
            func count(_ query: String) async throws -> Int {
                let response = try await client.send(.get, "/v1/positions?\(query)", key: app.adminKey)
                return (response.json["data"] as? [Any])?.count ?? -1
            }
            let value202 = try await count("as_of=2026-06-01")
            #expect(value202 == 2)
            let value203 = try await count("as_of=2027-06-01")
            #expect(value203 == 3)
            let value204 = try await count("as_of=2026-06-01&org_unit_id=\(support)")
            #expect(value204 == 1)
            let value205 = try await count("as_of=2027-06-01&org_unit_id=\(support)")
            #expect(value205 == 2)
            let value206 = try await count("as_of=2026-06-01&status=vacant")
            #expect(value206 == 1)
        }
    }

    @Test func staleIfMatchIsPreconditionFailed() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/positions", key: app.adminKey, json: body())
            let id = try #require(created.json["id"] as? String)
            let etag = try #require(created.headers[.eTag])
            let first = try await client.send(.patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"fte": 0.5, "effective_date": "2026-02-01"}"#, headers: [.ifMatch: etag])
            #expect(first.status == .ok)
            let stale = try await client.send(.patch, "/v1/positions/\(id)", key: app.adminKey, json: #"{"fte": 0.6, "effective_date": "2026-03-01"}"#, headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed)
        }
    }
}
