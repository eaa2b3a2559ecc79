import Domain
import Forecasting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

@Suite struct TradeOffTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("tradeoffs")
    }

    /// The fixture's queue in June 2026, built by hand: 30,000 issues, the bot setting, the 40 agents' pool.
    static func model(qualityWeights: QualityWeights? = nil) throws -> ProjectionModel {
        let calendar = try QueueCalendar(operatingHoursPerMonth: 360, peakFactor: 1.6)
        let service = try ServiceQueue(
            answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 120,
            profile: calendar.profile, operatingDaysPerMonth: calendar.daysPerMonth
        )
        let ramp = try RampCurve.linear(firstMonth: 1.0 / 3, fullFromMonth: 3)
        let queuePool = try WorkforceAssumptions(ramp: ramp, shrinkage: 0.3)
        let automation = try AutomationInputs(
            newIssues: 30_000, botFirstShare: 0.7, trueContainment: 0.6, falseContainment: 0.1, humanAHTSeconds: 660,
            botCostPerConversation: Decimal(string: "0.045")!, humanFirstContactResolution: 0.75, escalationAHTMultiplier: 1.3,
            productiveHoursPerFTEMonth: queuePool.productiveHoursPerFTEMonth
        )
        return try ProjectionModel(
            queues: [ProjectedQueue(service: service, automation: [automation], pool: 0)],
            pools: [
                WorkforcePool(plan: try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 5, headcount: 40)], months: 1), assumptions: queuePool),
                WorkforcePool(
                    plan: try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 5, headcount: 5)], months: 1),
                    assumptions: try WorkforceAssumptions(ramp: ramp)
                ),
            ],
            rates: try CostRates(annualBaseSalary: 30_000, benefitsRate: Decimal(string: "0.2")!, payrollTaxRate: Decimal(string: "0.1")!, hiringCostPerHire: 4_000),
            qualityWeights: try qualityWeights ?? QualityWeights(botResolved: 0.78)
        )
    }

    /// The frontier is the engine's, no point of it is dominated, and it holds the cheapest point swept.
    @Test func frontierAgreesWithTheEngineAndIsPareto() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let response = try await client.send(.post, "/v1/tradeoffs", key: finance, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06"}
                """)
            #expect(response.status == .ok)
            #expect(response.json["current_bot_share"] as? Double == 0.7)
            #expect(response.json["points_evaluated"] as? Int == 121)
            #expect(response.json["currency"] as? String == "EUR")
            let frontier = try #require(response.json["frontier"] as? [[String: Any]])
            #expect(!frontier.isEmpty)
            let expected = try TradeOffFrontier(model: try Self.model(), queue: 0, month: 0)
            #expect(frontier.count == expected.frontier.count)
            for (shown, point) in zip(frontier, expected.frontier) {
                #expect(shown["bot_share"] as? Double == point.botShare)
                #expect(shown["staffing_ratio"] as? Double == point.staffingRatio)
                #expect(abs((shown["service_level"] as? Double ?? -1) - point.serviceLevel) <= 1e-12)
                #expect(abs((shown["quality_score"] as? Double ?? -1) - point.qualityScore) <= 1e-12)
                #expect(shown["total_cost"] as? String == Money.centsText(point.totalCost))
            }
            let objectives = frontier.map { (Double($0["total_cost"] as? String ?? "") ?? .nan, $0["service_level"] as? Double ?? .nan, $0["quality_score"] as? Double ?? .nan) }
            for (i, p) in objectives.enumerated() {
                let dominated = objectives.enumerated().contains { j, q in
                    j != i && q.0 <= p.0 && q.1 >= p.1 && q.2 >= p.2 && (q.0 < p.0 || q.1 > p.1 || q.2 > p.2)
                }
                #expect(!dominated, "point \(i) is dominated")
            }
            let cheapest = expected.points.map(\.totalCost).min()!
            #expect(frontier.contains { $0["total_cost"] as? String == Money.centsText(cheapest) })
        }
    }

    /// Quality weights given with the request score the points: the frontier is the engine's under those weights.
    @Test func qualityWeightOverridesScoreThePoints() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let response = try await client.send(.post, "/v1/tradeoffs", key: finance, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06", "assumptions": {"quality_weights": {"bot_resolved": 0.4, "abandoned": 0.1}}}
                """)
            #expect(response.status == .ok)
            let frontier = try #require(response.json["frontier"] as? [[String: Any]])
            let weights = try QualityWeights(botResolved: 0.4, abandoned: 0.1)
            let expected = try TradeOffFrontier(model: try Self.model(qualityWeights: weights), queue: 0, month: 0)
            let standard = try TradeOffFrontier(model: try Self.model(), queue: 0, month: 0)
            #expect(expected.points.map(\.qualityScore) != standard.points.map(\.qualityScore))
            #expect(frontier.count == expected.frontier.count)
            for (shown, point) in zip(frontier, expected.frontier) {
                #expect(shown["bot_share"] as? Double == point.botShare)
                #expect(shown["staffing_ratio"] as? Double == point.staffingRatio)
                #expect(abs((shown["quality_score"] as? Double ?? -1) - point.qualityScore) <= 1e-12)
            }
            let invalid = try await client.send(.post, "/v1/tradeoffs", key: finance, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06", "assumptions": {"quality_weights": {"bot_resolved": 1.5}}}
                """)
            #expect(invalid.status == .badRequest)
        }
    }

    /// Fixed FTE levels staff every share alike; the frontier of those points is still Pareto.
    @Test func fixedFTELevelsAreSweptAtEveryShare() async throws {
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let response = try await client.send(.post, "/v1/tradeoffs", key: app.adminKey, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06", "bot_share_steps": [0.3, 0.7],
                 "staffing_fte": {"from": 20, "to": 40, "step": 5}}
                """)
            #expect(response.status == .ok)
            #expect(response.json["points_evaluated"] as? Int == 10)
            let frontier = try #require(response.json["frontier"] as? [[String: Any]])
            #expect(!frontier.isEmpty)
            for point in frontier {
                let staffed = point["staffed_fte"] as? Double ?? -1
                #expect([20.0, 25, 30, 35, 40].contains { abs($0 - staffed) <= 1e-6 }, "\(staffed)")
            }
            let both = try await client.send(.post, "/v1/tradeoffs", key: app.adminKey, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06", "staffing": {"from": 1, "to": 1, "step": 1},
                 "staffing_fte": {"from": 20, "to": 40, "step": 5}}
                """)
            #expect(both.problemErrors.contains { $0["pointer"] == "/staffing_fte" })
            let huge = try await client.send(.post, "/v1/tradeoffs", key: app.adminKey, json: """
                {"queue_id": "\(fixture.queueID)", "month": "2026-06", "staffing_fte": {"from": 0, "to": 99999, "step": 0.001}}
                """)
            #expect(huge.problemErrors.contains { $0["pointer"] == "/staffing_fte/step" })
        }
    }

    @Test func sweepIsBoundedAndCostsAreHiddenFromViewers() async throws {
        let root = try await app.orgUnit("Company")
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let sales = try await app.orgUnit("Sales", parent: root)
            let outside = try await app.key(.manager, orgUnit: sales)
            let inside = try await app.key(.manager, orgUnit: fixture.unit)
            func post(_ key: String, _ extra: String) async throws -> TestResponse {
                try await client.send(.post, "/v1/tradeoffs", key: key, json: #"{"queue_id": "\#(fixture.queueID)", "month": "2026-06"\#(extra)}"#)
            }
            let seen = try await post(viewer, #", "bot_share_steps": [0.5, 0.7], "staffing": {"from": 0.8, "to": 1.2, "step": 0.2}"#)
            #expect(seen.status == .ok)
            #expect(seen.json["points_evaluated"] as? Int == 6)
            #expect(!seen.text.contains("cost"))
            let own = try await post(inside, #", "bot_share_range": {"from": 0, "to": 1, "step": 0.25}"#)
            #expect(own.status == .ok)
            #expect(own.json["points_evaluated"] as? Int == 55)
            let foreign = try await post(outside, "")
            #expect(foreign.status == .unprocessableContent)
            let tooMany = try await post(app.adminKey, #", "bot_share_range": {"from": 0, "to": 1, "step": 0.001}"#)
            #expect(tooMany.status == .badRequest)
            #expect(tooMany.problemErrors.contains { $0["pointer"] == "/staffing" })
            let both = try await post(app.adminKey, #", "bot_share_steps": [0.5], "bot_share_range": {"from": 0, "to": 1, "step": 0.5}"#)
            #expect(both.problemErrors.contains { $0["pointer"] == "/bot_share_range" })
            let backwards = try await post(app.adminKey, #", "staffing": {"from": 1.5, "to": 0.5, "step": 0.1}"#)
            #expect(backwards.problemErrors.contains { $0["pointer"] == "/staffing/to" })
        }
    }
}
