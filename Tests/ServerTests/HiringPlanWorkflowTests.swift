import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct HiringPlanWorkflowTests {
    let fixture: HiringPlanFixture
    var app: TestApplication { fixture.app }

    init() async throws {
        fixture = try await HiringPlanFixture("hiringplanflow")
    }

    private func post(_ client: some TestClientProtocol, _ id: String, _ action: String, key: String, json: String? = nil) async throws -> TestResponse {
        try await client.send(.post, "/v1/hiring-plans/\(id)/\(action)", key: key, json: json)
    }

    @Test func submittedPlanIsReadOnly() async throws {
        try await app.test { client in
            let id = try await fixture.create(client, key: app.adminKey)
            let submitted = try await post(client, id, "submit", key: app.adminKey)
            #expect(submitted.status == .ok)
            #expect(submitted.json["status"] as? String == "submitted")
            #expect(submitted.json["submitted_at"] is String)
            let patch = try await client.send(.patch, "/v1/hiring-plans/\(id)", key: app.adminKey, json: #"{"name": "Late change"}"#)
            #expect(patch.status == .conflict)
            let delete = try await client.send(.delete, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect(delete.status == .conflict)
            let again = try await post(client, id, "submit", key: app.adminKey)
            #expect(again.status == .conflict)
        }
    }

    @Test func planWithoutLinesOrAutomationChangesCannotBeSubmitted() async throws {
        try await app.test { client in
            let id = try await fixture.create(client, key: app.adminKey, body: fixture.plan(lines: []))
            let submitted = try await post(client, id, "submit", key: app.adminKey)
            #expect(submitted.status == .unprocessableContent)
        }
    }

    @Test func hrFinanceAndAdminApproveOthersPlans() async throws {
        let manager = try await app.key(.manager, orgUnit: fixture.support)
        let hr = try await app.key(.hr)
        let finance = try await app.key(.finance)
        try await app.test { client in
            for approver in [hr, finance, app.adminKey] {
                let id = try await fixture.submitted(client, key: manager)
                let approved = try await post(client, id, "approve", key: approver, json: #"{"comment": "Within budget"}"#)
                #expect(approved.status == .ok)
                #expect(approved.json["status"] as? String == "approved")
                #expect(approved.json["decision_comment"] as? String == "Within budget")
                let approverID = try await fixture.keyID(client, approver)
                #expect(approved.json["decided_by_key_id"] as? String == approverID)
                #expect(approved.json["requisitions_created"] == nil)
                let again = try await post(client, id, "approve", key: approver, json: "{}")
                #expect(again.status == .conflict)
            }
        }
    }

    /// Admin keys may approve, but never a plan they wrote themselves.
    @Test func authorCannotApproveOrRejectItsOwnPlan() async throws {
        let otherAdmin = try await app.key(.admin)
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey)
            let approval = try await post(client, id, "approve", key: app.adminKey, json: "{}")
            #expect(approval.status == .forbidden)
            #expect((approval.json["detail"] as? String)?.contains("author") == true)
            let rejection = try await post(client, id, "reject", key: app.adminKey, json: #"{"comment": "Not mine to judge"}"#)
            #expect(rejection.status == .forbidden)
            let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: app.adminKey)
            #expect(read.json["status"] as? String == "submitted")
            let approved = try await post(client, id, "approve", key: otherAdmin, json: "{}")
            #expect(approved.status == .ok)
        }
    }

    @Test func managersAndViewersCannotDecide() async throws {
        let manager = try await app.key(.manager, orgUnit: fixture.support)
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey)
            for key in [manager, viewer] {
                let approval = try await post(client, id, "approve", key: key, json: "{}")
                #expect(approval.status == .forbidden)
                let rejection = try await post(client, id, "reject", key: key, json: #"{"comment": "No"}"#)
                #expect(rejection.status == .forbidden)
            }
        }
    }

    @Test func rejectionNeedsAComment() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey)
            let missing = try await post(client, id, "reject", key: finance, json: "{}")
            #expect(missing.status == .badRequest)
            #expect(missing.problemErrors.compactMap { $0["pointer"] } == ["/comment"])
            let blank = try await post(client, id, "reject", key: finance, json: #"{"comment": "   "}"#)
            #expect(blank.status == .badRequest)
            let rejected = try await post(client, id, "reject", key: finance, json: #"{"comment": "Too many hires in Q1"}"#)
            #expect(rejected.status == .ok)
            #expect(rejected.json["status"] as? String == "rejected")
            #expect(rejected.json["decision_comment"] as? String == "Too many hires in Q1")
        }
    }

    @Test func rejectedPlanIsRevisedOnceAsTheNextDraft() async throws {
        let manager = try await app.key(.manager, orgUnit: fixture.support)
        let finance = try await app.key(.finance)
        try await app.test { client in
            let draft = try await fixture.create(client, key: manager)
            let early = try await post(client, draft, "revise", key: manager)
            #expect(early.status == .conflict)
            _ = try await post(client, draft, "submit", key: manager)
            _ = try await post(client, draft, "reject", key: finance, json: #"{"comment": "Spread the hires"}"#)
            let revised = try await post(client, draft, "revise", key: manager)
            #expect(revised.status == .created)
            let revision = try #require(revised.json["id"] as? String)
            #expect(revision != draft)
            #expect(revised.headers[.location] == "/v1/hiring-plans/\(revision)")
            #expect(revised.json["status"] as? String == "draft")
            #expect(revised.json["revision"] as? Int == 2)
            #expect(revised.json["revised_from"] as? String == draft)
            #expect((revised.json["lines"] as? [[String: Any]])?.map { $0["change"] as? Int } == [3])
            let patched = try await client.send(.patch, "/v1/hiring-plans/\(revision)", key: manager, json: #"{"name": "Spread plan"}"#)
            #expect(patched.status == .ok)
            let twice = try await post(client, draft, "revise", key: manager)
            #expect(twice.status == .conflict)
            let original = try await client.send(.get, "/v1/hiring-plans/\(draft)", key: manager)
            #expect(original.json["status"] as? String == "rejected")
        }
    }

    @Test func eventsListEveryChangeAndDecisionInOrderWithTheirActors() async throws {
        let manager = try await app.key(.manager, orgUnit: fixture.support)
        let finance = try await app.key(.finance)
        try await app.test { client in
            let managerID = try await fixture.keyID(client, manager)
            let financeID = try await fixture.keyID(client, finance)
            let id = try await fixture.create(client, key: manager)
            _ = try await client.send(.patch, "/v1/hiring-plans/\(id)", key: manager, json: #"{"name": "Renamed"}"#)
            _ = try await post(client, id, "submit", key: manager)
            _ = try await post(client, id, "reject", key: finance, json: #"{"comment": "Too early"}"#)
            let revised = try await post(client, id, "revise", key: manager)
            let revision = try #require(revised.json["id"] as? String)
            let events = try await client.send(.get, "/v1/hiring-plans/\(id)/events", key: manager)
            #expect(events.status == .ok)
            let list = events.json["data"] as? [[String: Any]] ?? []
            #expect(list.map { $0["kind"] as? String } == ["created", "updated", "submitted", "rejected", "revised"])
            #expect(list.map { $0["actor_key_id"] as? String } == [managerID, managerID, managerID, financeID, managerID])
            #expect(list.map { $0["comment"] as? String } == [nil, nil, nil, "Too early", nil])
            #expect(list.last?["revision_id"] as? String == revision)
            #expect(list.allSatisfy { $0["at"] is String })
            let revisionEvents = try await client.send(.get, "/v1/hiring-plans/\(revision)/events", key: manager)
            #expect((revisionEvents.json["data"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["created"])
        }
    }

    @Test func approvalCreatesOneApprovedRequisitionPerPlannedHire() async throws {
        let hr = try await app.key(.hr)
        let body = fixture.plan(lines: [
            fixture.line("2027-01", 3), fixture.line("2027-02", -2), fixture.line("2027-03", 2, unit: fixture.supportEU),
        ])
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey, body: body)
            let approved = try await post(client, id, "approve", key: hr, json: #"{"create_requisitions": true}"#)
            #expect(approved.status == .ok)
            #expect(approved.json["requisitions_created"] as? Int == 5)
            let listed = try await client.send(.get, "/v1/requisitions?hiring_plan_id=\(id)", key: hr)
            let requisitions = listed.json["data"] as? [[String: Any]] ?? []
            #expect(requisitions.count == 5)
            let starts = requisitions.compactMap { $0["target_start_date"] as? String }.sorted()
            #expect(starts == ["2027-01-01", "2027-01-01", "2027-01-01", "2027-03-01", "2027-03-01"])
            let euCount = requisitions.filter { $0["org_unit_id"] as? String == fixture.supportEU.uuidString.lowercased() }.count
            #expect(euCount == 2)
            #expect(requisitions.allSatisfy {
                $0["role_id"] as? String == fixture.role.uuidString.lowercased() && $0["fte"] as? Double == 1
                    && $0["reason"] as? String == "growth" && $0["priority"] as? String == "medium"
                    && $0["status"] as? String == "approved" && $0["hiring_plan_id"] as? String == id
            })
            let events = try await client.send(.get, "/v1/hiring-plans/\(id)/events", key: hr)
            #expect((events.json["data"] as? [[String: Any]])?.last?["requisitions_created"] as? Int == 5)
        }
    }

    /// A failure while the requisitions are being inserted (forced by a trigger on the third of five) must
    /// leave neither requisitions nor an approval behind.
    @Test func approvalAndItsRequisitionsAreAllOrNothing() async throws {
        let hr = try await app.key(.hr)
        try await app.pool.query(
            """
            CREATE FUNCTION fail_march_requisitions() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.target_start_date = DATE '2027-03-01' THEN RAISE EXCEPTION 'injected failure'; END IF;
                RETURN NEW;
            END $$
            """
        )
        try await app.pool.query(
            "CREATE TRIGGER fail_march BEFORE INSERT ON requisitions FOR EACH ROW EXECUTE FUNCTION fail_march_requisitions()"
        )
        let body = fixture.plan(lines: [fixture.line("2027-01", 2), fixture.line("2027-03", 3)])
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey, body: body)
            let failed = try await post(client, id, "approve", key: hr, json: #"{"create_requisitions": true}"#)
            #expect(failed.status == .internalServerError)
            let read = try await client.send(.get, "/v1/hiring-plans/\(id)", key: hr)
            #expect(read.json["status"] as? String == "submitted")
            let none = try await client.send(.get, "/v1/requisitions?hiring_plan_id=\(id)", key: hr)
            #expect((none.json["data"] as? [Any])?.isEmpty == true)
            let events = try await client.send(.get, "/v1/hiring-plans/\(id)/events", key: hr)
            #expect((events.json["data"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["created", "submitted"])
            try await app.pool.query("DROP TRIGGER fail_march ON requisitions")
            let approved = try await post(client, id, "approve", key: hr, json: #"{"create_requisitions": true}"#)
            #expect(approved.json["requisitions_created"] as? Int == 5)
        }
    }

    @Test func approvalCreatesAtMostFiveThousandRequisitions() async throws {
        let hr = try await app.key(.hr)
        let body = fixture.plan(lines: [fixture.line("2027-01", 5000), fixture.line("2027-02", 1)])
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey, body: body)
            let tooMany = try await post(client, id, "approve", key: hr, json: #"{"create_requisitions": true}"#)
            #expect(tooMany.status == .unprocessableContent)
            let approved = try await post(client, id, "approve", key: hr, json: #"{"create_requisitions": false}"#)
            #expect(approved.status == .ok)
            let none = try await client.send(.get, "/v1/requisitions?hiring_plan_id=\(id)", key: hr)
            #expect((none.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    /// A retried approval (lost response) replays the first answer instead of failing or creating more.
    @Test func retriedApprovalWithTheSameIdempotencyKeyReplays() async throws {
        let hr = try await app.key(.hr)
        let header = HTTPField.Name("Idempotency-Key")!
        try await app.test { client in
            let id = try await fixture.submitted(client, key: app.adminKey)
            var responses: [TestResponse] = []
            for _ in 0..<2 {
                responses.append(try await client.send(
                    .post, "/v1/hiring-plans/\(id)/approve", key: hr, json: #"{"create_requisitions": true}"#, headers: [header: "approve-1"]
                ))
            }
            #expect(responses.map(\.status) == [.ok, .ok])
            #expect(responses[1].headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let listed = try await client.send(.get, "/v1/requisitions?hiring_plan_id=\(id)", key: hr)
            #expect((listed.json["data"] as? [Any])?.count == 3)
        }
    }
}
