import Domain
import Foundation
import Postgres

/// A stored hiring plan without its lines and automation changes (as lists show it).
public struct HiringPlanRecord: Sendable, Equatable {
    /// The plan's id.
    public let id: UUID
    /// Display name.
    public let name: String
    /// The org unit whose subtree the plan covers.
    public let orgUnitID: UUID
    /// Where the plan stands.
    public let status: HiringPlanStatus
    /// 1 for a new plan, one more than the rejected plan for a revision.
    public let revision: Int
    /// The rejected plan this one revises.
    public let revisedFrom: UUID?
    /// The API key that wrote the plan.
    public let authorKeyID: UUID
    /// When it was submitted.
    public let submittedAt: Date?
    /// When it was approved or rejected.
    public let decidedAt: Date?
    /// The API key that approved or rejected it.
    public let decidedByKeyID: UUID?
    /// The approver's comment.
    public let decisionComment: String?
    /// Requisitions its approval created (nil when the approval created none on purpose, or it is not approved).
    public let requisitionsCreated: Int?
    /// Number of lines.
    public let lineCount: Int
    /// Number of automation changes.
    public let automationChangeCount: Int
    /// People hired over all lines.
    public let hires: Int
    /// People reduced over all lines (a positive number).
    public let reductions: Int
    /// When it was created.
    public let createdAt: Date
    /// When it last changed.
    public let updatedAt: Date
    /// Incremented by every change.
    public let version: Int

    /// The plan's ETag.
    public var etag: String { EntityTag.make(id: id, version: version) }

    static let columns = """
        p.id, p.name, p.org_unit_id, p.status, p.revision, p.revised_from, p.created_by, p.submitted_at, p.decided_at,
        p.decided_by, p.decision_comment, p.requisitions_created, p.created_at, p.updated_at, p.version,
        totals.line_count, totals.hires, totals.reductions,
        (SELECT count(*)::integer FROM hiring_plan_automation_changes c WHERE c.hiring_plan_id = p.id) AS automation_change_count
        """

    /// Joined after `hiring_plans p` to provide the line totals of ``columns``.
    static let totals = """
        CROSS JOIN LATERAL (
            SELECT count(*)::integer AS line_count,
                   coalesce(sum(l.change) FILTER (WHERE l.change > 0), 0)::integer AS hires,
                   coalesce(-sum(l.change) FILTER (WHERE l.change < 0), 0)::integer AS reductions
            FROM hiring_plan_lines l WHERE l.hiring_plan_id = p.id
        ) AS totals
        """

    init(_ row: PostgresRow) throws {
        guard let status = HiringPlanStatus(rawValue: try row.decode(String.self, "status")) else {
            throw PostgresError(kind: .decoding, message: "invalid hiring plan status")
        }
        id = try row.decode(UUID.self, "id")
        name = try row.decode(String.self, "name")
        orgUnitID = try row.decode(UUID.self, "org_unit_id")
        self.status = status
        revision = try row.decode(Int.self, "revision")
        revisedFrom = try row.decode(UUID?.self, "revised_from")
        authorKeyID = try row.decode(UUID.self, "created_by")
        submittedAt = try row.decode(Date?.self, "submitted_at")
        decidedAt = try row.decode(Date?.self, "decided_at")
        decidedByKeyID = try row.decode(UUID?.self, "decided_by")
        decisionComment = try row.decode(String?.self, "decision_comment")
        requisitionsCreated = try row.decode(Int?.self, "requisitions_created")
        lineCount = try row.decode(Int.self, "line_count")
        automationChangeCount = try row.decode(Int.self, "automation_change_count")
        hires = try row.decode(Int.self, "hires")
        reductions = try row.decode(Int.self, "reductions")
        createdAt = try row.decode(Date.self, "created_at")
        updatedAt = try row.decode(Date.self, "updated_at")
        version = try row.decode(Int.self, "version")
    }
}

/// A stored hiring plan with its lines and automation changes, in the order they were given.
public struct HiringPlanDetails: Sendable, Equatable {
    /// The plan.
    public let plan: HiringPlanRecord
    /// Hires and reductions.
    public let lines: [HiringPlanLine]
    /// Automation changes.
    public let automationChanges: [AutomationChange]
}

/// One recorded change or decision of a hiring plan.
public struct HiringPlanEventRecord: Sendable, Equatable {
    /// What happened.
    public let kind: HiringPlanEventKind
    /// The actor's comment.
    public let comment: String?
    /// For `revised`: the new draft (nil once that draft is deleted).
    public let revisionID: UUID?
    /// For `approved`: the requisitions the approval created.
    public let requisitionsCreated: Int?
    /// The API key that acted.
    public let actorKeyID: UUID
    /// When.
    public let at: Date
}

/// Filters of a hiring plan list.
public struct HiringPlanFilter: Sendable {
    /// Only plans in this state.
    public var status: HiringPlanStatus?
    /// Only plans of this unit or its descendants.
    public var orgUnitSubtree: UUID?

    /// Creates a filter.
    public init(status: HiringPlanStatus? = nil, orgUnitSubtree: UUID? = nil) {
        self.status = status
        self.orgUnitSubtree = orgUnitSubtree
    }
}
