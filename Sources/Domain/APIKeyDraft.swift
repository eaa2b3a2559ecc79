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
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems.append(FieldProblem(pointer: "/name", detail: "must not be empty"))
        } else if trimmed.count > Self.maximumNameLength {
            problems.append(FieldProblem(pointer: "/name", detail: "must be at most \(Self.maximumNameLength) characters"))
        }
        var unit: UUID?
        if let orgUnitID {
            unit = UUID(uuidString: orgUnitID)
            if unit == nil { problems.append(FieldProblem(pointer: "/org_unit_id", detail: "must be a UUID")) }
        }
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
