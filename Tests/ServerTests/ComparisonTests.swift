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

@Suite struct ComparisonTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("comparisons")
    }

    static func hireLine(_ fixture: ProjectionFixture, change: Int = 10) -> String {
        """
        , "changes": {"lines": [{"month": "2026-06", "org_unit_id": "\(fixture.unit.uuidString.lowercased())", "role_id": "\(fixture.roleID)",
         "queue_id": "\(fixture.queueID)", "change": \(change), "reason": "Rehire"}]}
        """
    }

    static func figure(_ period: [String: Any]?, _ metric: String) -> [String: Any]? {
        (period?["metrics"] as? [String: Any])?[metric] as? [String: Any]
    }

    static func delta(_ period: [String: Any]?, _ metric: String) -> [String: Double]? {
        figure(period, metric)?["delta"] as? [String: Double]
    }

    /// Per-draw differences of both stored snapshots, simulated directly with the base's settings.
    static func directDistributions(_ app: TestApplication, _ ids: [String]) async throws -> (ProjectionDistribution, ProjectionDistribution) {
        var models: [(ProjectionModel, UncertaintySettings)] = []
        for id in ids {
            let rows = try await app.pool.query("SELECT inputs::text AS inputs FROM projections WHERE id = $1::uuid", [UUID(uuidString: id)!])
            let inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(try rows[0].decode(String.self, "inputs").utf8))
            models.append(try inputs.model())
        }
        let settings = models[0].1
        return (try await models[0].0.simulate(settings), try await models[1].0.simulate(settings))
    }

    /// Identical inputs on common random numbers differ by exactly nothing, in every draw.
    @Test func identicalRunsDifferByExactlyZero() async throws {
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let first = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            let second = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(seed: 99))
            let ids = [try #require(first.json["id"] as? String), try #require(second.json["id"] as? String)]
            let compared = try await client.send(.post, "/v1/projections/compare", key: app.adminKey, json: """
                {"projection_ids": ["\(ids[0])", "\(ids[1])"]}
                """)
            #expect(compared.status == .ok)
            #expect(compared.json["seed"] as? Int == 7)
            let months = try #require(compared.json["months"] as? [[String: Any]])
            #expect(months.count == 4)
            for period in months + [try #require(compared.json["horizon"] as? [String: Any])] {
                let metrics = try #require(period["metrics"] as? [String: [String: Any]])
                #expect(metrics.count == ProjectionRunner.metrics.count)
                for (name, figure) in metrics {
                    #expect(figure["delta"] as? [String: Double] == ["p10": 0, "p50": 0, "p90": 0], "\(name)")
                    #expect(figure["base_p50"] as? Double == figure["alternative_p50"] as? Double, "\(name)")
                }
                #expect(period["probability_service_level_better"] as? Double == 0)
                #expect(period["probability_total_cost_lower"] as? Double == 0)
            }
        }
    }

    /// The API's per-draw differences equal the engine's, run directly on both snapshots with the same seed;
    /// hiring buys service level at a cost.
    @Test func storedRunsAgreeWithTheEngineAndHiringCostsMoreAndServesBetter() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let base = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request())
            let hiring = try await client.send(.post, "/v1/projections", key: finance, json: fixture.request(seed: 8, extra: Self.hireLine(fixture)))
            let ids = [try #require(base.json["id"] as? String), try #require(hiring.json["id"] as? String)]
            let compared = try await client.send(.post, "/v1/projections/compare", key: finance, json: """
                {"projection_ids": ["\(ids[0])", "\(ids[1])"]}
                """)
            #expect(compared.status == .ok)
            #expect((compared.json["alternative"] as? [String: Any])?["projection_id"] as? String == ids[1])
            let (a, b) = try await Self.directDistributions(app, ids)
            let months = try #require(compared.json["months"] as? [[String: Any]])
            for (index, period) in months.enumerated() {
                for (metric, name) in ProjectionRunner.metrics.map({ ($0.metric, $0.name) }) {
                    let expected = PercentileBand(sorted: zip(b.samples(metric, month: index), a.samples(metric, month: index)).map { $0 - $1 }.sorted())
                    let shown = try #require(Self.delta(period, name))
                    for (value, want) in [(shown["p10"], expected.p10), (shown["p50"], expected.p50), (shown["p90"], expected.p90)] {
                        #expect(value.map { abs($0 - want) <= 1e-9 * max(1, abs(want)) } == true, "\(name) month \(index)")
                    }
                }
            }
            let totals = (0..<a.draws).map { draw in
                (0..<a.months).reduce(0.0) { $0 + b.samples(.totalCost, month: $1)[draw] - a.samples(.totalCost, month: $1)[draw] }
            }
            let horizon = compared.json["horizon"] as? [String: Any]
            let totalCost = try #require(Self.delta(horizon, "total_cost"))
            #expect(abs(totalCost["p50"]! - Quantile.type7(sorted: totals.sorted(), probability: 0.5)) <= 1e-6)
            #expect(totalCost["p10"]! > 0)
            #expect(try #require(Self.delta(months[3], "service_level"))["p50"]! > 0)
            #expect(try #require(Self.delta(horizon, "hires"))["p50"] == 10)
            #expect(horizon?["probability_total_cost_lower"] as? Double == 0)
        }
    }

    /// Two plan sets for one unit give the same answer as the same two runs stored and compared.
    @Test func planSetsCompareLikeStoredRuns() async throws {
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let base = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            let hiring = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(extra: Self.hireLine(fixture)))
            let stored = try await client.send(.post, "/v1/projections/compare", key: app.adminKey, json: """
                {"projection_ids": ["\(base.json["id"] as? String ?? "")", "\(hiring.json["id"] as? String ?? "")"]}
                """)
            let drafts = try await client.send(.post, "/v1/projections/compare", key: app.adminKey, json: """
                {"base": \(fixture.request()), "alternative": \(fixture.request(extra: Self.hireLine(fixture)))}
                """)
            #expect(drafts.status == .ok)
            #expect((drafts.json["base"] as? [String: Any])?["inputs_hash"] as? String == base.json["inputs_hash"] as? String)
            let a = try JSONSerialization.data(withJSONObject: stored.json["months"] as Any, options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: drafts.json["months"] as Any, options: .sortedKeys)
            #expect(a == b)
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM projections")
            #expect(try count[0].decode(Int.self, "n") == 2)
        }
    }

    /// Equal to 12 significant digits; false when either is absent.
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
    }

    /// With `Accept: text/csv` the comparison comes as one row per month and metric, then the horizon, with
    /// the figures of the JSON answer.
    @Test func comparisonAsCSVHoldsTheFiguresOfTheJSON() async throws {
        let finance = try await app.key(.finance)
        try await app.test { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let body = """
                {"base": \(fixture.request()), "alternative": \(fixture.request(extra: Self.hireLine(fixture)))}
                """
            let json = try await client.send(.post, "/v1/projections/compare", key: finance, json: body)
            let csv = try await client.send(.post, "/v1/projections/compare", key: finance, json: body, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let rows = csv.text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.first == ["month", "metric", "base_p50", "alternative_p50", "delta_p10", "delta_p50", "delta_p90"])
            let months = try #require(json.json["months"] as? [[String: Any]])
            var periods = months.map { ($0["month"] as? String ?? "", $0) }
            periods.append(("horizon", try #require(json.json["horizon"] as? [String: Any])))
            let metricNames = ProjectionRunner.metrics.map(\.name)
            #expect(rows.count == 1 + periods.count * (metricNames.count + 2))
            for (label, period) in periods {
                let metrics = try #require(period["metrics"] as? [String: [String: Any]])
                for name in metricNames {
                    let row = try #require(rows.first { $0[0] == label && $0[1] == name }, "\(label) \(name)")
                    let figure = try #require(metrics[name])
                    let delta = try #require(figure["delta"] as? [String: Double])
                    // The CSV prints each number exactly; JSON parsing can move the last bit.
                    #expect(Self.close(Double(row[2]), figure["base_p50"] as? Double))
                    #expect(Self.close(Double(row[3]), figure["alternative_p50"] as? Double))
                    #expect(Self.close(Double(row[4]), delta["p10"]) && Self.close(Double(row[5]), delta["p50"]) && Self.close(Double(row[6]), delta["p90"]))
                }
                let better = try #require(rows.first { $0[0] == label && $0[1] == "probability_service_level_better" })
                #expect(better[2...3] == ["", ""])
                #expect(Self.close(Double(better[5]), period["probability_service_level_better"] as? Double))
                let cheaper = try #require(rows.first { $0[0] == label && $0[1] == "probability_total_cost_lower" })
                #expect(Self.close(Double(cheaper[5]), period["probability_total_cost_lower"] as? Double))
            }
        }
    }

    /// A comparison that outlasts the decision budget is abandoned with a 422 that says what to ask instead,
    /// rather than running into the request deadline.
    @Test func aComparisonPastTheBudgetIsAbandonedWithAClearAnswer() async throws {
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        try await app.test(decisionBudget: .zero) { client in
            let response = try await client.send(.post, "/v1/projections/compare", key: app.adminKey, json: """
                {"base": \(fixture.request(draws: 2_000)), "alternative": \(fixture.request(draws: 2_000, extra: Self.hireLine(fixture)))}
                """)
            #expect(response.status == .unprocessableContent)
            #expect((response.json["detail"] as? String)?.contains("takes longer than 0 seconds") == true)
        }
        try await app.test(decisionBudget: .seconds(600)) { client in
            let response = try await client.send(.post, "/v1/projections/compare", key: app.adminKey, json: """
                {"base": \(fixture.request(draws: 50)), "alternative": \(fixture.request(draws: 50, extra: Self.hireLine(fixture)))}
                """)
            #expect(response.status == .ok)
        }
    }

    @Test func rolesScopeAndValidation() async throws {
        let root = try await app.orgUnit("Company")
        let viewer = try await app.key(.viewer)
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        let sales = try await app.orgUnit("Sales", parent: root)
        let outside = try await app.key(.manager, orgUnit: sales)
        let inside = try await app.key(.manager, orgUnit: fixture.unit)
        let ids = try await app.test { client in
            let first = try await client.send(.post, "/v1/projections", key: inside, json: fixture.request())
            let shorter = try await client.send(.post, "/v1/projections", key: inside, json: fixture.request(horizon: 3))
            return [first.json["id"] as? String ?? "", shorter.json["id"] as? String ?? ""]
        }
        try await app.test(projectionSyncLimit: 100) { client in
            let queued = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            #expect(queued.status == .accepted)
            func compare(_ key: String, _ body: String) async throws -> TestResponse {
                try await client.send(.post, "/v1/projections/compare", key: key, json: body)
            }
            let pair = #"{"projection_ids": ["\#(ids[0])", "\#(ids[0])"]}"#
            let denied = try await compare(viewer, pair)
            #expect(denied.status == .forbidden)
            let foreign = try await compare(outside, pair)
            #expect(foreign.status == .unprocessableContent)
            let ownTooBig = try await compare(inside, pair)
            #expect(ownTooBig.status == .unprocessableContent)
            #expect(ownTooBig.json["detail"] as? String ?? "" == "The comparison is too large to answer at once (queues × months × draws of both sides above 100): ask for fewer draws.")
            let notCompleted = try await compare(app.adminKey, #"{"projection_ids": ["\#(ids[0])", "\#(queued.json["id"] as? String ?? "")"]}"#)
            #expect(notCompleted.status == .unprocessableContent)
            let otherHorizon = try await compare(app.adminKey, #"{"projection_ids": ["\#(ids[0])", "\#(ids[1])"]}"#)
            #expect(otherHorizon.status == .unprocessableContent)
            let both = try await compare(app.adminKey, #"{"projection_ids": ["\#(ids[0])", "\#(ids[0])"], "base": \#(fixture.request())}"#)
            #expect(both.status == .badRequest)
            let neither = try await compare(app.adminKey, "{}")
            #expect(neither.status == .badRequest)
            let otherSeed = try await compare(app.adminKey, #"{"base": \#(fixture.request()), "alternative": \#(fixture.request(seed: 3))}"#)
            #expect(otherSeed.status == .badRequest)
            #expect(otherSeed.problemErrors.contains { $0["pointer"] == "/alternative/seed" })
            let badHorizon = try await compare(app.adminKey, #"{"base": \#(fixture.request(horizon: 61)), "alternative": \#(fixture.request())}"#)
            #expect(badHorizon.problemErrors.contains { $0["pointer"] == "/base/horizon_months" })
        }
    }
}
