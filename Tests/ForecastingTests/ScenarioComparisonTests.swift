import Forecasting
import Foundation
import Testing

@Suite("Scenario comparison")
struct ScenarioComparisonTests {
    static func settings(seed: UInt64 = 11) throws -> UncertaintySettings {
        try UncertaintySettings(draws: 120, seed: seed)
    }

    @Test("Deltas of identical scenarios are zero and B never beats A")
    func identicalScenariosHaveZeroDeltas() async throws {
        let model = try DecisionFixtures.model()
        let comparison = try await ScenarioComparison.run(baseline: model, alternative: model, settings: try Self.settings(), workers: 2)
        #expect(comparison.months == DecisionFixtures.months)
        #expect(comparison.deterministic.map(\.metric) == ProjectionMetric.allCases)
        #expect(comparison.monteCarloMedian.map(\.metric) == ProjectionMetric.allCases)
        for delta in comparison.deterministic + comparison.monteCarloMedian {
            #expect(delta.monthly == [Double](repeating: 0, count: DecisionFixtures.months), "\(delta.metric)")
            #expect(delta.horizon == 0, "\(delta.metric)")
        }
        #expect(comparison.serviceLevelBetter?.monthly.allSatisfy { $0 == 0 } == true)
        #expect(comparison.serviceLevelBetter?.horizon == 0)
        #expect(comparison.totalCostLower?.horizon == 0)
    }

    @Test("More hires give deltas with the sign of the change: higher labour cost, no lower service level")
    func deltasHaveTheSignOfTheChange() async throws {
        let baseline = try DecisionFixtures.model(headcount: 40)
        let alternative = try DecisionFixtures.model(headcount: 40, hires: [5, 5, 5, 5, 5, 5])
        let comparison = try await ScenarioComparison.run(
            baseline: baseline, alternative: alternative, settings: try Self.settings(), workers: 2
        )
        let lead = WorkforceAssumptions.defaultLeadTimeMonths
        for delta in [comparison.deterministicDelta(.labourCost), comparison.medianDelta(.labourCost)] {
            let labour = try #require(delta)
            for month in 0..<DecisionFixtures.months {
                #expect(month < lead ? labour.monthly[month] == 0 : labour.monthly[month] > 0, "month \(month)")
            }
            #expect(labour.horizon > 0)
        }
        let deterministicLevel = try #require(comparison.deterministicDelta(.serviceLevel))
        #expect(deterministicLevel.monthly.allSatisfy { $0 >= 0 })
        #expect(deterministicLevel.horizon > 0)
        #expect(try #require(comparison.deterministicDelta(.hires)).horizon == 30)
        let medianLevel = try #require(comparison.medianDelta(.serviceLevel))
        #expect(medianLevel.monthly.allSatisfy { $0 >= 0 })
        // Common random numbers: every draw is at least as good, and B costs more in every draw.
        let better = try #require(comparison.serviceLevelBetter)
        #expect(better.monthly[0] == 0 && better.monthly[DecisionFixtures.months - 1] > 0.9)
        #expect(better.horizon > 0.9)
        #expect(comparison.totalCostLower?.horizon == 0)
    }

    @Test("The horizon delta totals flows and averages levels")
    func horizonDeltaTotalsFlowsAndAveragesLevels() throws {
        let a = try DecisionFixtures.model(headcount: 40).project()
        let b = try DecisionFixtures.model(headcount: 45).project()
        let comparison = try ScenarioComparison(baseline: a, alternative: b)
        let cost = try #require(comparison.deterministicDelta(.totalCost))
        #expect(abs(cost.horizon - cost.monthly.reduce(0, +)) < 1e-6)
        let headcount = try #require(comparison.deterministicDelta(.headcount))
        #expect(abs(headcount.horizon - headcount.monthly.reduce(0, +) / Double(DecisionFixtures.months)) < 1e-9)
        #expect(comparison.monteCarloMedian.isEmpty && comparison.serviceLevelBetter == nil)
    }

    @Test("Comparisons without common random numbers or matching horizons are rejected")
    func mismatchedScenariosAreRejected() async throws {
        let model = try DecisionFixtures.model()
        let first = try await model.simulate(try Self.settings(seed: 1), workers: 2)
        let second = try await model.simulate(try Self.settings(seed: 2), workers: 2)
        #expect(throws: DecisionError.notCommonRandomNumbers) {
            try ScenarioComparison(baselineDistribution: first, alternativeDistribution: second)
        }
        #expect(throws: DecisionError.nothingToCompare) { try ScenarioComparison(baseline: try model.project()) }
        #expect(throws: DecisionError.horizonMismatch) {
            try ScenarioComparison(baseline: try model.project(), alternative: Array(try model.project().dropLast()))
        }
    }
}
