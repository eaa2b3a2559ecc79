import Foundation

/// Where a hiring plan stands. Only drafts can change; a rejected plan is revised as a new draft.
public enum HiringPlanStatus: String, Sendable, CaseIterable {
    /// Being written; may be changed, deleted or submitted.
    case draft
    /// Waiting for an approver's decision; read-only.
    case submitted
    /// Approved (final).
    case approved
    /// Rejected (final); may be revised as a new draft.
    case rejected

    /// Throws ``DomainError/conflict(_:)`` unless the plan is in `required` state, naming what `action` needs.
    public func require(_ required: HiringPlanStatus, toBe action: String) throws {
        guard self == required else {
            throw DomainError.conflict("Only \(required.rawValue) plans can be \(action); this plan is \(rawValue).")
        }
    }
}

/// What happened to a hiring plan, as listed in its events.
public enum HiringPlanEventKind: String, Sendable, CaseIterable {
    /// The plan was drafted (also a revision, on the new draft).
    case created
    /// The draft was changed.
    case updated
    /// The draft was submitted for approval.
    case submitted
    /// An approver approved it.
    case approved
    /// An approver rejected it.
    case rejected
    /// The rejected plan was revised as a new draft.
    case revised
}

/// Bounds of hiring plans, so that one request or one approval stays a bounded amount of work.
public enum HiringPlanLimits {
    /// Most lines in a plan.
    public static let maximumLines = 2000
    /// Most automation changes in a plan.
    public static let maximumAutomationChanges = 500
    /// Most hires (or reductions) in one line.
    public static let maximumChange = 10_000
    /// Most requisitions one approval may create.
    public static let maximumRequisitionsPerApproval = 5000
    /// Months a plan may cover (first days of 2000-01 to 2100-12).
    public static let months = CalendarDate(year: 2000, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 1)!
    /// Longest comment of a submission or decision, in code points.
    public static let maximumCommentLength = 2000
}

extension Principal {
    /// Throws ``DomainError/forbidden(_:)`` unless this caller may approve or reject a plan written by `author`:
    /// an approver role, and never the plan's author.
    public func requireMayDecide(planAuthoredBy author: UUID) throws {
        try require(.approveHiringPlans)
        guard keyID != author else {
            throw DomainError.forbidden(
                "The author of a hiring plan cannot approve or reject it; another admin, hr or finance key must decide."
            )
        }
    }
}
