@testable import Forecasting
import Testing

@Suite("Supply simulation")
struct SupplySimulatorTests {
    @Test("The Monte Carlo's supply simulation equals the reference projection with binomial attrition")
    func supplySimulatorMatchesReferenceProjection() throws {
        // Young cohorts only, over fewer months than the ramp: nothing is merged, so bit-identical.
        let plan = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 0, headcount: 120.5), try TenureCohort(tenureMonths: 2, headcount: 900)],
            months: 6, hiresOrdered: [40, 0, 12.25, 5], reductions: [0, 0, 0, 30]
        )
        let assumptions = try WorkforceAssumptions(leadTimeMonths: 1)
        for seed in [1, 2, 3, 42] as [UInt64] {
            let attrition = BinomialAttrition(.standard, key: seed)
            let reference = try WorkforceProjection.project(plan, assumptions: assumptions, attrition: attrition)
            var simulator = SupplySimulator(plan: plan, assumptions: assumptions)
            simulator.run(attrition: BinomialAttrition(table: BinomialTable(probability: ExpectedAttrition.standard.monthlyRate), key: seed))
            for (month, expected) in reference.enumerated() {
                let simulated = simulator.months[month]
                #expect(simulated.endHeadcount == expected.endHeadcount, "seed \(seed), month \(month)")
                #expect(simulated.paidFTE == expected.paidFTE)
                #expect(simulated.productiveFTE == expected.productiveFTE)
                #expect(simulated.productiveHours == expected.productiveHours)
                #expect(simulated.leavers == expected.leavers)
                #expect(simulated.hires == expected.hiresStarted)
            }
        }
    }

    @Test("Binomial attrition loses the expected share on average, including merged senior cohorts")
    func binomialAttritionMatchesExpectationOnAverage() throws {
        let plan = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 30, headcount: 800), try TenureCohort(tenureMonths: 1, headcount: 25)],
            months: 24, hiresOrdered: [Double](repeating: 20, count: 24)
        )
        let expected = try WorkforceProjection.project(plan)
        var simulator = SupplySimulator(plan: plan, assumptions: .standard)
        var totals = [Double](repeating: 0, count: 24)
        let draws = 2_000
        for draw in 0..<draws {
            simulator.run(attrition: BinomialAttrition(.standard, key: SplitMix64.derive(77, UInt64(draw))))
            for month in 0..<24 { totals[month] += simulator.months[month].endHeadcount }
        }
        for month in [0, 11, 23] {
            let mean = totals[month] / Double(draws)
            // The standard deviation of the end headcount is below sqrt(n·p·months) ≈ 26 agents.
            #expect(abs(mean - expected[month].endHeadcount) < 2, "month \(month)")
        }
        for leavers in [0.0, 3.7, 999.2] {
            let drawn = BinomialAttrition(.standard, key: 3).leavers(month: 1, tenureMonth: 4, headcount: leavers)
            #expect(drawn >= 0 && drawn <= leavers)
        }
    }
}
