import Foundation

/// A validated request to create an API key.
public struct APIKeyDraft: Sendable, Equatable {
    /// Who or what uses the key.
    public let name: String
    /// The key's role.
    public let role: Role
    /// The org unit a manager key is bound to (required for managers, refused for other roles).
    public let orgUnitID: UUID?

    /// Longest accepted name.
    public static let maximumNameLength = 200

    /// Validates the parts of a new key; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(name: String, role: Role, orgUnitID: String?) throws {
        var problems: [FieldProblem] = []
        let trimmed = Validate.name(name, pointer: "/name", maximumLength: Self.maximumNameLength, into: &problems)
        let unit = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems)
        if role == .manager, orgUnitID == nil {
            problems.append(FieldProblem(pointer: "/org_unit_id", detail: "is required for the manager role"))
        } else if role != .manager, orgUnitID != nil {
            problems.append(FieldProblem(pointer: "/org_unit_id", detail: "is only allowed for the manager role"))
        }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        self.name = trimmed
        self.role = role
        self.orgUnitID = unit
    }
}
