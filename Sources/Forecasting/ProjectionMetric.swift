/// The monthly figures a projection reports, totalled over queues and pools.
public enum ProjectionMetric: Int, Sendable, Hashable, CaseIterable {
    /// Headcount at the end of the month (FTE).
    case headcount
    /// Average paid headcount of the month (FTE).
    case paidFTE
    /// Productive FTE: headcount × productivity × (1 - shrinkage).
    case productiveFTE
    /// Hires starting in the month.
    case hires
    /// Leavers through attrition in the month.
    case attrition
    /// Labour cost.
    case labourCost
    /// Hiring cost.
    case hiringCost
    /// Bot cost.
    case botCost
    /// Labour + hiring + bot cost.
    case totalCost
    /// Human contacts (repeats included).
    case humanContacts
    /// Service level weighted by human contacts.
    case serviceLevel
    /// ASA of answered contacts, in seconds.
    case asaSeconds
    /// Abandonment rate weighted by human contacts.
    case abandonmentRate
    /// Busy over placed agent-hours.
    case occupancy
    /// Quality score weighted by all contacts (bot and human).
    case qualityScore
    /// FTE (fully productive heads) needed to meet every queue's target every hour, unrounded.
    case requiredFTE
    /// Required FTE minus available FTE (productive hours / productive hours per FTE): positive is
    /// a shortfall.
    case gapFTE
}
