import Forecasting
import Foundation
import Testing

@Suite("Workforce supply")
struct WorkforceSupplyTests {
    /// Attrition switched off, to isolate the other effects.
    static var noAttrition: ExpectedAttrition {
        get throws { try ExpectedAttrition(monthlyRate: 0) }
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b), 1)
    }

    /// A cohort past the end of the default ramp (fully productive).
    static func tenured(_ headcount: Double) throws -> TenureCohort {
        try TenureCohort(tenureMonths: 24, headcount: headcount)
    }

    /// Attrition given per month and tenure month by a caller's rule.
    struct RuleAttrition: AttritionModel {
        var rate: (_ month: Int, _ tenureMonth: Int) -> Double

        func leavers(month: Int, tenureMonth: Int, headcount: Double) -> Double {
            headcount * rate(month, tenureMonth)
        }
    }

    /// Returns more leavers than the cohort holds.
    struct BrokenAttrition: AttritionModel {
        func leavers(month: Int, tenureMonth: Int, headcount: Double) -> Double { headcount + 1 }
    }

    @Test("Hires ordered in a month start after the lead time")
    func hiresArriveAfterLeadTime() throws {
        let plan = try WorkforcePlan(startingCohorts: [try Self.tenured(100)], months: 8, hiresOrdered: [10, 0, 0, 0, 0, 0, 7])
        let months = try WorkforceProjection.project(plan, attrition: Self.noAttrition)
        #expect(months.map(\.hiresStarted) == [0, 0, 10, 0, 0, 0, 0, 0])  // the month-6 order starts in month 8, past the horizon
        #expect(months[1].endHeadcount == 100)
        #expect(months[2].endHeadcount == 110)
        #expect(months.map(\.month) == Array(0..<8))

        let immediate = try WorkforceProjection.project(
            plan, assumptions: try WorkforceAssumptions(leadTimeMonths: 0), attrition: Self.noAttrition
        )
        #expect(immediate.map(\.hiresStarted) == [10, 0, 0, 0, 0, 0, 7, 0])
        #expect(try WorkforceAssumptions().leadTimeMonths == 2)
    }

    @Test("The ramp makes new hires less productive than tenured agents")
    func rampMakesNewHiresLessProductive() throws {
        let ramp = RampCurve.standard
        #expect(ramp.productivity(tenureMonth: 1) == 0.53)
        #expect(ramp.productivity(tenureMonth: 9) == 1)
        #expect(ramp.productivity(tenureMonth: 30) == 1)
        for month in 2...9 {
            let step = ramp.productivity(tenureMonth: month) - ramp.productivity(tenureMonth: month - 1)
            #expect(Self.close(step, (1 - 0.53) / 8), "month \(month)")
        }

        let assumptions = try WorkforceAssumptions(leadTimeMonths: 0)
        let newHires = try WorkforceProjection.project(
            try WorkforcePlan(startingCohorts: [], months: 12, hiresOrdered: [10]), assumptions: assumptions,
            attrition: Self.noAttrition
        )
        let veterans = try WorkforceProjection.project(
            try WorkforcePlan(startingCohorts: [try Self.tenured(10)], months: 12), assumptions: assumptions,
            attrition: Self.noAttrition
        )
        for month in 0..<12 {
            #expect(Self.close(
                newHires[month].productiveFTE / veterans[month].productiveFTE,
                ramp.productivity(tenureMonth: month + 1)
            ), "month \(month)")
            #expect(newHires[month].paidFTE == veterans[month].paidFTE)
        }
        #expect(newHires[0].productiveFTE < veterans[0].productiveFTE)
        #expect(newHires[8].productiveFTE == veterans[8].productiveFTE)

        // A caller's ramp replaces the default.
        let fast = try RampCurve.linear(firstMonth: 0.8, fullFromMonth: 3)
        #expect(zip(fast.productivityByTenureMonth, [0.8, 0.9, 1]).allSatisfy { Self.close($0, $1) })
        #expect(fast.productivityByTenureMonth.count == 3)
        #expect(throws: PlanningInputError.rampCurveEmpty) { try RampCurve(productivityByTenureMonth: []) }
    }

    @Test("Default attrition loses 35 % of the workforce over twelve months without hiring")
    func defaultAttritionLosesThirtyFivePercentAYear() throws {
        let start = 5_000.0
        let plan = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 3, headcount: 1_200), try Self.tenured(start - 1_200)],
            months: 12
        )
        let months = try WorkforceProjection.project(plan)
        #expect(abs(months[11].endHeadcount / start - 0.65) < 1e-9)
        #expect(Self.close(ExpectedAttrition.standard.monthlyRate, 1 - pow(0.65, 1.0 / 12), tolerance: 1e-15))
        #expect(ExpectedAttrition.standard == (try ExpectedAttrition(annualRate: 0.35)))
        for month in months {
            #expect(Self.close(month.endHeadcount, month.startHeadcount + month.hiresStarted - month.reductions - month.leavers))
            #expect(Self.close(month.paidFTE, month.startHeadcount - month.leavers / 2))
        }
        for (previous, next) in zip(months, months.dropFirst()) {
            #expect(next.startHeadcount == previous.endHeadcount)
        }
    }

    @Test("Shrinkage removes its share of productive time and hours follow paid hours")
    func shrinkageReducesProductiveFTE() throws {
        for shrinkage in [0.0, 0.2, 0.3, 0.35, 1] {
            let assumptions = try WorkforceAssumptions(shrinkage: shrinkage, paidHoursPerFTEMonth: 160)
            let months = try WorkforceProjection.project(
                try WorkforcePlan(startingCohorts: [try Self.tenured(250)], months: 3), assumptions: assumptions,
                attrition: Self.noAttrition
            )
            for month in months {
                #expect(Self.close(month.productiveFTE, 250 * (1 - shrinkage)))
                #expect(Self.close(month.productiveHours, month.productiveFTE * 160))
            }
        }
        let defaults = try WorkforceAssumptions()
        #expect(defaults.shrinkage == 0.30)
        #expect(Self.close(defaults.paidHoursPerFTEMonth, 40.0 * 52 / 12))
        #expect(throws: PlanningInputError.fractionOutOfRange(name: "shrinkage")) { try WorkforceAssumptions(shrinkage: 1.2) }
    }

    @Test("Reductions remove the newest agents first and never more than the headcount")
    func reductionsRemoveNewestFirst() throws {
        let plan = try WorkforcePlan(
            startingCohorts: [
                try TenureCohort(tenureMonths: 1, headcount: 30), try TenureCohort(tenureMonths: 5, headcount: 50),
                try Self.tenured(100),
            ],
            months: 3,
            reductions: [60, 0, 500]
        )
        let months = try WorkforceProjection.project(plan, attrition: Self.noAttrition)
        #expect(months[0].reductions == 60)
        // The 30 newest go, then 30 of the 50 with five months; the tenured 100 stay.
        #expect(months[0].endCohorts.map(\.headcount) == [20, 100])
        #expect(months[0].endCohorts.map(\.tenureMonths) == [6, 25])
        #expect(months[2].reductions == 120)
        #expect(months[2].endHeadcount == 0)
    }

    @Test("A caller-supplied attrition model is asked per month and cohort")
    func callerSuppliedAttritionIsUsedPerMonthAndCohort() throws {
        // New hires in their first three months leave at 10 %, everyone else at 1 %; nobody in month 0.
        let attrition = RuleAttrition { month, tenureMonth in month == 0 ? 0 : (tenureMonth <= 3 ? 0.1 : 0.01) }
        let plan = try WorkforcePlan(startingCohorts: [try Self.tenured(100)], months: 3, hiresOrdered: [20])
        let months = try WorkforceProjection.project(plan, assumptions: try WorkforceAssumptions(leadTimeMonths: 1), attrition: attrition)
        #expect(months[0].leavers == 0)
        // Month 1: 20 hires in tenure month 1 lose 2; 100 veterans lose 1.
        #expect(Self.close(months[1].leavers, 3))
        #expect(Self.close(months[1].endHeadcount, 117))

        #expect(throws: PlanningInputError.leaversOutOfRange(month: 0)) {
            try WorkforceProjection.project(plan, attrition: BrokenAttrition())
        }
    }

    @Test("Plans with schedules longer than the horizon or negative counts are rejected")
    func invalidPlansAreRejected() throws {
        #expect(throws: PlanningInputError.scheduleLongerThanHorizon(name: "hiresOrdered")) {
            try WorkforcePlan(startingCohorts: [], months: 1, hiresOrdered: [1, 2])
        }
        #expect(throws: PlanningInputError.negativeValue(name: "reductions")) {
            try WorkforcePlan(startingCohorts: [], months: 2, reductions: [-1])
        }
        #expect(throws: PlanningInputError.negativeValue(name: "tenureMonths")) {
            try TenureCohort(tenureMonths: -1, headcount: 5)
        }
        #expect(throws: PlanningInputError.nonFiniteValue(name: "headcount")) {
            try TenureCohort(tenureMonths: 0, headcount: .infinity)
        }
        let merged = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 4, headcount: 2), try TenureCohort(tenureMonths: 4, headcount: 3)],
            months: 0
        )
        #expect(merged.startingCohorts == [try TenureCohort(tenureMonths: 4, headcount: 5)])
        #expect(try WorkforceProjection.project(merged).isEmpty)
    }
}
