import Foundation

/// A validated org unit to create or to replace.
public struct OrgUnitDraft: Sendable, Equatable {
    /// Display name.
    public let name: String
    /// Parent unit; nil for a root.
    public let parentID: UUID?
    /// Cost center code.
    public let costCenter: String?
    /// Key in the HR system.
    public let externalID: String?

    /// Validates the fields; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(name: String, parentID: String?, costCenter: String?, externalID: String?) throws {
        var problems: [FieldProblem] = []
        self.name = Validate.name(name, pointer: "/name", into: &problems)
        self.parentID = Validate.optionalUUID(parentID, pointer: "/parent_id", into: &problems)
        self.costCenter = Validate.optionalText(costCenter, pointer: "/cost_center", maximumLength: 50, into: &problems)
        self.externalID = Validate.optionalText(externalID, pointer: "/external_id", maximumLength: 200, into: &problems)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}

/// A validated partial update of an org unit.
public struct OrgUnitChanges: Sendable, Equatable {
    /// New name.
    public let name: FieldChange<String>
    /// New parent (nil makes the unit a root).
    public let parentID: FieldChange<UUID?>
    /// New cost center.
    public let costCenter: FieldChange<String?>
    /// New HR-system key.
    public let externalID: FieldChange<String?>

    /// Validates the fields present in the request (`present` names the JSON keys it sent).
    public init(name: String?, parentID: String?, costCenter: String?, externalID: String?, present: Set<String>) throws {
        var problems: [FieldProblem] = []
        if present.contains("name") {
            guard let name else {
                throw DomainError.invalid([FieldProblem(pointer: "/name", detail: "must not be null")])
            }
            self.name = .set(Validate.name(name, pointer: "/name", into: &problems))
        } else {
            self.name = .unchanged
        }
        self.parentID = present.contains("parent_id")
            ? .set(Validate.optionalUUID(parentID, pointer: "/parent_id", into: &problems)) : .unchanged
        self.costCenter = present.contains("cost_center")
            ? .set(Validate.optionalText(costCenter, pointer: "/cost_center", maximumLength: 50, into: &problems)) : .unchanged
        self.externalID = present.contains("external_id")
            ? .set(Validate.optionalText(externalID, pointer: "/external_id", maximumLength: 200, into: &problems)) : .unchanged
        if present.isEmpty {
            problems.append(FieldProblem(pointer: "", detail: "must change at least one field"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
