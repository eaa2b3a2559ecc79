import Domain
import Forecasting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
@testable import Server
import Testing

@Suite struct RecommendationTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("recommendations")
    }

    static func request(_ fixture: ProjectionFixture, extra: String = "") -> String {
        """
        {"org_unit_id": "\(fixture.unit.uuidString.lowercased())", "start_month": "2026-06", "horizon_months": 8,
         "service_level_target": 0.95\(extra)}
        """
    }

    /// The deterministic projection of the run stored with `lines` applied inline.
    static func projected(
        _ app: TestApplication, client: some TestClientProtocol, fixture: ProjectionFixture, lines: Any, assumptions: String = "{}"
    ) async throws -> [ProjectionMonth] {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: lines), as: UTF8.self)
        let extra = #", "changes": {"lines": \#(text)}, "assumptions": \#(assumptions)"#
        let run = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 8, draws: 1, extra: extra))
        let id = try #require(run.json["id"] as? String)
        let rows = try await app.pool.query("SELECT inputs::text AS inputs FROM projections WHERE id = $1::uuid", [UUID(uuidString: id)!])
        let inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(try rows[0].decode(String.self, "inputs").utf8))
        return try inputs.model().0.project()
    }

    /// Projected by the engine, the recommended plan meets the target in every month outside the lead time,
    /// which the current staff alone does not.
    @Test func recommendedPlanMeetsTheTargetInTheEngine() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let response = try await client.send(.post, "/v1/recommendations", key: finance, json: Self.request(fixture))
            #expect(response.status == .ok)
            let plan = try #require(response.json["plan"] as? [String: Any])
            let lines = try #require(plan["lines"] as? [[String: Any]])
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0["role_id"] as? String == fixture.roleID && $0["queue_id"] as? String == fixture.queueID })
            #expect(response.json["hires"] as? Int == lines.reduce(0) { $0 + ($1["change"] as? Int ?? 0) })
            let gaps = Set((response.json["infeasible_months"] as? [[String: Any]] ?? []).compactMap { $0["month"] as? String })
            let start = CalendarMonth("2026-06")!
            let with = try await Self.projected(app, client: client, fixture: fixture, lines: lines)
            for month in with where !gaps.contains(start.adding(months: month.month).description) {
                #expect(month.queues[0].serviceLevel >= 0.95, "month \(month.month)")
            }
            #expect(response.json["total_cost"] as? String == Money.centsText(with.reduce(Decimal(0)) { $0 + $1.totalCost }))
            let without = try await Self.projected(app, client: client, fixture: fixture, lines: [] as [Any])
            #expect(without.contains { $0.queues[0].serviceLevel < 0.95 && !gaps.contains(start.adding(months: $0.month).description) })
        }
    }

    /// Assumption overrides reach the recommendation: under heavy attrition and a one-month lead time the plan
    /// hires more people, earlier, and the engine run under the same assumptions meets the target.
    @Test func assumptionOverridesChangeTheRecommendation() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let assumptions = #"{"annual_attrition": 0.6, "lead_time_months": 1}"#
            let standard = try await client.send(.post, "/v1/recommendations", key: finance, json: Self.request(fixture))
            let response = try await client.send(
                .post, "/v1/recommendations", key: finance, json: Self.request(fixture, extra: #", "assumptions": \#(assumptions)"#)
            )
            #expect(response.status == .ok)
            let standardHires = try #require(standard.json["hires"] as? Int)
            let hires = try #require(response.json["hires"] as? Int)
            #expect(hires > standardHires)
            let gaps = (response.json["infeasible_months"] as? [[String: Any]] ?? []).compactMap { $0["month"] as? String }
            #expect(gaps.allSatisfy { $0 == "2026-06" }, "only the month within the one-month lead time: \(gaps)")
            let lines = try #require((response.json["plan"] as? [String: Any])?["lines"] as? [[String: Any]])
            let with = try await Self.projected(app, client: client, fixture: fixture, lines: lines, assumptions: assumptions)
            for month in with.dropFirst() {
                #expect(month.queues[0].serviceLevel >= 0.95, "month \(month.month)")
            }
            let invalid = try await client.send(
                .post, "/v1/recommendations", key: finance, json: Self.request(fixture, extra: #", "assumptions": {"lead_time_months": 99}"#)
            )
            #expect(invalid.status == .badRequest)
            #expect(invalid.problemErrors.contains { $0["pointer"] == "/assumptions/lead_time_months" })
        }
    }

    /// A recommendation that outlasts the decision budget is abandoned with a 422, and no draft is stored.
    @Test func aRecommendationPastTheBudgetIsAbandoned() async throws {
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        try await app.test(decisionBudget: .zero) { client in
            let response = try await client.send(
                .post, "/v1/recommendations", key: app.adminKey, json: Self.request(fixture, extra: #", "create_draft": true"#)
            )
            #expect(response.status == .unprocessableContent)
            #expect((response.json["detail"] as? String)?.contains("takes longer than") == true)
        }
        let count = try await app.pool.query("SELECT count(*)::int AS n FROM hiring_plans")
        #expect(try count[0].decode(Int.self, "n") == 0)
    }

    /// `create_draft` stores the recommended plan as a draft the manager can submit.
    @Test func createDraftStoresADraftPlan() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let manager = try await app.key(.manager, orgUnit: fixture.unit)
            let created = try await client.send(.post, "/v1/recommendations", key: manager, json: Self.request(fixture, extra: #", "create_draft": true, "name": "More agents""#))
            #expect(created.status == .created)
            let id = try #require(created.json["hiring_plan_id"] as? String)
            #expect(created.headers[.location] == "/v1/hiring-plans/\(id)")
            let stored = try await client.send(.get, "/v1/hiring-plans/\(id)", key: manager)
            #expect(stored.json["status"] as? String == "draft")
            #expect(stored.json["name"] as? String == "More agents")
            let storedLines = stored.json["lines"] as? [[String: Any]] ?? []
            #expect(storedLines.count == ((created.json["plan"] as? [String: Any])?["lines"] as? [Any])?.count)
            let submitted = try await client.send(.post, "/v1/hiring-plans/\(id)/submit", key: manager, json: "{}")
            #expect(submitted.status == .ok)
            let financeDraft = try await client.send(.post, "/v1/recommendations", key: finance, json: Self.request(fixture, extra: #", "create_draft": true"#))
            #expect(financeDraft.status == .forbidden)
        }
    }

    @Test func rolesScopeAndValidation() async throws {
        let root = try await app.orgUnit("Company")
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let sales = try await app.orgUnit("Sales", parent: root)
            let outside = try await app.key(.manager, orgUnit: sales)
            let denied = try await client.send(.post, "/v1/recommendations", key: viewer, json: Self.request(fixture))
            #expect(denied.status == .forbidden)
            let foreign = try await client.send(.post, "/v1/recommendations", key: outside, json: Self.request(fixture))
            #expect(foreign.status == .unprocessableContent)
            let badTarget = try await client.send(.post, "/v1/recommendations", key: app.adminKey, json: Self.request(fixture, extra: #", "quality_floor": 2"#))
            #expect(badTarget.problemErrors.contains { $0["pointer"] == "/quality_floor" })
            let unknownRole = try await client.send(.post, "/v1/recommendations", key: app.adminKey, json: Self.request(fixture, extra: #", "role_id": "\#(UUID().uuidString.lowercased())""#))
            #expect(unknownRole.status == .unprocessableContent)
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM hiring_plans")
            #expect(try count[0].decode(Int.self, "n") == 0)
        }
    }
}
