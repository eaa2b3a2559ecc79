import Foundation

/// Hires (positive `change`) or reductions (negative) of one role in one org unit, from a month on.
public struct HiringPlanLine: Sendable, Equatable {
    /// The month, as its first day.
    public let month: CalendarDate
    /// The org unit (inside the plan's subtree).
    public let orgUnitID: UUID
    /// The role (job profile).
    public let roleID: UUID
    /// The work queue the people serve, if any (owned by a unit of the plan's subtree).
    public let queueID: UUID?
    /// People hired (positive) or reduced (negative); never zero.
    public let change: Int
    /// Why.
    public let reason: String

    /// A line as stored.
    public init(month: CalendarDate, orgUnitID: UUID, roleID: UUID, queueID: UUID?, change: Int, reason: String) {
        self.month = month
        self.orgUnitID = orgUnitID
        self.roleID = roleID
        self.queueID = queueID
        self.change = change
        self.reason = reason
    }

    /// Validates one line of a request, appending problems under `pointer` (e.g. `/lines/3`); nil when invalid.
    public static func validated(_ input: Input, at pointer: String, into problems: inout [FieldProblem]) -> HiringPlanLine? {
        let count = problems.count
        let month = Validate.month(input.month, pointer: pointer + "/month", into: &problems)
        let unit = Validate.optionalUUID(input.orgUnitID, pointer: pointer + "/org_unit_id", into: &problems)
        let role = Validate.optionalUUID(input.roleID, pointer: pointer + "/role_id", into: &problems)
        let queue = Validate.optionalUUID(input.queueID, pointer: pointer + "/queue_id", into: &problems)
        let limit = HiringPlanLimits.maximumChange
        if input.change == 0 || abs(input.change) > limit {
            problems.append(FieldProblem(pointer: pointer + "/change", detail: "must be a non-zero whole number from -\(limit) to \(limit)"))
        }
        let reason = Validate.name(input.reason, pointer: pointer + "/reason", maximumLength: 500, into: &problems)
        guard problems.count == count, let unit, let role else { return nil }
        return HiringPlanLine(month: month, orgUnitID: unit, roleID: role, queueID: queue, change: input.change, reason: reason)
    }

    /// A line as a request sends it, before validation.
    public struct Input: Sendable {
        /// `YYYY-MM`.
        public var month: String
        /// Org unit id.
        public var orgUnitID: String
        /// Role id.
        public var roleID: String
        /// Queue id.
        public var queueID: String?
        /// Hires (positive) or reductions (negative).
        public var change: Int
        /// Why.
        public var reason: String

        /// Creates an input.
        public init(month: String, orgUnitID: String, roleID: String, queueID: String?, change: Int, reason: String) {
            self.month = month
            self.orgUnitID = orgUnitID
            self.roleID = roleID
            self.queueID = queueID
            self.change = change
            self.reason = reason
        }
    }
}
