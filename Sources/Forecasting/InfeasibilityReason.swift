/// Why a cheapest plan cannot meet its targets in a month.
public enum InfeasibilityReason: Sendable, Hashable {
    /// The month misses its targets with the workforce already planned, and hires for it would
    /// have had to be ordered before month 0 (the month is within the hiring lead time).
    case withinLeadTime
    /// Even a very large number of hires (four times the month's required FTE at first-month
    /// productivity) does not meet the targets: typically a quality floor above what the bot's
    /// outcomes allow whatever the wait.
    case targetUnreachable
}
