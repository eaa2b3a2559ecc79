import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listRequisitions(_ input: Operations.ListRequisitions.Input) async throws -> Operations.ListRequisitions.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readRequisitions)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let records = try await requisitions.list(
            status: input.query.status.map { RequisitionStatus(rawValue: $0.rawValue)! },
            hiringPlanID: try input.query.hiringPlanId.map { try IDParameter.parse($0, name: "hiring_plan_id") },
            scope: principal.readScope, after: page.after, limit: page.limit + 1
        )
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.Requisition.init), nextCursor: next))))
    }

    func createRequisition(_ input: Operations.CreateRequisition.Input) async throws -> Operations.CreateRequisition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeRequisitions)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try RequisitionDraft(
            orgUnitID: body.orgUnitId, roleID: body.roleId, fte: body.fte, backfillPositionID: body.backfillPositionId,
            reason: RequisitionReason(rawValue: body.reason.rawValue)!, priority: RequisitionPriority(rawValue: body.priority.rawValue)!,
            targetStartDate: body.targetStartDate, hiringPlanID: body.hiringPlanId
        )
        let record = try await requisitions.create(
            draft,
            scope: principal.readScope, actor: principal.keyID
        )
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/requisitions/\(record.id.uuidString.lowercased())"),
            body: .json(.init(record))
        ))
    }

    func getRequisition(_ input: Operations.GetRequisition.Input) async throws -> Operations.GetRequisition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readRequisitions)
        guard let record = try await requisitions.find(id: try IDParameter.parse(input.path.id), scope: principal.readScope) else {
            throw DomainError.notFound("No requisition with this id.")
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func listRequisitionTransitions(
        _ input: Operations.ListRequisitionTransitions.Input
    ) async throws -> Operations.ListRequisitionTransitions.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readRequisitions)
        let id = try IDParameter.parse(input.path.id)
        guard try await requisitions.find(id: id, scope: principal.readScope) != nil else {
            throw DomainError.notFound("No requisition with this id.")
        }
        let transitions = try await requisitions.transitions(of: id)
        return .ok(.init(body: .json(.init(data: transitions.map { transition in
            .init(
                from: transition.from.map { .init(rawValue: $0.rawValue)! }, to: .init(rawValue: transition.to.rawValue)!,
                comment: transition.comment, actorKeyId: transition.actorKeyID.uuidString.lowercased(), at: transition.at
            )
        }))))
    }

    func transitionRequisition(_ input: Operations.TransitionRequisition.Input) async throws -> Operations.TransitionRequisition.Output {
        let principal = try RequestScope.requirePrincipal()
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let move = try RequisitionMove(
            target: RequisitionStatus(rawValue: body.to.rawValue)!, comment: body.comment, startDate: body.startDate,
            employeeRef: body.employeeRef
        )
        let record = try await requisitions.transition(
            id: id, move, ifMatch: input.headers.ifMatch, scope: principal.readScope, actor: principal.keyID
        ) { current in
            try principal.require(current.permission(toMoveTo: move.target))
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }
}

extension Components.Schemas.Requisition {
    init(_ record: RequisitionRecord) {
        self.init(
            id: record.id.uuidString.lowercased(),
            orgUnitId: record.orgUnitID.uuidString.lowercased(),
            roleId: record.roleID.uuidString.lowercased(),
            fte: record.fte,
            backfillPositionId: record.backfillPositionID?.uuidString.lowercased(),
            reason: .init(rawValue: record.reason.rawValue)!,
            priority: .init(rawValue: record.priority.rawValue)!,
            targetStartDate: record.targetStartDate.description,
            hiringPlanId: record.hiringPlanID?.uuidString.lowercased(),
            status: .init(rawValue: record.status.rawValue)!,
            heldFrom: record.heldFrom.map { .init(rawValue: $0.rawValue)! },
            allowedTransitions: record.status.allowedTransitions(heldFrom: record.heldFrom).map { .init(rawValue: $0.rawValue)! },
            filledPositionId: record.filledPositionID?.uuidString.lowercased(),
            startDate: record.startDate?.description,
            openedAt: record.openedAt,
            filledAt: record.filledAt,
            timeToFillDays: record.timeToFillDays,
            createdAt: record.createdAt
        )
    }
}
