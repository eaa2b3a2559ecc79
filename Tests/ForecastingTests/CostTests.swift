import Forecasting
import Foundation
import Testing

@Suite("Cost")
struct CostTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    static func rates() throws -> CostRates {
        try CostRates(
            annualBaseSalary: decimal("42000"), benefitsRate: decimal("0.22"), payrollTaxRate: decimal("0.0765"),
            hiringCostPerHire: decimal("4500")
        )
    }

    @Test("Labour per FTE-month is the annual base times one plus benefits and payroll tax, over twelve")
    func labourCostFormulaOnWorkedExample() throws {
        let base = Self.decimal("42000"), benefits = Self.decimal("0.22"), tax = Self.decimal("0.0765")
        let hiringCost = Self.decimal("4500"), botPrice = Self.decimal("0.10")
        let rates = try Self.rates()
        let perFTEMonth = base * (1 + benefits + tax) / 12
        #expect(rates.labourCostPerFTEMonth == perFTEMonth)

        let cost = try MonthlyCost(paidFTE: 120, hiresStarted: 8, botCost: 30_000 * botPrice, resolvedIssues: 25_000, rates: rates)
        #expect(cost.labour == 120 * base * (1 + benefits + tax) / 12)
        #expect(DecimalApproximation.close(cost.labour, 120 * perFTEMonth))
        #expect(cost.hiring == 8 * hiringCost)
        #expect(cost.bot == 30_000 * botPrice)
        #expect(DecimalApproximation.close(cost.total, 120 * perFTEMonth + 8 * hiringCost + 30_000 * botPrice))
        #expect(cost.costPerResolvedIssue == cost.total / 25_000)

        let nothingResolved = try MonthlyCost(paidFTE: 1, hiresStarted: 0, botCost: 0, resolvedIssues: 0, rates: rates)
        #expect(nothingResolved.costPerResolvedIssue == nil)
        #expect(throws: PlanningInputError.negativeValue(name: "payrollTaxRate")) {
            try CostRates(annualBaseSalary: base, payrollTaxRate: -1)
        }
        #expect(throws: PlanningInputError.nonFiniteValue(name: "paidFTE")) {
            try MonthlyCost(paidFTE: .nan, hiresStarted: 0, botCost: 0, resolvedIssues: 0, rates: rates)
        }
    }

    @Test("A month's cost adds labour on paid FTE, hires on their start month, bots, and divides by resolved issues")
    func monthlyCostFromProjectionAndAutomation() throws {
        let rates = try Self.rates()
        let plan = try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 12, headcount: 200)], months: 4, hiresOrdered: [15])
        let months = try WorkforceProjection.project(plan)
        let queues = [
            AutomationOutcome(try AutomationInputs(
                newIssues: 40_000, botFirstShare: 0.7, trueContainment: 0.5, falseContainment: 0.15, humanAHTSeconds: 420,
                botCostPerConversation: Self.decimal("0.12")
            )),
            AutomationOutcome(try AutomationInputs(
                newIssues: 9_000, botFirstShare: 0, trueContainment: 0, falseContainment: 0, humanAHTSeconds: 300,
                botCostPerConversation: 0
            )),
        ]
        for month in months {
            let cost = MonthlyCost(workforce: month, automation: queues, rates: rates)
            #expect(DecimalApproximation.close(cost.labour, Decimal(month.paidFTE) * rates.labourCostPerFTEMonth))
            #expect(cost.hiring == Decimal(month.hiresStarted) * rates.hiringCostPerHire)
            #expect(cost.bot == queues[0].botCost)
            #expect(cost.resolvedIssues == queues[0].resolvedIssues + queues[1].resolvedIssues)
            #expect(cost.resolvedIssues == queues[0].issuesResolvedByBot + queues[0].issuesResolvedByHumans + queues[1].issuesResolvedByHumans)
            #expect(cost.costPerResolvedIssue == cost.total / Decimal(cost.resolvedIssues))
        }
        #expect(months[2].hiresStarted == 15)
        #expect(MonthlyCost(workforce: months[2], automation: [], rates: rates).hiring == 15 * rates.hiringCostPerHire)
    }

    @Test("Adding hires never lowers any month's cost and raises the cost from their start month on")
    func costRisesWithHires() throws {
        let rates = try Self.rates()
        let horizon = 10
        let baseSchedules: [[Double]] = [[], [5, 0, 0, 3], [0, 12, 0, 0, 0, 0, 4, 0, 0, 1]]
        let starting: [[TenureCohort]] = [
            [],
            [try TenureCohort(tenureMonths: 30, headcount: 400), try TenureCohort(tenureMonths: 2, headcount: 25)],
        ]
        for leadTime in [0, 2, 3] {
            let assumptions = try WorkforceAssumptions(leadTimeMonths: leadTime)
            for cohorts in starting {
                for schedule in baseSchedules {
                    for orderMonth in 0..<horizon {
                        for extra in [0.5, 1, 20] {
                            var more = schedule + Array(repeating: 0, count: horizon - schedule.count)
                            more[orderMonth] += extra
                            let base = try WorkforceProjection.project(
                                try WorkforcePlan(startingCohorts: cohorts, months: horizon, hiresOrdered: schedule),
                                assumptions: assumptions
                            )
                            let raised = try WorkforceProjection.project(
                                try WorkforcePlan(startingCohorts: cohorts, months: horizon, hiresOrdered: more),
                                assumptions: assumptions
                            )
                            let start = orderMonth + leadTime
                            for month in 0..<horizon {
                                let before = MonthlyCost(workforce: base[month], automation: [], rates: rates).total
                                let after = MonthlyCost(workforce: raised[month], automation: [], rates: rates).total
                                let context = "lead \(leadTime), order month \(orderMonth), +\(extra), month \(month)"
                                if month < start {
                                    #expect(after == before, "\(context)")
                                } else {
                                    #expect(after > before, "\(context)")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
