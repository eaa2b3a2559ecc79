/// What an API key may do. See `Permission` for the rules.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Everything, including keys.
    case admin
    /// Org units, roles, positions, requisitions, queues; approves hiring plans; sees compensation.
    case hr
    /// Bound to one org unit: its subtree only; costs only as aggregates.
    case manager
    /// Reads everything including compensation and projections; runs projections; approves plans.
    case finance
    /// Reads everything except compensation.
    case viewer
}
