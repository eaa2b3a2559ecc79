import Domain
import Forecasting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
@testable import Server
import Store
import Testing

/// A support unit with one chat queue (demand, a bot), 40 agents staffing it and 5 staff outside the queues.
struct ProjectionFixture {
    let app: TestApplication
    let unit: UUID
    let queueID: String
    let roleID: String

    static func make(_ app: TestApplication, client: some TestClientProtocol) async throws -> ProjectionFixture {
        let unit = try await app.orgUnit("Support")
        let role = try await client.send(.post, "/v1/roles", key: app.adminKey, json: """
            {"title": "Agent", "currency": "EUR", "annual_base_salary": "30000", "benefits_rate": 0.2, "payroll_tax_rate": 0.1,
             "hiring_cost_per_hire": "4000", "ramp_months_to_full_productivity": 3}
            """)
        let roleID = try #require(role.json["id"] as? String)
        let queue = try await client.send(.post, "/v1/queues", key: app.adminKey, json: QueueTests.queueJSON(unit: unit))
        let queueID = try #require(queue.json["id"] as? String)
        _ = try await client.send(.put, "/v1/queues/\(queueID)/automation/2026-01", key: app.adminKey, json: AutomationCoverageTests.setting)
        _ = try await client.send(.put, "/v1/queues/\(queueID)/demand", key: app.adminKey, json: """
            {"months": [{"month": "2026-06", "forecast_volume": 30000}, {"month": "2026-07", "forecast_volume": 32000}]}
            """)
        let positions = (0..<40).map { index in
            "pos-\(index),\(unit.uuidString.lowercased()),\(roleID),1,filled,\(queueID),2026-01-01"
        } + (40..<45).map { index in "pos-\(index),\(unit.uuidString.lowercased()),\(roleID),1,filled,,2026-01-01" }
        let csv = "external_id,org_unit_id,role_id,fte,status,queue_id,effective_date\n" + positions.joined(separator: "\n")
        let imported = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: csv, contentType: "text/csv")
        #expect(imported.status == .ok)
        return ProjectionFixture(app: app, unit: unit, queueID: queueID, roleID: roleID)
    }

    func request(horizon: Int = 4, draws: Int = 200, seed: Int = 7, extra: String = "") -> String {
        """
        {"org_unit_id": "\(unit.uuidString.lowercased())", "start_month": "2026-06", "horizon_months": \(horizon),
         "draws": \(draws), "seed": \(seed)\(extra)}
        """
    }
}

