import Foundation

/// Whether a position is occupied.
public enum PositionStatus: String, Sendable, CaseIterable {
    /// Someone holds it.
    case filled
    /// Budgeted and open.
    case vacant
    /// Budgeted but not to be filled for now.
    case frozen
}

/// The state of a position in one version (what is in force over a date range).
public struct PositionState: Sendable, Equatable {
    /// The org unit it belongs to.
    public var orgUnitID: UUID
    /// Its role (job profile).
    public var roleID: UUID
    /// Full-time equivalent, in (0, 1].
    public var fte: Double
    /// Filled, vacant or frozen.
    public var status: PositionStatus
    /// The work queue it serves, if any.
    public var queueID: UUID?
    /// An opaque reference to the employee in the HR system.
    public var employeeRef: String?
    /// Salary replacing the role's base salary.
    public var salaryOverride: Money?

    /// Validates a complete state; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        orgUnitID: String, roleID: String, fte: Double, status: PositionStatus, queueID: String?,
        employeeRef: String?, salaryOverride: String?
    ) throws {
        var problems: [FieldProblem] = []
        let unit = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems)
        let role = Validate.optionalUUID(roleID, pointer: "/role_id", into: &problems)
        self.fte = Validate.fte(fte, into: &problems)
        self.status = status
        self.queueID = Validate.optionalUUID(queueID, pointer: "/queue_id", into: &problems)
        self.employeeRef = Validate.optionalText(employeeRef, pointer: "/employee_ref", maximumLength: 200, into: &problems)
        self.salaryOverride = salaryOverride.map { Validate.money($0, pointer: "/salary_override", into: &problems) }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        self.orgUnitID = unit!
        self.roleID = role!
    }

    /// This state with `changes` applied.
    public func applying(_ changes: PositionChanges) -> PositionState {
        var state = self
        state.orgUnitID = changes.orgUnitID.applied(to: orgUnitID)
        state.roleID = changes.roleID.applied(to: roleID)
        state.fte = changes.fte.applied(to: fte)
        state.status = changes.status.applied(to: status)
        state.queueID = changes.queueID.applied(to: queueID)
        state.employeeRef = changes.employeeRef.applied(to: employeeRef)
        state.salaryOverride = changes.salaryOverride.applied(to: salaryOverride)
        return state
    }
}

/// A validated change of a position from a date on.
public struct PositionChanges: Sendable, Equatable {
    /// New org unit.
    public let orgUnitID: FieldChange<UUID>
    /// New role.
    public let roleID: FieldChange<UUID>
    /// New FTE.
    public let fte: FieldChange<Double>
    /// New status.
    public let status: FieldChange<PositionStatus>
    /// New queue (nil clears it).
    public let queueID: FieldChange<UUID?>
    /// New employee reference (nil clears it).
    public let employeeRef: FieldChange<String?>
    /// New salary override (nil clears it).
    public let salaryOverride: FieldChange<Money?>

    /// Validates the fields the request sent (`present` names its JSON keys).
    public init(
        orgUnitID: String?, roleID: String?, fte: Double?, status: PositionStatus?, queueID: String?,
        employeeRef: String?, salaryOverride: String?, present: Set<String>
    ) throws {
        var problems: [FieldProblem] = []
        func required<Input, Output>(_ key: String, _ value: Input?, _ validate: (Input) -> Output?) -> FieldChange<Output> {
            guard present.contains(key) else { return .unchanged }
            guard let value else {
                problems.append(FieldProblem(pointer: "/\(key)", detail: "must not be null"))
                return .unchanged
            }
            return validate(value).map { .set($0) } ?? .unchanged
        }
        func nullable<Output>(_ key: String, _ validate: () -> Output?) -> FieldChange<Output?> {
            present.contains(key) ? .set(validate()) : .unchanged
        }
        self.orgUnitID = required("org_unit_id", orgUnitID) { Validate.optionalUUID($0, pointer: "/org_unit_id", into: &problems) }
        self.roleID = required("role_id", roleID) { Validate.optionalUUID($0, pointer: "/role_id", into: &problems) }
        self.fte = required("fte", fte) { Validate.fte($0, into: &problems) }
        self.status = required("status", status) { $0 }
        self.queueID = nullable("queue_id") { Validate.optionalUUID(queueID, pointer: "/queue_id", into: &problems) }
        self.employeeRef = nullable("employee_ref") {
            Validate.optionalText(employeeRef, pointer: "/employee_ref", maximumLength: 200, into: &problems)
        }
        self.salaryOverride = nullable("salary_override") {
            salaryOverride.map { Validate.money($0, pointer: "/salary_override", into: &problems) }
        }
        if present.subtracting(["effective_date"]).isEmpty {
            problems.append(FieldProblem(pointer: "", detail: "must change at least one field"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
