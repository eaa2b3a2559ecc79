import Forecasting
import Testing

@Suite("Staffing")
struct StaffingTests {
    static let models: [QueueModel] = [.erlangC, .erlangA(patienceSeconds: 180), .erlangA(patienceSeconds: 30)]
    static let demands: [(calls: Double, aht: Double, answerTime: Double)] = [
        (15, 300, 20), (100, 180, 20), (123, 247, 30), (600, 120, 30), (1_000, 300, 20), (29_400, 300, 20),
    ]

    /// Staffing never settles for an unstable Erlang C queue, even for a 0 % target.
    static func meets(_ metrics: QueueMetrics, _ target: StaffingTarget) -> Bool {
        metrics.isStable
            && metrics.serviceLevel >= target.serviceLevel
            && (target.maximumAbandonRate.map { metrics.probabilityOfAbandoning <= $0 } ?? true)
    }

    @Test("The staffed number of agents meets the target and one agent fewer does not", arguments: models)
    func staffedAgentsMeetTargetAndOneFewerDoesNot(model: QueueModel) throws {
        for demand in Self.demands {
            let scenario = try QueueScenario(calls: demand.calls, intervalSeconds: 1_800, ahtSeconds: demand.aht, answerTimeSeconds: demand.answerTime)
            for (serviceLevel, abandon) in [(0.0, nil), (0.5, nil), (0.8, nil), (0.95, nil), (0.999_999, nil), (0.8, 0.02), (0.3, 0.001)] as [(Double, Double?)] {
                let target = try StaffingTarget(serviceLevel: serviceLevel, maximumAbandonRate: abandon)
                let result = try model.staff(scenario, target: target)
                let context = "\(model), A = \(scenario.trafficErlangs), target \(serviceLevel)/\(String(describing: abandon))"
                #expect(result.isFeasible, "\(context)")
                let agents = try #require(result.requiredAgents)
                let atRequired = try model.evaluate(scenario, agents: agents)
                #expect(result.metrics == atRequired, "\(context)")
                #expect(Self.meets(atRequired, target), "\(context)")
                if agents > 1 {
                    let oneFewer = try model.evaluate(scenario, agents: agents - 1)
                    #expect(result.metricsWithOneAgentFewer == oneFewer, "\(context)")
                    #expect(!Self.meets(oneFewer, target), "\(context)")
                } else {
                    #expect(result.metricsWithOneAgentFewer == nil)
                }
            }
        }
    }

    @Test("Staffing finds the same answer as trying every number of agents from one", arguments: models)
    func staffingMatchesExhaustiveSearch(model: QueueModel) throws {
        for demand in Self.demands.prefix(4) {
            let scenario = try QueueScenario(calls: demand.calls, intervalSeconds: 1_800, ahtSeconds: demand.aht, answerTimeSeconds: demand.answerTime)
            for serviceLevel in stride(from: 0.05, through: 0.99, by: 0.07) {
                let target = try StaffingTarget(serviceLevel: serviceLevel, maximumAbandonRate: 0.05)
                var expected = 1
                while !Self.meets(try model.evaluate(scenario, agents: expected), target) { expected += 1 }
                let result = try model.staff(scenario, target: target)
                #expect(result.requiredAgents == expected, "\(model), A = \(scenario.trafficErlangs), SL \(serviceLevel)")
            }
        }
    }

    @Test("A 100 % target is infeasible, reporting the best level under a cap", arguments: models)
    func hundredPercentTargetIsInfeasible(model: QueueModel) throws {
        let scenario = try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        let target = try StaffingTarget(serviceLevel: 1)
        let uncapped = try model.staff(scenario, target: target)
        #expect(!uncapped.isFeasible && uncapped.requiredAgents == nil && uncapped.metrics == nil)
        #expect(uncapped.serviceLevelAtMaximumAgents == nil)
        for cap in [20, 20_000] {
            let capped = try model.staff(scenario, target: target, maximumAgents: cap)
            #expect(!capped.isFeasible && capped.requiredAgents == nil)
            #expect(capped.maximumAgents == cap)
            let atCap = try model.evaluate(scenario, agents: cap)
            #expect(capped.metricsAtMaximumAgents == atCap)
        }
    }

    @Test("A cap below the requirement is infeasible and reports the service level at the cap", arguments: models)
    func capBelowRequirementIsInfeasible(model: QueueModel) throws {
        let scenario = try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        let target = try StaffingTarget(serviceLevel: 0.95)
        let required = try #require(try model.staff(scenario, target: target).requiredAgents)
        let capped = try model.staff(scenario, target: target, maximumAgents: required - 1)
        #expect(!capped.isFeasible)
        let best = try #require(capped.serviceLevelAtMaximumAgents)
        let atCap = try model.evaluate(scenario, agents: required - 1)
        #expect(best < 0.95)
        #expect(best == atCap.serviceLevel)
        let cappedAtRequirement = try model.staff(scenario, target: target, maximumAgents: required)
        #expect(cappedAtRequirement.requiredAgents == required)
    }

    @Test("A zero abandonment ceiling is infeasible when contacts arrive")
    func zeroAbandonmentCeilingIsInfeasible() throws {
        let scenario = try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        let target = try StaffingTarget(serviceLevel: 0.8, maximumAbandonRate: 0)
        let result = try ErlangA.staff(scenario, patienceSeconds: 180, target: target)
        #expect(!result.isFeasible)
    }

    @Test("Fractional traffic of 4.6 Erlangs can be served by 5 agents (search starts at floor(A) + 1)")
    func fractionalTrafficStartsSearchAtFirstStableCount() throws {
        let scenario = try QueueScenario(calls: 27.6, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        #expect(abs(scenario.trafficErlangs - 4.6) < 1e-12)
        let target = try StaffingTarget(serviceLevel: 0.2)
        let result = try ErlangC.staff(scenario, target: target)
        #expect(result.requiredAgents == 5)
        #expect(result.metricsWithOneAgentFewer?.isStable == false)
    }

    @Test("A binding abandonment ceiling raises Erlang A staffing above the service-level answer")
    func bindingAbandonmentCeilingRaisesStaffing() throws {
        let scenario = try QueueScenario(calls: 1_000, intervalSeconds: 900, ahtSeconds: 300, answerTimeSeconds: 20)
        let serviceOnly = try ErlangA.staff(scenario, patienceSeconds: 60, target: try StaffingTarget(serviceLevel: 0.5))
        let withCeiling = try ErlangA.staff(scenario, patienceSeconds: 60, target: try StaffingTarget(serviceLevel: 0.5, maximumAbandonRate: 0.005))
        let agents = try #require(withCeiling.requiredAgents)
        let serviceOnlyAgents = try #require(serviceOnly.requiredAgents)
        let atRequired = try #require(withCeiling.metrics)
        let oneFewer = try #require(withCeiling.metricsWithOneAgentFewer)
        #expect(agents > serviceOnlyAgents)
        #expect(atRequired.probabilityOfAbandoning <= 0.005)
        #expect(oneFewer.probabilityOfAbandoning > 0.005)
    }

    @Test("The benchmark scenario of 4,900 Erlangs needs 4,919 agents under Erlang C")
    func benchmarkScenarioNeedsKnownAgents() throws {
        let scenario = try QueueScenario(calls: 29_400, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        let result = try ErlangC.staff(scenario, target: try StaffingTarget(serviceLevel: 0.8))
        #expect(result.requiredAgents == 4_919)
    }
}
