import Logging
import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readIdentity)
        return .ok(.init(body: .json(.init(
            keyId: principal.keyID.uuidString.lowercased(),
            name: principal.name,
            role: .init(principal.role),
            orgUnitId: principal.orgUnitID?.uuidString.lowercased()
        ))))
    }

    func listApiKeys(_ input: Operations.ListApiKeys.Input) async throws -> Operations.ListApiKeys.Output {
        try RequestScope.requirePrincipal().require(.manageKeys)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let records = try await keys.list(
            role: input.query.role.map(Role.init),
            includeRevoked: input.query.includeRevoked ?? false,
            after: page.after,
            limit: page.limit + 1
        )
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.ApiKey.init), nextCursor: next))))
    }

    func createApiKey(_ input: Operations.CreateApiKey.Input) async throws -> Operations.CreateApiKey.Output {
        try RequestScope.requirePrincipal().require(.manageKeys)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try APIKeyDraft(name: body.name, role: Role(body.role), orgUnitID: body.orgUnitId)
        let secret = APIKeySecret.generate()
        let record = try await keys.create(draft, secret: secret)
        RequestScope.logger.notice("API key created", metadata: ["created_key_id": "\(record.id)", "role": "\(record.role)"])
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/api-keys/\(record.id.uuidString.lowercased())"),
            body: .json(.init(
                id: record.id.uuidString.lowercased(),
                name: record.name,
                role: .init(record.role),
                orgUnitId: record.orgUnitID?.uuidString.lowercased(),
                createdAt: record.createdAt,
                secret: secret.value
            ))
        ))
    }

    func getApiKey(_ input: Operations.GetApiKey.Input) async throws -> Operations.GetApiKey.Output {
        try RequestScope.requirePrincipal().require(.manageKeys)
        let id = try IDParameter.parse(input.path.id)
        guard let record = try await keys.find(id: id) else { throw DomainError.notFound("No API key with this id.") }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func revokeApiKey(_ input: Operations.RevokeApiKey.Input) async throws -> Operations.RevokeApiKey.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.manageKeys)
        let id = try IDParameter.parse(input.path.id)
        guard id != principal.keyID else {
            throw DomainError.conflict("A key cannot revoke itself; revoke it with another admin key or `workforce keys revoke`.")
        }
        guard try await keys.revoke(id: id) else { throw DomainError.notFound("No API key with this id.") }
        RequestScope.logger.notice("API key revoked", metadata: ["revoked_key_id": "\(id)"])
        return .noContent(.init())
    }
}

extension Components.Schemas.Role {
    init(_ role: Role) {
        self = Self(rawValue: role.rawValue)!
    }
}

extension Role {
    init(_ role: Components.Schemas.Role) {
        self = Role(rawValue: role.rawValue)!
    }
}

extension Components.Schemas.ApiKey {
    init(_ record: APIKeyRecord) {
        self.init(
            id: record.id.uuidString.lowercased(),
            name: record.name,
            role: .init(record.role),
            orgUnitId: record.orgUnitID?.uuidString.lowercased(),
            createdAt: record.createdAt,
            revokedAt: record.revokedAt
        )
    }
}
