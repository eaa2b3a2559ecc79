/// The staffing decisions of a plan: the starting workforce, the hires ordered and the reductions,
/// month by month over a horizon.
///
/// Months are numbered from 0 (the plan's first month). Schedules shorter than the horizon are
/// padded with zeros.
public struct WorkforcePlan: Sendable, Hashable {
    /// Workforce at the start of month 0, by tenure (cohorts of equal tenure are merged).
    public let startingCohorts: [TenureCohort]
    /// Number of months to project.
    public let months: Int
    /// Hires ordered in each month (FTE); those ordered in month `m` start in month
    /// `m + leadTimeMonths` (see ``WorkforceAssumptions``) and are not seen if that is past the horizon.
    public let hiresOrdered: [Double]
    /// Planned reductions (layoffs) in each month (FTE), applied at the start of the month.
    public let reductions: [Double]

    /// Validates and stores a plan.
    ///
    /// - Throws: ``PlanningInputError/negativeValue(name:)`` for a negative horizon or count,
    ///   ``PlanningInputError/nonFiniteValue(name:)``, or
    ///   ``PlanningInputError/scheduleLongerThanHorizon(name:)`` when a schedule has more than
    ///   `months` entries.
    public init(
        startingCohorts: [TenureCohort],
        months: Int,
        hiresOrdered: [Double] = [],
        reductions: [Double] = []
    ) throws(PlanningInputError) {
        guard months >= 0 else { throw .negativeValue(name: "months") }
        guard hiresOrdered.count <= months else { throw .scheduleLongerThanHorizon(name: "hiresOrdered") }
        guard reductions.count <= months else { throw .scheduleLongerThanHorizon(name: "reductions") }
        for hires in hiresOrdered { _ = try PlanningValidation.nonNegative(hires, name: "hiresOrdered") }
        for reduction in reductions { _ = try PlanningValidation.nonNegative(reduction, name: "reductions") }
        var merged: [Int: Double] = [:]
        for cohort in startingCohorts { merged[cohort.tenureMonths, default: 0] += cohort.headcount }
        self.startingCohorts = merged.keys.sorted().map { TenureCohort(uncheckedTenureMonths: $0, headcount: merged[$0] ?? 0) }
        self.months = months
        self.hiresOrdered = hiresOrdered
        self.reductions = reductions
    }

    /// Hires ordered in `month`, 0 outside the schedule.
    func hiresOrdered(inMonth month: Int) -> Double {
        hiresOrdered.indices.contains(month) ? hiresOrdered[month] : 0
    }

    /// Reductions planned for `month`, 0 outside the schedule.
    func reductions(inMonth month: Int) -> Double {
        reductions.indices.contains(month) ? reductions[month] : 0
    }
}
