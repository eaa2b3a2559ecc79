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

/// A validated request for a new requisition: for a new position (org unit, role and FTE) or as a backfill of
/// an existing one, whose org unit, role and FTE fill in what the request leaves out.
public struct RequisitionDraft: Sendable, Equatable {
    /// Org unit; nil only for a backfill.
    public let orgUnitID: UUID?
    /// Role; nil only for a backfill.
    public let roleID: UUID?
    /// FTE; nil only for a backfill.
    public let fte: Double?
    /// The position it backfills.
    public let backfillPositionID: UUID?
    /// Why.
    public let reason: RequisitionReason
    /// How urgent.
    public let priority: RequisitionPriority
    /// Wanted start date.
    public let targetStartDate: CalendarDate
    /// Hiring plan link.
    public let hiringPlanID: UUID?

    /// Validates the request; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        orgUnitID: String?, roleID: String?, fte: Double?, backfillPositionID: String?, reason: RequisitionReason,
        priority: RequisitionPriority, targetStartDate: String, hiringPlanID: String?
    ) throws {
        var problems: [FieldProblem] = []
        self.orgUnitID = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems)
        self.roleID = Validate.optionalUUID(roleID, pointer: "/role_id", into: &problems)
        self.fte = fte.map { Validate.fte($0, into: &problems) }
        self.backfillPositionID = Validate.optionalUUID(backfillPositionID, pointer: "/backfill_position_id", into: &problems)
        self.hiringPlanID = Validate.optionalUUID(hiringPlanID, pointer: "/hiring_plan_id", into: &problems)
        self.reason = reason
        self.priority = priority
        let date = CalendarDate(targetStartDate)
        if date == nil { problems.append(FieldProblem(pointer: "/target_start_date", detail: "must be a date YYYY-MM-DD")) }
        self.targetStartDate = date ?? CalendarDate.today()
        if backfillPositionID == nil {
            for (value, pointer) in [(orgUnitID, "/org_unit_id"), (roleID, "/role_id")] where value == nil {
                problems.append(FieldProblem(pointer: pointer, detail: "is required unless backfill_position_id is given"))
            }
            if fte == nil { problems.append(FieldProblem(pointer: "/fte", detail: "is required unless backfill_position_id is given")) }
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}

/// A validated request to move a requisition to another state.
public struct RequisitionMove: Sendable, Equatable {
    /// The state to move to.
    public let target: RequisitionStatus
    /// Why (at most 2,000 code points).
    public let comment: String?
    /// For `filled`: the hire's first day (default: the target start date).
    public let startDate: CalendarDate?
    /// For `filled`: the hire's reference in the HR system.
    public let employeeRef: String?

    /// Validates the move; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(target: RequisitionStatus, comment: String?, startDate: String?, employeeRef: String?) throws {
        var problems: [FieldProblem] = []
        self.target = target
        if let comment, comment.unicodeScalars.count > 2000 {
            problems.append(FieldProblem(pointer: "/comment", detail: "must be at most 2000 characters"))
        }
        self.comment = comment
        let date = startDate.flatMap(CalendarDate.init)
        if startDate != nil, date == nil { problems.append(FieldProblem(pointer: "/start_date", detail: "must be a date YYYY-MM-DD")) }
        self.startDate = date
        self.employeeRef = Validate.optionalText(employeeRef, pointer: "/employee_ref", maximumLength: 200, into: &problems)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
