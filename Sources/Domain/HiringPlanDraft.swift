import Foundation

/// A validated new hiring plan. Whether its org units, roles and queues exist and lie in the plan's subtree
/// is checked against the database when it is stored.
public struct HiringPlanDraft: Sendable, Equatable {
    /// Display name.
    public let name: String
    /// The org unit whose subtree the plan covers.
    public let orgUnitID: UUID
    /// Hires and reductions.
    public let lines: [HiringPlanLine]
    /// Automation changes.
    public let automationChanges: [AutomationChange]

    /// Validates the request; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(name: String, orgUnitID: String, lines: [HiringPlanLine.Input], automationChanges: [AutomationChange.Input]) throws {
        var problems: [FieldProblem] = []
        self.name = Validate.name(name, pointer: "/name", into: &problems)
        let unit = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems)
        self.lines = HiringPlanContent.lines(lines, into: &problems)
        self.automationChanges = HiringPlanContent.automationChanges(automationChanges, into: &problems)
        guard problems.isEmpty, let unit else { throw DomainError.invalid(problems) }
        self.orgUnitID = unit
    }
}

/// A validated change of a draft plan: each field present replaces the stored one wholesale.
public struct HiringPlanChanges: Sendable, Equatable {
    /// New name.
    public let name: FieldChange<String>
    /// New lines (all of them).
    public let lines: FieldChange<[HiringPlanLine]>
    /// New automation changes (all of them).
    public let automationChanges: FieldChange<[AutomationChange]>

    /// Validates the fields the request sent (nil means absent).
    public init(name: String?, lines: [HiringPlanLine.Input]?, automationChanges: [AutomationChange.Input]?) throws {
        var problems: [FieldProblem] = []
        self.name = name.map { .set(Validate.name($0, pointer: "/name", into: &problems)) } ?? .unchanged
        self.lines = lines.map { .set(HiringPlanContent.lines($0, into: &problems)) } ?? .unchanged
        self.automationChanges = automationChanges.map { .set(HiringPlanContent.automationChanges($0, into: &problems)) } ?? .unchanged
        if name == nil, lines == nil, automationChanges == nil {
            problems.append(FieldProblem(pointer: "", detail: "must change at least one field"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}

/// An approver's decision on a submitted plan.
public struct HiringPlanDecision: Sendable, Equatable {
    /// Approved or rejected.
    public let outcome: HiringPlanStatus
    /// Why; required to reject.
    public let comment: String?
    /// For an approval: create one requisition per planned hire in the same transaction.
    public let createRequisitions: Bool

    /// An approval, optionally creating the plan's requisitions.
    public static func approval(comment: String?, createRequisitions: Bool) throws -> HiringPlanDecision {
        HiringPlanDecision(outcome: .approved, comment: try validated(comment), createRequisitions: createRequisitions)
    }

    /// A rejection, which must say why.
    public static func rejection(comment: String?) throws -> HiringPlanDecision {
        guard let comment = try validated(comment) else {
            throw DomainError.invalid([FieldProblem(pointer: "/comment", detail: "is required to reject a plan")])
        }
        return HiringPlanDecision(outcome: .rejected, comment: comment, createRequisitions: false)
    }

    /// The trimmed comment, or nil when absent: 1 to 2,000 code points, no control characters.
    private static func validated(_ comment: String?) throws -> String? {
        var problems: [FieldProblem] = []
        let text = Validate.optionalText(
            comment, pointer: "/comment", maximumLength: HiringPlanLimits.maximumCommentLength, into: &problems
        )
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        return text
    }

    private init(outcome: HiringPlanStatus, comment: String?, createRequisitions: Bool) {
        self.outcome = outcome
        self.comment = comment
        self.createRequisitions = createRequisitions
    }
}

/// Validation of the lines and automation changes shared by new plans and changes of drafts.
enum HiringPlanContent {
    static func lines(_ inputs: [HiringPlanLine.Input], into problems: inout [FieldProblem]) -> [HiringPlanLine] {
        if inputs.count > HiringPlanLimits.maximumLines {
            problems.append(FieldProblem(pointer: "/lines", detail: "must have at most \(HiringPlanLimits.maximumLines) items"))
            return []
        }
        return inputs.enumerated().compactMap { index, input in
            HiringPlanLine.validated(input, at: "/lines/\(index)", into: &problems)
        }
    }

    /// Each queue may change at most once per month, so that the settings in force are unambiguous.
    static func automationChanges(_ inputs: [AutomationChange.Input], into problems: inout [FieldProblem]) -> [AutomationChange] {
        if inputs.count > HiringPlanLimits.maximumAutomationChanges {
            problems.append(FieldProblem(
                pointer: "/automation_changes", detail: "must have at most \(HiringPlanLimits.maximumAutomationChanges) items"
            ))
            return []
        }
        var firstIndex: [String: Int] = [:]
        var changes: [AutomationChange] = []
        for (index, input) in inputs.enumerated() {
            guard let change = AutomationChange.validated(input, at: "/automation_changes/\(index)", into: &problems) else { continue }
            let key = "\(change.queueID)|\(change.month)"
            if let first = firstIndex[key] {
                problems.append(FieldProblem(
                    pointer: "/automation_changes/\(index)", detail: "changes the same queue in the same month as /automation_changes/\(first)"
                ))
            } else {
                firstIndex[key] = index
            }
            changes.append(change)
        }
        return changes
    }
}
