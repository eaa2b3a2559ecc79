import Foundation

/// The part of the organisation a caller may see.
public enum OrgScope: Sendable, Equatable {
    /// Every org unit.
    case everything
    /// One unit and its descendants (a manager's unit).
    case subtree(of: UUID)

    /// The subtree root, or nil for everything.
    public var root: UUID? {
        switch self {
        case .everything: nil
        case .subtree(let root): root
        }
    }
}

extension Principal {
    /// What this caller may read: managers their unit's subtree, every other role everything.
    public var readScope: OrgScope {
        if role == .manager, let orgUnitID { return .subtree(of: orgUnitID) }
        return .everything
    }
}
