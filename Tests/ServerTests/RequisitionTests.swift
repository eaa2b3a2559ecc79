import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct RequisitionTests {
    let app: TestApplication
    let support: UUID
    let sales: UUID
    let role: UUID

    init() async throws {
        app = try await TestApplication.make("requisitions")
        support = try await app.orgUnit("Support")
        sales = try await app.orgUnit("Sales")
        role = try await JobRoleStore(pool: app.pool).create(try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "30000",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        )).id
    }

    private func draft(_ client: some TestClientProtocol, key: String, unit: UUID? = nil) async throws -> String {
        let response = try await client.send(.post, "/v1/requisitions", key: key, json: """
            {"org_unit_id": "\(unit ?? support)", "role_id": "\(role)", "fte": 1, "reason": "quality", "priority": "high",
             "target_start_date": "2026-09-01"}
            """)
        #expect(response.status == .created)
        return try #require(response.json["id"] as? String)
    }

    private func move(_ client: some TestClientProtocol, _ id: String, to state: String, key: String, extra: String = "") async throws -> TestResponse {
        try await client.send(.post, "/v1/requisitions/\(id)/transitions", key: key, json: #"{"to": "\#(state)", "comment": "to \#(state)"\#(extra)}"#)
    }

    @Test func lifecycleFromDraftToFilledCreatesThePosition() async throws {
        let manager = try await app.key(.manager, orgUnit: support)
        let hr = try await app.key(.hr)
        try await app.test { client in
            let id = try await draft(client, key: manager)
            let value601 = try await move(client, id, to: "pending_approval", key: manager).status
            #expect(value601 == .ok)
            let selfApproval = try await move(client, id, to: "approved", key: manager)
            #expect(selfApproval.status == .forbidden)
            let value602 = try await move(client, id, to: "approved", key: hr).status
            #expect(value602 == .ok)
            let value603 = try await move(client, id, to: "open", key: manager).status
            #expect(value603 == .ok)
            let value604 = try await move(client, id, to: "offer", key: manager).status
            #expect(value604 == .ok)
            let filled = try await move(client, id, to: "filled", key: hr, extra: #", "start_date": "2026-09-15", "employee_ref": "emp-42""#)
            #expect(filled.status == .ok)
            #expect(filled.json["status"] as? String == "filled")
            #expect(filled.json["start_date"] as? String == "2026-09-15")
            #expect(filled.json["time_to_fill_days"] as? Int == 0)
            #expect((filled.json["allowed_transitions"] as? [Any])?.isEmpty == true)
            let positionID = try #require(filled.json["filled_position_id"] as? String)
            let position = try await client.send(.get, "/v1/positions/\(positionID)?as_of=2026-09-15", key: hr)
            #expect(position.json["status"] as? String == "filled")
            #expect(position.json["employee_ref"] as? String == "emp-42")
            let value605 = try await client.send(.get, "/v1/positions/\(positionID)?as_of=2026-09-14", key: hr).status
            #expect(value605 == .notFound)
            let history = try await client.send(.get, "/v1/requisitions/\(id)/transitions", key: manager)
            let steps = history.json["data"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["to"] as? String } == ["draft", "pending_approval", "approved", "open", "offer", "filled"])
            #expect(steps.last?["comment"] as? String == "to filled")
            #expect(steps.allSatisfy { $0["actor_key_id"] is String && $0["at"] is String })
        }
    }

    @Test func illegalTransitionIsConflictNamingTheAllowedOnes() async throws {
        try await app.test { client in
            let id = try await draft(client, key: app.adminKey)
            let response = try await move(client, id, to: "open", key: app.adminKey)
            #expect(response.status == .conflict)
            #expect((response.json["detail"] as? String)?.contains("allowed: pending_approval, cancelled") == true)
            let read = try await client.send(.get, "/v1/requisitions/\(id)", key: app.adminKey)
            #expect(read.json["status"] as? String == "draft")
        }
    }

    @Test func onHoldResumesToTheStateItWasHeldFrom() async throws {
        try await app.test { client in
            let id = try await draft(client, key: app.adminKey)
            _ = try await move(client, id, to: "pending_approval", key: app.adminKey)
            _ = try await move(client, id, to: "approved", key: app.adminKey)
            let held = try await move(client, id, to: "on_hold", key: app.adminKey)
            #expect(held.json["held_from"] as? String == "approved")
            #expect(held.json["allowed_transitions"] as? [String] == ["approved", "cancelled"])
            let value606 = try await move(client, id, to: "open", key: app.adminKey).status
            #expect(value606 == .conflict)
            let resumed = try await move(client, id, to: "approved", key: app.adminKey)
            #expect(resumed.json["status"] as? String == "approved")
            #expect(resumed.json["held_from"] == nil)
            _ = try await move(client, id, to: "cancelled", key: app.adminKey)
            let value607 = try await move(client, id, to: "draft", key: app.adminKey).status
            #expect(value607 == .conflict)
        }
    }

    @Test func backfillFillsTheExistingPosition() async throws {
        let state = try PositionState(orgUnitID: support.uuidString, roleID: role.uuidString, fte: 0.5, status: .vacant, queueID: nil, employeeRef: nil, salaryOverride: nil)
        let position = try await PositionStore(pool: app.pool).create(state, externalID: nil, effectiveDate: CalendarDate("2026-01-01")!, scope: .everything, recordedBy: UUID())
        try await app.test { client in
            let created = try await client.send(.post, "/v1/requisitions", key: app.adminKey, json: """
                {"backfill_position_id": "\(position.id)", "reason": "backfill", "priority": "medium", "target_start_date": "2026-05-01"}
                """)
            #expect(created.status == .created)
            #expect(created.json["fte"] as? Double == 0.5)
            let id = try #require(created.json["id"] as? String)
            for state in ["pending_approval", "approved", "open", "offer"] { _ = try await move(client, id, to: state, key: app.adminKey) }
            let filled = try await move(client, id, to: "filled", key: app.adminKey)
            #expect(filled.json["filled_position_id"] as? String == position.id.uuidString.lowercased())
            let april = try await client.send(.get, "/v1/positions/\(position.id)?as_of=2026-04-30", key: app.adminKey)
            #expect(april.json["status"] as? String == "vacant")
            let may = try await client.send(.get, "/v1/positions/\(position.id)?as_of=2026-05-01", key: app.adminKey)
            #expect(may.json["status"] as? String == "filled")
        }
    }

    @Test func managersWorkOnlyInsideTheirSubtree() async throws {
        let manager = try await app.key(.manager, orgUnit: support)
        try await app.test { client in
            let outside = try await client.send(.post, "/v1/requisitions", key: manager, json: """
                {"org_unit_id": "\(sales)", "role_id": "\(role)", "fte": 1, "reason": "growth", "priority": "low", "target_start_date": "2026-09-01"}
                """)
            #expect(outside.status == .unprocessableContent)
            let salesRequisition = try await draft(client, key: app.adminKey, unit: sales)
            let value608 = try await client.send(.get, "/v1/requisitions/\(salesRequisition)", key: manager).status
            #expect(value608 == .notFound)
            let value609 = try await move(client, salesRequisition, to: "pending_approval", key: manager).status
            #expect(value609 == .notFound)
            let listed = try await client.send(.get, "/v1/requisitions", key: manager)
            #expect((listed.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func newPositionRequisitionNeedsUnitRoleAndFTE() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/requisitions", key: app.adminKey, json: """
                {"reason": "growth", "priority": "low", "target_start_date": "2026-09-01"}
                """)
            #expect(response.status == .badRequest)
            #expect(Set(response.problemErrors.compactMap { $0["pointer"] }) == ["/org_unit_id", "/role_id", "/fte"])
        }
    }
}
