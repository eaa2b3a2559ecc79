/// Projects workforce supply month by month: headcount by tenure cohort, hires after their lead
/// time, reductions, attrition, ramp-up and shrinkage (FORECASTING.md, "Workforce supply").
///
/// Each month, in this order:
/// 1. the month starts with last month's cohorts, one tenure month older;
/// 2. planned reductions are applied to them newest first (last in, first out: the usual layoff
///    rule, which under a rising ramp also removes the least productive agents first); they are
///    capped at the headcount; the month's starting hires are not affected;
/// 3. hires ordered `leadTimeMonths` earlier join as a new cohort in tenure month 1;
/// 4. the ``AttritionModel`` gives each cohort's leavers, who leave evenly through the month;
/// 5. productive FTE `= Σ cohorts (headcount - leavers/2) × productivity × (1 - shrinkage)` and
///    productive hours `= productive FTE × paid hours per FTE per month`.
///
/// Rounding policy: nothing is rounded. Headcounts stay fractional expected values so that sums
/// and differences between scenarios are exact; round only for display, and round required heads
/// once, at the end (rounding per month or per cohort would bias totals).
public enum WorkforceProjection {
    /// The projection of `plan` under `assumptions`, with `attrition` deciding the leavers.
    ///
    /// - Parameter attrition: the attrition model, consumed (a Monte Carlo model with a seeded
    ///   generator advances its own copy).
    /// - Returns: one ``WorkforceMonth`` per month of the horizon.
    /// - Throws: ``PlanningInputError/leaversOutOfRange(month:)`` when the attrition model returns
    ///   leavers that are not finite or outside `[0, headcount]` of a cohort.
    public static func project(
        _ plan: WorkforcePlan,
        assumptions: WorkforceAssumptions = .standard,
        attrition: some AttritionModel
    ) throws(PlanningInputError) -> [WorkforceMonth] {
        var attrition = attrition
        // Newest first; tenure = completed months of service at the start of the current month.
        var cohorts = plan.startingCohorts.map { (tenureMonths: $0.tenureMonths, headcount: $0.headcount) }
        var result: [WorkforceMonth] = []
        result.reserveCapacity(plan.months)
        let activeShare = 1 - assumptions.shrinkage
        for month in 0..<plan.months {
            let startHeadcount = cohorts.reduce(0) { $0 + $1.headcount }

            var toRemove = min(plan.reductions(inMonth: month), startHeadcount)
            let reductions = toRemove
            for index in cohorts.indices where toRemove > 0 {
                let removed = min(cohorts[index].headcount, toRemove)
                cohorts[index].headcount -= removed
                toRemove -= removed
            }

            let orderMonth = month - assumptions.leadTimeMonths
            let hires = orderMonth >= 0 ? plan.hiresOrdered(inMonth: orderMonth) : 0
            if hires > 0 { cohorts.insert((tenureMonths: 0, headcount: hires), at: 0) }

            var leavers = 0.0
            var paidFTE = 0.0
            var fullyProductiveFTE = 0.0
            for index in cohorts.indices {
                let tenureMonth = cohorts[index].tenureMonths + 1
                let headcount = cohorts[index].headcount
                let leaving = attrition.leavers(month: month, tenureMonth: tenureMonth, headcount: headcount)
                guard leaving.isFinite, leaving >= 0, leaving <= headcount else { throw .leaversOutOfRange(month: month) }
                let present = headcount - leaving / 2
                leavers += leaving
                paidFTE += present
                fullyProductiveFTE += present * assumptions.ramp.productivity(tenureMonth: tenureMonth)
                cohorts[index] = (tenureMonths: tenureMonth, headcount: headcount - leaving)
            }
            cohorts.removeAll { $0.headcount <= 0 }

            let productiveFTE = fullyProductiveFTE * activeShare
            result.append(
                WorkforceMonth(
                    month: month,
                    startHeadcount: startHeadcount,
                    hiresStarted: hires,
                    reductions: reductions,
                    leavers: leavers,
                    endHeadcount: cohorts.reduce(0) { $0 + $1.headcount },
                    paidFTE: paidFTE,
                    productiveFTE: productiveFTE,
                    productiveHours: productiveFTE * assumptions.paidHoursPerFTEMonth,
                    endCohorts: cohorts.map { TenureCohort(uncheckedTenureMonths: $0.tenureMonths, headcount: $0.headcount) }
                )
            )
        }
        return result
    }

    /// The projection of `plan` under `assumptions` with the default expected attrition,
    /// ``ExpectedAttrition/standard`` (35 % a year).
    ///
    /// - Throws: never with the default attrition; typed as ``PlanningInputError`` for uniformity.
    public static func project(
        _ plan: WorkforcePlan,
        assumptions: WorkforceAssumptions = .standard
    ) throws(PlanningInputError) -> [WorkforceMonth] {
        try project(plan, assumptions: assumptions, attrition: ExpectedAttrition.standard)
    }
}