@Suite struct ProjectionTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("projections")
    }

    /// The API's numbers equal the engine's, called directly with the same inputs built by hand.
    @Test func numbersAgreeWithTheEngine() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let response = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request())
            #expect(response.status == .created)
            #expect(response.json["status"] as? String == "completed")
            #expect((response.json["inputs_hash"] as? String)?.count == 64)
            #expect(response.json["engine_version"] as? String == ProjectionInputs.engineVersion)
            #expect(response.json["currency"] as? String == "EUR")
            let result = try #require(response.json["result"] as? [String: Any])
            let months = try #require(result["months"] as? [[String: Any]])
            #expect(months.map { $0["month"] as? String } == ["2026-06", "2026-07", "2026-08", "2026-09"])

            // The same model, by hand: one queue staffed by a pool of 40 agents of tenure 5, a second pool of 5.
            let calendar = try QueueCalendar(operatingHoursPerMonth: 360, peakFactor: 1.6)
            let service = try ServiceQueue(
                answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 120,
                profile: calendar.profile, operatingDaysPerMonth: calendar.daysPerMonth
            )
            let ramp = try RampCurve.linear(firstMonth: 1.0 / 3, fullFromMonth: 3)
            let queuePool = try WorkforceAssumptions(ramp: ramp, shrinkage: 0.3)
            let volumes: [Double] = [30_000, 32_000, 32_000, 32_000]
            let automation = try volumes.map { volume in
                try AutomationInputs(
                    newIssues: volume, botFirstShare: 0.7, trueContainment: 0.6, falseContainment: 0.1, humanAHTSeconds: 660,
                    botCostPerConversation: Decimal(string: "0.045")!, humanFirstContactResolution: 0.75, escalationAHTMultiplier: 1.3,
                    productiveHoursPerFTEMonth: queuePool.productiveHoursPerFTEMonth
                )
            }
            let model = try ProjectionModel(
                queues: [ProjectedQueue(service: service, automation: automation, pool: 0)],
                pools: [
                    WorkforcePool(plan: try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 5, headcount: 40)], months: 4), assumptions: queuePool),
                    WorkforcePool(
                        plan: try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 5, headcount: 5)], months: 4),
                        assumptions: try WorkforceAssumptions(ramp: ramp)
                    ),
                ],
                rates: try CostRates(annualBaseSalary: 30_000, benefitsRate: Decimal(string: "0.2")!, payrollTaxRate: Decimal(string: "0.1")!, hiringCostPerHire: 4_000),
                qualityWeights: try QualityWeights(botResolved: 0.78)
            )
            let distribution = try await model.simulate(try UncertaintySettings(draws: 200, seed: 7))
            for (index, month) in months.enumerated() {
                let metrics = try #require(month["metrics"] as? [String: [String: Double]])
                for (metric, name) in ProjectionRunner.metrics.map({ ($0.metric, $0.name) }) {
                    let band = distribution.band(metric, month: index)
                    let shown = try #require(metrics[name], "\(name) missing")
                    // Equal up to the last bits a JSON round trip may change.
                    for (value, expected) in [(shown["p10"], band.p10), (shown["p50"], band.p50), (shown["p90"], band.p90)] {
                        let close = value.map { abs($0 - expected) <= 1e-12 * max(1, abs(expected)) } ?? false
                        #expect(close, "\(name) month \(index): \(shown) vs \(band)")
                    }
                }
                let probability = try #require(month["probability_below_target"] as? Double)
                #expect(abs(probability - distribution.probabilityBelowTarget[index]) <= 1e-12)
            }
        }
    }

    @Test func sameInputsAndSeedGiveTheIdenticalResult() async throws {
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let first = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            let second = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            let other = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(seed: 8))
            #expect(first.json["id"] as? String != second.json["id"] as? String)
            #expect(first.json["inputs_hash"] as? String == second.json["inputs_hash"] as? String)
            #expect(first.json["inputs_hash"] as? String != other.json["inputs_hash"] as? String)
            let a = try JSONSerialization.data(withJSONObject: first.json["result"] as Any, options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: second.json["result"] as Any, options: .sortedKeys)
            #expect(a == b)
            let id = try #require(first.json["id"] as? String)
            let read = try await client.send(.get, "/v1/projections/\(id)", key: app.adminKey)
            #expect(try JSONSerialization.data(withJSONObject: read.json["result"] as Any, options: .sortedKeys) == a)
            let stored = try await app.pool.query("SELECT created_by::text AS who, seed FROM projections WHERE id = $1::uuid", [UUID(uuidString: id)!])
            #expect(try stored[0].decode(Int64.self, "seed") == 7)
            // Who ran it (the calling key) and when are stored and shown.
            let me = try await client.send(.get, "/v1/me", key: app.adminKey)
            let caller = try #require(me.json["key_id"] as? String)
            #expect(try stored[0].decode(String.self, "who") == caller)
            #expect(read.json["created_by"] as? String == caller)
            #expect((read.json["created_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)
        }
    }

    /// Months past the last demand figure take the last known volume grown by `annual_demand_growth`.
    @Test func demandGrowthExtendsTheLastKnownVolume() async throws {
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            func contacts(_ growth: Double) async throws -> [Double] {
                let response = try await client.send(
                    .post, "/v1/projections", key: app.adminKey,
                    json: fixture.request(extra: #", "assumptions": {"annual_demand_growth": \#(growth)}"#)
                )
                let months = try #require((response.json["result"] as? [String: Any])?["months"] as? [[String: Any]])
                return try months.map { try #require(($0["metrics"] as? [String: [String: Double]])?["human_contacts"]?["p50"]) }
            }
            let flat = try await contacts(0)
            let doubling = try await contacts(1)
            // 2026-06 and 2026-07 have forecasts; 2026-09 is two months after the last one.
            #expect(flat[0] == doubling[0] && flat[1] == doubling[1])
            #expect(abs(doubling[3] / flat[3] - pow(2, 2.0 / 12)) < 1e-9)
        }
    }

    @Test func csvHasOneRowPerMonthAndMetric() async throws {
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let created = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 3))
            let id = try #require(created.json["id"] as? String)
            let csv = try await client.send(.get, "/v1/projections/\(id)", key: app.adminKey, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let rows = csv.text.split(separator: "\r\n").map(String.init)
            #expect(rows.first == "month,metric,p10,p50,p90")
            let metricCount = ProjectionRunner.metrics.count
            #expect(rows.count == 1 + 3 * (metricCount + 1) + ProjectionRunner.additive.count)
            let months = try #require((created.json["result"] as? [String: Any])?["months"] as? [[String: Any]])
            let june = try #require((months[0]["metrics"] as? [String: [String: Double]])?["total_cost"])
            #expect(rows.contains("2026-06,total_cost,\(june["p10"]!),\(june["p50"]!),\(june["p90"]!)"))
            #expect(rows.contains { $0.hasPrefix("total,hires,") })
            let viewerCSV = try await client.send(.get, "/v1/projections/\(id)", key: viewer, headers: [.accept: "text/csv"])
            #expect(!viewerCSV.text.contains("cost"))
            let viewerJSON = try await client.send(.get, "/v1/projections/\(id)", key: viewer)
            #expect(!viewerJSON.text.contains("total_cost"))
            #expect(viewerJSON.text.contains("service_level"))
        }
    }

    @Test func rolesScopeAndValidation() async throws {
        let root = try await app.orgUnit("Company")
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let sales = try await app.orgUnit("Sales", parent: root)
            let inside = try await app.key(.manager, orgUnit: fixture.unit)
            let outside = try await app.key(.manager, orgUnit: sales)
            let denied = try await client.send(.post, "/v1/projections", key: viewer, json: fixture.request())
            #expect(denied.status == .forbidden)
            let foreign = try await client.send(.post, "/v1/projections", key: outside, json: fixture.request())
            #expect(foreign.status == .unprocessableContent)
            #expect(foreign.problemErrors.contains { $0["pointer"] == "/org_unit_id" })
            let own = try await client.send(.post, "/v1/projections", key: inside, json: fixture.request())
            #expect(own.status == .created)
            let id = try #require(own.json["id"] as? String)
            let hidden = try await client.send(.get, "/v1/projections/\(id)", key: outside)
            #expect(hidden.status == .notFound)
            let listed = try await client.send(.get, "/v1/projections", key: outside)
            #expect((listed.json["data"] as? [[String: Any]])?.isEmpty == true)
            let tooLong = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 61))
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.problemErrors.contains { $0["pointer"] == "/horizon_months" })
            let noQueues = try await client.send(.post, "/v1/projections", key: app.adminKey, json: """
                {"org_unit_id": "\(sales.uuidString.lowercased())", "start_month": "2026-06", "horizon_months": 3}
                """)
            #expect(noQueues.status == .unprocessableContent)
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM projections")
            #expect(try count[0].decode(Int.self, "n") == 1)
        }
    }

    /// Inline changes and approved plans reach the engine: hires appear, and so does their cost.
    @Test func plansAndInlineChangesAreApplied() async throws {
        let hr = try await app.key(.hr)
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let unit = fixture.unit.uuidString.lowercased()
            let base = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request())
            let line = """
                {"month": "2026-06", "org_unit_id": "\(unit)", "role_id": "\(fixture.roleID)", "queue_id": "\(fixture.queueID)", "change": 10, "reason": "Rehire"}
                """
            let inline = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request(extra: #", "changes": {"lines": ["# + line + "]}"))
            #expect(inline.status == .created)
            func totalHires(_ response: TestResponse) -> Double? {
                ((response.json["result"] as? [String: Any])?["totals"] as? [String: Any]).flatMap { ($0["hires"] as? [String: Double])?["p50"] }
            }
            #expect(totalHires(base) == 0)
            #expect(totalHires(inline) == 10)
            let plan = try await client.send(.post, "/v1/hiring-plans", key: hr, json: """
                {"name": "Rehire", "org_unit_id": "\(unit)", "lines": [\(line)]}
                """)
            let planID = try #require(plan.json["id"] as? String)
            _ = try await client.send(.post, "/v1/hiring-plans/\(planID)/submit", key: hr, json: "{}")
            let approved = try await client.send(.post, "/v1/hiring-plans/\(planID)/approve", key: finance, json: "{}")
            #expect(approved.status == .ok)
            let withPlan = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request())
            #expect(withPlan.json["applied_plan_ids"] as? [String] == [planID])
            #expect(totalHires(withPlan) == 10)
            // The same hires from a stored plan rather than inline changes: another snapshot, so another hash.
            #expect(withPlan.json["inputs_hash"] as? String != inline.json["inputs_hash"] as? String)
            let without = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request(extra: #", "include_approved_plans": false"#))
            #expect(totalHires(without) == 0)
            // Any visible plan by id, a draft included, instead of the approved ones.
            let draft = try await client.send(.post, "/v1/hiring-plans", key: hr, json: """
                {"name": "Draft rehire", "org_unit_id": "\(unit)", "lines": [\(line)]}
                """)
            let draftID = try #require(draft.json["id"] as? String)
            let byID = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request(
                extra: #", "include_approved_plans": false, "plan_ids": ["\#(draftID)"]"#
            ))
            #expect(byID.status == .created)
            #expect(byID.json["applied_plan_ids"] as? [String] == [draftID])
            #expect(totalHires(byID) == 10)
            let unknown = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request(
                extra: #", "plan_ids": ["\#(UUID().uuidString.lowercased())"]"#
            ))
            #expect(unknown.status == .unprocessableContent)
        }
    }
}
