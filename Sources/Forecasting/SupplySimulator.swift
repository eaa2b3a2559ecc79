/// ``WorkforceProjection/project(_:assumptions:attrition:)`` with ``BinomialAttrition``, without
/// allocating per month: the Monte Carlo runs it once per pool and draw.
///
/// It performs the same operations in the same order (cohorts newest first, reductions last in
/// first out, hires joining in tenure month 1, leavers asked newest first, sums in the same order)
/// with one difference: cohorts past the end of the ramp, whose productivity no longer changes,
/// are merged into one senior cohort (attrition key: tenure month 0, which no real cohort has).
/// A sum of independent Binomial(n_i, p) is Binomial(Σ n_i, p), so the distribution of the
/// projection is unchanged while the number of binomial draws per month stays bounded by the ramp
/// length. Until a cohort passes the ramp, the figures are bit-identical to the reference
/// projection's (a test checks it). Cohorts are stored oldest first so that a new hire cohort is
/// appended rather than inserted.
struct SupplySimulator {
    /// One month's totals.
    struct Month {
        var endHeadcount = 0.0
        var paidFTE = 0.0
        var productiveFTE = 0.0
        var productiveHours = 0.0
        var hires = 0.0
        var leavers = 0.0
    }

    let plan: WorkforcePlan
    let assumptions: WorkforceAssumptions
    private var tenures: [Int] = []
    private var headcounts: [Double] = []
    /// Whether index 0 holds the merged senior cohort.
    private var hasSenior = false
    /// Completed months of service from which a cohort's productivity no longer changes.
    private let seniorTenure: Int
    /// The months of the last run.
    private(set) var months: [Month] = []

    init(plan: WorkforcePlan, assumptions: WorkforceAssumptions) {
        self.plan = plan
        self.assumptions = assumptions
        let capacity = plan.startingCohorts.count + plan.months + 1
        tenures.reserveCapacity(capacity)
        headcounts.reserveCapacity(capacity)
        months = [Month](repeating: Month(), count: plan.months)
        seniorTenure = assumptions.ramp.productivityByTenureMonth.count
    }

    /// Merges the oldest cohorts that have passed the ramp into the senior cohort at index 0.
    private mutating func mergeSeniors() {
        var first = hasSenior ? 1 : 0
        var end = first
        while end < headcounts.count, tenures[end] >= seniorTenure { end += 1 }
        guard end > first else { return }
        if !hasSenior {
            hasSenior = true
            tenures[0] = seniorTenure
            first = 1
        }
        for index in first..<end { headcounts[0] += headcounts[index] }
        tenures.removeSubrange(first..<end)
        headcounts.removeSubrange(first..<end)
    }

    /// Projects the plan with `attrition`, filling ``months``.
    mutating func run(attrition: BinomialAttrition) {
        tenures.removeAll(keepingCapacity: true)
        headcounts.removeAll(keepingCapacity: true)
        hasSenior = false
        // The plan's cohorts are newest first (ascending tenure); store oldest first.
        for cohort in plan.startingCohorts.reversed() {
            tenures.append(cohort.tenureMonths)
            headcounts.append(cohort.headcount)
        }
        mergeSeniors()
        let activeShare = 1 - assumptions.shrinkage
        for month in 0..<plan.months {
            var startHeadcount = 0.0
            for index in headcounts.indices.reversed() { startHeadcount += headcounts[index] }

            var toRemove = min(plan.reductions(inMonth: month), startHeadcount)
            var index = headcounts.count - 1
            while index >= 0, toRemove > 0 {
                let removed = min(headcounts[index], toRemove)
                headcounts[index] -= removed
                toRemove -= removed
                index -= 1
            }

            let orderMonth = month - assumptions.leadTimeMonths
            let hires = orderMonth >= 0 ? plan.hiresOrdered(inMonth: orderMonth) : 0
            if hires > 0 {
                tenures.append(0)
                headcounts.append(hires)
            }

            var leavers = 0.0
            var paidFTE = 0.0
            var fullyProductiveFTE = 0.0
            for cohort in headcounts.indices.reversed() {
                let isSenior = hasSenior && cohort == 0
                let tenureMonth = isSenior ? seniorTenure : tenures[cohort] + 1
                let headcount = headcounts[cohort]
                let leaving = attrition.leavers(month: month, tenureMonth: isSenior ? 0 : tenureMonth, headcount: headcount)
                let present = headcount - leaving / 2
                leavers += leaving
                paidFTE += present
                fullyProductiveFTE += present * assumptions.ramp.productivity(tenureMonth: tenureMonth)
                tenures[cohort] = tenureMonth
                headcounts[cohort] = headcount - leaving
            }
            if hasSenior, headcounts[0] <= 0 { hasSenior = false }
            var kept = 0
            for cohort in headcounts.indices where headcounts[cohort] > 0 {
                tenures[kept] = tenures[cohort]
                headcounts[kept] = headcounts[cohort]
                kept += 1
            }
            tenures.removeLast(tenures.count - kept)
            headcounts.removeLast(headcounts.count - kept)
            mergeSeniors()

            var endHeadcount = 0.0
            for cohort in headcounts.indices.reversed() { endHeadcount += headcounts[cohort] }
            let productiveFTE = fullyProductiveFTE * activeShare
            months[month] = Month(
                endHeadcount: endHeadcount, paidFTE: paidFTE, productiveFTE: productiveFTE,
                productiveHours: productiveFTE * assumptions.paidHoursPerFTEMonth, hires: hires, leavers: leavers
            )
        }
    }
}
