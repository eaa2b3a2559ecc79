import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listOrgUnits(_ input: Operations.ListOrgUnits.Input) async throws -> Operations.ListOrgUnits.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readOrgUnits)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let filter = OrgUnitFilter(
            parentID: try input.query.parentId.map { try IDParameter.parse($0, name: "parent_id") },
            subtreeOf: try input.query.subtreeOf.map { try IDParameter.parse($0, name: "subtree_of") },
            externalID: try QueryText.parse(input.query.externalId, name: "external_id", maximumLength: 200)
        )
        let records = try await orgUnits.list(filter, scope: principal.readScope, after: page.after, limit: page.limit + 1)
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.OrgUnit.init), nextCursor: next))))
    }

    func createOrgUnit(_ input: Operations.CreateOrgUnit.Input) async throws -> Operations.CreateOrgUnit.Output {
        try RequestScope.requirePrincipal().require(.writeOrgUnits)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try OrgUnitDraft(name: body.name, parentID: body.parentId, costCenter: body.costCenter, externalID: body.externalId)
        let record = try await orgUnits.create(draft)
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/org-units/\(record.id.uuidString.lowercased())"),
            body: .json(.init(record))
        ))
    }

    func getOrgUnit(_ input: Operations.GetOrgUnit.Input) async throws -> Operations.GetOrgUnit.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readOrgUnits)
        let id = try IDParameter.parse(input.path.id)
        guard let record = try await orgUnits.find(id: id, scope: principal.readScope) else {
            throw DomainError.notFound("No org unit with this id.")
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func updateOrgUnit(_ input: Operations.UpdateOrgUnit.Input) async throws -> Operations.UpdateOrgUnit.Output {
        try RequestScope.requirePrincipal().require(.writeOrgUnits)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls(except: ["parent_id", "cost_center", "external_id"])
        let changes = try OrgUnitChanges(
            name: body.name, parentID: body.parentId, costCenter: body.costCenter, externalID: body.externalId,
            present: RequestScope.presentKeys()
        )
        let record = try await orgUnits.update(id: id, changes, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func deleteOrgUnit(_ input: Operations.DeleteOrgUnit.Input) async throws -> Operations.DeleteOrgUnit.Output {
        try RequestScope.requirePrincipal().require(.writeOrgUnits)
        try await orgUnits.delete(id: try IDParameter.parse(input.path.id), ifMatch: input.headers.ifMatch)
        return .noContent(.init())
    }

    func upsertOrgUnit(_ input: Operations.UpsertOrgUnit.Input) async throws -> Operations.UpsertOrgUnit.Output {
        try RequestScope.requirePrincipal().require(.writeOrgUnits)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        var parentID = body.parentId
        if let parentExternalID = body.parentExternalId {
            guard body.parentId == nil else {
                throw DomainError.invalid([FieldProblem(pointer: "/parent_external_id", detail: "cannot be combined with parent_id")])
            }
            let parents = try await orgUnits.list(OrgUnitFilter(externalID: parentExternalID), scope: .everything, after: nil, limit: 1)
            guard let parent = parents.first else {
                throw DomainError.unprocessable("No org unit has the parent_external_id \(parentExternalID.prefix(200)).")
            }
            parentID = parent.id.uuidString
        }
        let draft = try OrgUnitDraft(name: body.name, parentID: parentID, costCenter: body.costCenter, externalID: input.path.externalId)
        let (record, created) = try await orgUnits.upsert(externalID: draft.externalID ?? input.path.externalId, draft)
        if created {
            return .created(.init(
                headers: .init(eTag: record.etag, location: "/v1/org-units/\(record.id.uuidString.lowercased())"),
                body: .json(.init(record))
            ))
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }
}

extension Components.Schemas.OrgUnit {
    init(_ record: OrgUnitRecord) {
        self.init(
            id: record.id.uuidString.lowercased(),
            name: record.name,
            parentId: record.parentID?.uuidString.lowercased(),
            costCenter: record.costCenter,
            externalId: record.externalID,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt
        )
    }
}
