import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listPositions(_ input: Operations.ListPositions.Input) async throws -> Operations.ListPositions.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readPositions)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let filter = PositionFilter(
            orgUnitSubtree: try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") },
            roleID: try input.query.roleId.map { try IDParameter.parse($0, name: "role_id") },
            status: input.query.status.map { PositionStatus(rawValue: $0.rawValue)! },
            externalID: try QueryText.parse(input.query.externalId, name: "external_id", maximumLength: 200)
        )
        let records = try await positions.list(
            filter, asOf: try QueryDate.parse(input.query.asOf, name: "as_of"), scope: principal.readScope,
            after: page.after, limit: page.limit + 1
        )
        let (shown, next) = page.split(records, id: \.id)
        let showCompensation = principal.may(.seeCompensation)
        return .ok(.init(body: .json(.init(data: shown.map { .init($0, showCompensation: showCompensation) }, nextCursor: next))))
    }

    func createPosition(_ input: Operations.CreatePosition.Input) async throws -> Operations.CreatePosition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writePositions)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let state = try PositionState(
            orgUnitID: body.orgUnitId, roleID: body.roleId, fte: body.fte, status: PositionStatus(rawValue: body.status.rawValue)!,
            queueID: body.queueId, employeeRef: body.employeeRef, salaryOverride: body.salaryOverride
        )
        let externalID = try body.externalId.map { try ExternalID.validate($0) }
        let record = try await positions.create(
            state, externalID: externalID, effectiveDate: try BodyDate.parse(body.effectiveDate, pointer: "/effective_date"),
            scope: principal.readScope, recordedBy: principal.keyID
        )
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/positions/\(record.id.uuidString.lowercased())"),
            body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))
        ))
    }

    func getPosition(_ input: Operations.GetPosition.Input) async throws -> Operations.GetPosition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readPositions)
        let id = try IDParameter.parse(input.path.id)
        let asOf = try QueryDate.parse(input.query.asOf, name: "as_of")
        guard let record = try await positions.find(id: id, asOf: asOf, scope: principal.readScope) else {
            throw DomainError.notFound("No position with this id in force on \(asOf).")
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))))
    }

    func updatePosition(_ input: Operations.UpdatePosition.Input) async throws -> Operations.UpdatePosition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writePositions)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls(except: ["queue_id", "employee_ref", "salary_override"])
        let changes = try PositionChanges(
            orgUnitID: body.orgUnitId, roleID: body.roleId, fte: body.fte, status: body.status.map { PositionStatus(rawValue: $0.rawValue)! },
            queueID: body.queueId, employeeRef: body.employeeRef, salaryOverride: body.salaryOverride,
            present: RequestScope.presentKeys()
        )
        let record = try await positions.update(
            id: id, changes, effectiveDate: try BodyDate.parse(body.effectiveDate, pointer: "/effective_date"),
            ifMatch: input.headers.ifMatch, scope: principal.readScope, recordedBy: principal.keyID
        )
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))))
    }

    func closePosition(_ input: Operations.ClosePosition.Input) async throws -> Operations.ClosePosition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writePositions)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let record = try await positions.close(
            id: id, endDate: try BodyDate.parse(body.endDate, pointer: "/end_date"), ifMatch: input.headers.ifMatch,
            scope: principal.readScope
        )
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))))
    }

    func getPositionHistory(_ input: Operations.GetPositionHistory.Input) async throws -> Operations.GetPositionHistory.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readPositions)
        let versions = try await positions.history(id: try IDParameter.parse(input.path.id), scope: principal.readScope)
        guard !versions.isEmpty else { throw DomainError.notFound("No position with this id.") }
        let showCompensation = principal.may(.seeCompensation)
        return .ok(.init(body: .json(.init(data: versions.map { .init($0, showCompensation: showCompensation) }))))
    }
}

extension Components.Schemas.Position {
    /// The API form of a position version; `salary_override` only for roles that see compensation.
    init(_ record: PositionRecord, showCompensation: Bool) {
        let state = record.state
        self.init(
            id: record.id.uuidString.lowercased(),
            orgUnitId: state.orgUnitID.uuidString.lowercased(),
            roleId: state.roleID.uuidString.lowercased(),
            fte: state.fte,
            status: .init(rawValue: state.status.rawValue)!,
            queueId: state.queueID?.uuidString.lowercased(),
            employeeRef: state.employeeRef,
            salaryOverride: showCompensation ? state.salaryOverride?.description : nil,
            externalId: record.externalID,
            validFrom: record.validFrom.description,
            validTo: record.validTo?.description,
            recordedAt: record.recordedAt
        )
    }
}
