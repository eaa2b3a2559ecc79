/// Workforce supply in one month of a ``WorkforceProjection``.
///
/// Headcounts are in FTE and unrounded expected values; `endHeadcount = startHeadcount +
/// hiresStarted - reductions - leavers`.
public struct WorkforceMonth: Sendable, Hashable {
    /// The month, 0 being the plan's first.
    public let month: Int
    /// Headcount at the start of the month, before reductions and hires.
    public let startHeadcount: Double
    /// Hires starting this month (ordered `leadTimeMonths` earlier).
    public let hiresStarted: Double
    /// Reductions applied at the start of the month (the planned reductions, capped at the
    /// starting headcount).
    public let reductions: Double
    /// Agents leaving through attrition during the month.
    public let leavers: Double
    /// Headcount at the end of the month.
    public let endHeadcount: Double
    /// Average paid headcount during the month: leavers are assumed to leave evenly through the
    /// month, so `startHeadcount - reductions + hiresStarted - leavers / 2`. Labour is paid on it.
    public let paidFTE: Double
    /// `Σ cohorts average headcount × productivity(tenure month) × (1 - shrinkage)`.
    public let productiveFTE: Double
    /// `productiveFTE × paid hours per FTE per month`.
    public let productiveHours: Double
    /// Cohorts at the end of the month, newest first, with tenure counted at the start of the
    /// next month: the starting workforce of a plan that continues from here.
    public let endCohorts: [TenureCohort]

    /// Stores one month of a projection; values are taken as given.
    public init(
        month: Int,
        startHeadcount: Double,
        hiresStarted: Double,
        reductions: Double,
        leavers: Double,
        endHeadcount: Double,
        paidFTE: Double,
        productiveFTE: Double,
        productiveHours: Double,
        endCohorts: [TenureCohort]
    ) {
        self.month = month
        self.startHeadcount = startHeadcount
        self.hiresStarted = hiresStarted
        self.reductions = reductions
        self.leavers = leavers
        self.endHeadcount = endHeadcount
        self.paidFTE = paidFTE
        self.productiveFTE = productiveFTE
        self.productiveHours = productiveHours
        self.endCohorts = endCohorts
    }
}
