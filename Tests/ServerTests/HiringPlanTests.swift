import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct HiringPlanTests {
    let fixture: HiringPlanFixture
    var app: TestApplication { fixture.app }

    init() async throws {
        fixture = try await HiringPlanFixture("hiringplans")
    }

    @Test func draftIsCreatedAndReadBackWithItsLinesInOrder() async throws {
        let body = fixture.plan(lines: [fixture.line("2027-01", 3), fixture.line("2027-02", -2, unit: fixture.supportEU)])
        try await app.test { client in
            let created = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: body)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/v1/hiring-plans/\(id)")
            #expect(created.json["status"] as? String == "draft")
            #expect(created.json["revision"] as? Int == 1)
            #expect(created.json["hires"] as? Int == 3)
            #expect(created.json["reductions"] as? Int == 2)
            let adminID = try await fixture.keyID(client, app.adminKey)
            #expect(created.json["author_key_id"] as? String == adminID)
            let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect(read.headers[.eTag] == created.headers[.eTag])
            let lines = read.json["lines"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["month"] as? String } == ["2027-01", "2027-02"])
            #expect(lines.map { $0["change"] as? Int } == [3, -2])
            #expect(lines.last?["org_unit_id"] as? String == fixture.supportEU.uuidString.lowercased())
            #expect(lines.first?["reason"] as? String == "Chat volume grows")
        }
    }

    @Test func listShowsSummariesFilteredByStatusAndSubtreeAndPages() async throws {
        try await app.test { client in
            let euPlan = try await fixture.create(client, key: app.adminKey, body: fixture.plan(
                unit: fixture.supportEU, lines: [fixture.line("2027-01", 1, unit: fixture.supportEU)]
            ))
            let salesPlan = try await fixture.submitted(client, key: app.adminKey, body: fixture.plan(
                unit: fixture.sales, lines: [fixture.line("2027-01", 1, unit: fixture.sales)]
            ))
            let all = try await client.send(.get, "/v1/hiring-plans", key: app.adminKey)
            let summaries = all.json["data"] as? [[String: Any]] ?? []
            #expect(Set(summaries.compactMap { $0["id"] as? String }) == [euPlan, salesPlan])
            #expect(summaries.allSatisfy { $0["lines"] == nil && $0["line_count"] as? Int == 1 })
            let submitted = try await client.send(.get, "/v1/hiring-plans?status=submitted", key: app.adminKey)
            #expect((submitted.json["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [salesPlan])
            let underSupport = try await client.send(.get, "/v1/hiring-plans?org_unit_id=\(fixture.support)", key: app.adminKey)
            #expect((underSupport.json["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [euPlan])
            let first = try await client.send(.get, "/v1/hiring-plans?limit=1", key: app.adminKey)
            let cursor = try #require(first.json["next_cursor"] as? String)
            let second = try await client.send(.get, "/v1/hiring-plans?limit=1&cursor=\(cursor)", key: app.adminKey)
            #expect((second.json["data"] as? [Any])?.count == 1)
            #expect(second.json["next_cursor"] == nil)
        }
    }

    @Test func patchReplacesTheLinesWholesaleAndKeepsTheName() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: fixture.plan(
                lines: [fixture.line("2027-01", 3), fixture.line("2027-02", 4)]
            ))
            let id = try #require(created.json["id"] as? String)
            let etag = try #require(created.headers[.eTag])
            let patched = try await client.send(
                .patch, "/v1/hiring-plans/\(id)", key: app.adminKey, json: #"{"lines": [\#(fixture.line("2027-06", -1))]}"#,
                headers: [.ifMatch: etag]
            )
            #expect(patched.status == .ok)
            #expect(patched.headers[.eTag] != etag)
            #expect(patched.json["name"] as? String == "2027 support plan")
            #expect((patched.json["lines"] as? [[String: Any]])?.map { $0["month"] as? String } == ["2027-06"])
            #expect(patched.json["hires"] as? Int == 0)
            #expect(patched.json["reductions"] as? Int == 1)
        }
    }

    @Test func staleIfMatchIsPreconditionFailed() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: fixture.plan(lines: [fixture.line("2027-01", 1)]))
            let id = try #require(created.json["id"] as? String)
            let stale = try #require(created.headers[.eTag])
            let renamed = try await client.send(.patch, "/v1/hiring-plans/\(id)", key: app.adminKey, json: #"{"name": "Renamed"}"#)
            #expect(renamed.status == .ok)
            let patch = try await client.send(
                .patch, "/v1/hiring-plans/\(id)", key: app.adminKey, json: #"{"name": "Again"}"#, headers: [.ifMatch: stale]
            )
            #expect(patch.status == .preconditionFailed)
            let delete = try await client.send(.delete, "/v1/hiring-plans/\(id)", key: app.adminKey, headers: [.ifMatch: stale])
            #expect(delete.status == .preconditionFailed)
            let submit = try await client.send(.post, "/v1/hiring-plans/\(id)/submit", key: app.adminKey, headers: [.ifMatch: stale])
            #expect(submit.status == .preconditionFailed)
        }
    }

    @Test func draftCanBeDeleted() async throws {
        try await app.test { client in
            let id = try await fixture.create(client, key: app.adminKey)
            let deleted = try await client.send(.delete, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect(deleted.status == .noContent)
            let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect(read.status == .notFound)
        }
    }

    @Test func invalidFieldsAreBadRequestWithAPointerToEach() async throws {
        let queue = UUID()
        let body = fixture.plan(
            lines: [
                fixture.line("2101-01", 1), fixture.line("2027-01", 0), fixture.line("2027-01", 10_001),
                fixture.line("2027-01", 1, extra: #", "queue_id": null"#),
            ],
            automationChanges: [
                #"{"month": "2027-01", "queue_id": "\#(queue)"}"#,
                #"{"month": "2027-01", "queue_id": "\#(UUID())", "true_containment": 0.7, "false_containment": 0.4}"#,
                #"{"month": "2027-02", "queue_id": "\#(queue)", "bot_cost_per_conversation": "0.10"}"#,
                #"{"month": "2027-03", "queue_id": "\#(queue)", "bot_first_share": 0.5}"#,
                #"{"month": "2027-03", "queue_id": "\#(queue)", "bot_satisfaction": 0.8}"#,
            ]
        )
        try await app.test { client in
            let nulls = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: body)
            #expect(nulls.status == .badRequest)
            #expect(nulls.problemErrors.compactMap { $0["pointer"] } == ["/lines/3/queue_id"])
            let response = try await client.send(
                .post, "/v1/hiring-plans", key: app.adminKey, json: body.replacingOccurrences(of: #", "queue_id": null"#, with: "")
            )
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.compactMap { $0["pointer"] } == [
                "/lines/0/month", "/lines/1/change", "/lines/2/change", "/automation_changes/0",
                "/automation_changes/1/false_containment", "/automation_changes/2/currency", "/automation_changes/4",
            ])
        }
    }

    @Test func referencesOutsideThePlansSubtreeAreUnprocessableWithPointers() async throws {
        let salesQueue = try await fixture.queue(in: fixture.sales, name: "Sales chat")
        let body = fixture.plan(
            lines: [
                fixture.line("2027-01", 2, unit: fixture.supportEU), fixture.line("2027-01", 2, unit: fixture.sales),
                fixture.line("2027-01", 2, role: UUID()), fixture.line("2027-01", 2, extra: #", "queue_id": "\#(salesQueue)""#),
            ],
            automationChanges: [#"{"month": "2027-01", "queue_id": "\#(salesQueue)", "bot_first_share": 0.5}"#]
        )
        try await app.test { client in
            let response = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.problemErrors.compactMap { $0["pointer"] } == [
                "/lines/1/org_unit_id", "/lines/2/role_id", "/lines/3/queue_id", "/automation_changes/0/queue_id",
            ])
        }
    }

    @Test func queuesAndAutomationChangesOfTheSubtreeAreStored() async throws {
        let euQueue = try await fixture.queue(in: fixture.supportEU, name: "EU chat")
        let body = fixture.plan(
            lines: [fixture.line("2027-01", 2, unit: fixture.supportEU, extra: #", "queue_id": "\#(euQueue)""#)],
            automationChanges: [#"""
                {"month": "2027-03", "queue_id": "\#(euQueue)", "bot_first_share": 0.66666, "true_containment": 0.55,
                 "false_containment": 0.12, "escalation_aht_multiplier": 1.25, "bot_cost_per_conversation": "0.125",
                 "currency": "EUR"}
                """#]
        )
        try await app.test { client in
            let created = try await client.send(.post, "/v1/hiring-plans", key: app.adminKey, json: body)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect((read.json["lines"] as? [[String: Any]])?.first?["queue_id"] as? String == euQueue.uuidString.lowercased())
            let change = try #require((read.json["automation_changes"] as? [[String: Any]])?.first)
            #expect(change["month"] as? String == "2027-03")
            #expect(change["bot_first_share"] as? Double == 0.6667)
            #expect(change["escalation_aht_multiplier"] as? Double == 1.25)
            #expect(change["bot_cost_per_conversation"] as? String == "0.1250")
            #expect(change["currency"] as? String == "EUR")
            #expect(change["bot_satisfaction"] == nil)
        }
    }

    @Test func managerWorksOnlyInsideItsSubtree() async throws {
        let manager = try await app.key(.manager, orgUnit: fixture.support)
        try await app.test { client in
            let salesPlan = try await fixture.create(client, key: app.adminKey, body: fixture.plan(
                unit: fixture.sales, lines: [fixture.line("2027-01", 1, unit: fixture.sales)]
            ))
            let read = try await client.send(.get, "/v1/hiring-plans/\(salesPlan)", key: manager)
            #expect(read.status == .notFound)
            let events = try await client.send(.get, "/v1/hiring-plans/\(salesPlan)/events", key: manager)
            #expect(events.status == .notFound)
            let patch = try await client.send(.patch, "/v1/hiring-plans/\(salesPlan)", key: manager, json: #"{"name": "Mine"}"#)
            #expect(patch.status == .notFound)
            let submit = try await client.send(.post, "/v1/hiring-plans/\(salesPlan)/submit", key: manager)
            #expect(submit.status == .notFound)
            let forSales = try await client.send(.post, "/v1/hiring-plans", key: manager, json: fixture.plan(
                unit: fixture.sales, lines: [fixture.line("2027-01", 1, unit: fixture.sales)]
            ))
            #expect(forSales.status == .unprocessableContent)
            #expect(forSales.problemErrors.compactMap { $0["pointer"] } == ["/org_unit_id"])
            let lineInSales = try await client.send(.post, "/v1/hiring-plans", key: manager, json: fixture.plan(
                lines: [fixture.line("2027-01", 1), fixture.line("2027-01", 1, unit: fixture.sales)]
            ))
            #expect(lineInSales.status == .unprocessableContent)
            #expect(lineInSales.problemErrors.compactMap { $0["pointer"] } == ["/lines/1/org_unit_id"])
            let own = try await fixture.create(client, key: manager, body: fixture.plan(
                unit: fixture.supportEU, lines: [fixture.line("2027-01", 1, unit: fixture.supportEU)]
            ))
            let listed = try await client.send(.get, "/v1/hiring-plans", key: manager)
            #expect((listed.json["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [own])
        }
    }

    @Test func eachRoleMayDoWhatItsPermissionsSay() async throws {
        let viewer = try await app.key(.viewer)
        let finance = try await app.key(.finance)
        let hr = try await app.key(.hr)
        try await app.test { client in
            let id = try await fixture.create(client, key: hr)
            for key in [viewer, finance] {
                let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: key)
                #expect(read.status == .ok)
                let list = try await client.send(.get, "/v1/hiring-plans", key: key)
                #expect(list.status == .ok)
                let events = try await client.send(.get, "/v1/hiring-plans/\(id)/events", key: key)
                #expect(events.status == .ok)
                let create = try await client.send(.post, "/v1/hiring-plans", key: key, json: fixture.plan(lines: [fixture.line("2027-01", 1)]))
                #expect(create.status == .forbidden)
                let patch = try await client.send(.patch, "/v1/hiring-plans/\(id)", key: key, json: #"{"name": "Mine"}"#)
                #expect(patch.status == .forbidden)
                let submit = try await client.send(.post, "/v1/hiring-plans/\(id)/submit", key: key)
                #expect(submit.status == .forbidden)
                let delete = try await client.send(.delete, "/v1/hiring-plans/\(id)", key: key)
                #expect(delete.status == .forbidden)
            }
            let submit = try await client.send(.post, "/v1/hiring-plans/\(id)/submit", key: hr)
            #expect(submit.status == .ok)
            let viewerApproval = try await client.send(.post, "/v1/hiring-plans/\(id)/approve", key: viewer, json: "{}")
            #expect(viewerApproval.status == .forbidden)
            let financeApproval = try await client.send(.post, "/v1/hiring-plans/\(id)/approve", key: finance, json: "{}")
            #expect(financeApproval.status == .ok)
        }
    }

    /// Requisitions name their plan; the link must point at a plan the caller can see, and holds it in place.
    @Test func requisitionsLinkOnlyToExistingPlansWhichThenCannotBeDeleted() async throws {
        try await app.test { client in
            let requisition = { (plan: String) in
                #"{"org_unit_id": "\#(fixture.support)", "role_id": "\#(fixture.role)", "fte": 1, "reason": "growth", "priority": "low", "target_start_date": "2027-01-01", "hiring_plan_id": "\#(plan)"}"#
            }
            let unknown = try await client.send(.post, "/v1/requisitions", key: app.adminKey, json: requisition(UUID().uuidString))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemErrors.compactMap { $0["pointer"] } == ["/hiring_plan_id"])
            let plan = try await fixture.create(client, key: app.adminKey)
            let linked = try await client.send(.post, "/v1/requisitions", key: app.adminKey, json: requisition(plan))
            #expect(linked.status == .created)
            #expect(linked.json["hiring_plan_id"] as? String == plan)
            let delete = try await client.send(.delete, "/v1/hiring-plans/\(plan)", key: app.adminKey)
            #expect(delete.status == .conflict)
        }
    }

    /// The database enforces the link too, for writers that bypass the store's check.
    @Test func databaseRefusesARequisitionOfAnUnknownPlan() async throws {
        let store = RequisitionStore(pool: app.pool)
        let draft = try RequisitionDraft(
            orgUnitID: fixture.support.uuidString, roleID: fixture.role.uuidString, fte: 1, backfillPositionID: nil, reason: .growth,
            priority: .low, targetStartDate: "2027-01-01", hiringPlanID: nil
        )
        let requisition = try await store.create(draft, scope: .everything, actor: UUID())
        await #expect(throws: PostgresError.self) {
            try await app.pool.query("UPDATE requisitions SET hiring_plan_id = $1::uuid WHERE id = $2::uuid", [UUID(), requisition.id])
        }
    }
}
