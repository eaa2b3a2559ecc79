/// A month in which a cheapest plan misses its service-level target or quality floor, and why.
public struct InfeasibleMonth: Sendable, Hashable {
    /// The month, 0 being the first.
    public let month: Int
    /// Why no hiring could meet the targets.
    public let reason: InfeasibilityReason

    /// Stores an infeasible month.
    public init(month: Int, reason: InfeasibilityReason) {
        self.month = month
        self.reason = reason
    }
}
