import Foundation

/// Where a requisition (an open role) stands.
public enum RequisitionStatus: String, Sendable, CaseIterable {
    /// Being written.
    case draft
    /// Waiting for an approver.
    case pendingApproval = "pending_approval"
    /// Approved, not yet advertised.
    case approved
    /// Advertised; candidates are sought.
    case open
    /// An offer is out.
    case offer
    /// Someone starts (terminal).
    case filled
    /// Dropped (terminal).
    case cancelled
    /// Paused; resumes to the state it was held from.
    case onHold = "on_hold"

    /// States from which a requisition can be paused or cancelled.
    public static let active: Set<RequisitionStatus> = [.pendingApproval, .approved, .open, .offer]

    /// The states this one may move to (for `on_hold`, `heldFrom` is where it resumes).
    public func allowedTransitions(heldFrom: RequisitionStatus?) -> [RequisitionStatus] {
        switch self {
        case .draft: [.pendingApproval, .cancelled]
        case .pendingApproval: [.approved, .draft, .onHold, .cancelled]
        case .approved: [.open, .onHold, .cancelled]
        case .open: [.offer, .onHold, .cancelled]
        case .offer: [.filled, .open, .onHold, .cancelled]
        case .onHold: (heldFrom.map { [$0] } ?? []) + [.cancelled]
        case .filled, .cancelled: []
        }
    }

    /// Throws ``DomainError/conflict(_:)`` naming the allowed moves when `target` is not one of them.
    public func requireTransition(to target: RequisitionStatus, heldFrom: RequisitionStatus?) throws {
        let allowed = allowedTransitions(heldFrom: heldFrom)
        guard allowed.contains(target) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            throw DomainError.conflict(
                "A \(rawValue) requisition cannot move to \(target.rawValue); allowed: \(names.isEmpty ? "none (final state)" : names)."
            )
        }
    }

    /// The permission a move to `target` needs: approving needs an approver.
    public func permission(toMoveTo target: RequisitionStatus) -> Permission {
        self == .pendingApproval && target == .approved ? .approveRequisitions : .writeRequisitions
    }
}

/// Why a role is opened.
public enum RequisitionReason: String, Sendable, CaseIterable {
    /// More work.
    case growth
    /// Someone left.
    case backfill
    /// Service quality needs more people.
    case quality
    /// Automation is being rolled back.
    case automationRollback = "automation_rollback"
    /// Anything else.
    case other
}

/// How urgent a requisition is.
public enum RequisitionPriority: String, Sendable, CaseIterable {
    /// Low.
    case low
    /// Medium.
    case medium
    /// High.
    case high
    /// Urgent.
    case urgent
}
