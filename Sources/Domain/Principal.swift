import Foundation

/// The authenticated caller of a request: the API key it presented.
public struct Principal: Sendable, Equatable {
    /// The key's id.
    public let keyID: UUID
    /// The key's name.
    public let name: String
    /// The key's role.
    public let role: Role
    /// The org unit a manager key is bound to.
    public let orgUnitID: UUID?

    /// Creates a principal.
    public init(keyID: UUID, name: String, role: Role, orgUnitID: UUID?) {
        self.keyID = keyID
        self.name = name
        self.role = role
        self.orgUnitID = orgUnitID
    }

    /// True when the role grants `permission`.
    public func may(_ permission: Permission) -> Bool {
        permission.allowedRoles.contains(role)
    }

    /// Throws ``DomainError/forbidden(_:)`` unless the role grants `permission`.
    public func require(_ permission: Permission) throws {
        guard permission.allowedRoles.contains(role) else {
            throw DomainError.forbidden("the \(role.rawValue) role may not perform this action")
        }
    }
}
