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
            status: input.query.status.map { RequisitionStatus(rawValue: $0.rawValue)! }, scope: principal.readScope,
            after: page.after, limit: page.limit + 1
        )
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.Requisition.init), nextCursor: next))))
    }

    func createRequisition(_ input: Operations.CreateRequisition.Input) async throws -> Operations.CreateRequisition.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeRequisitions)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        var problems: [FieldProblem] = []
        func uuid(_ text: String?, _ pointer: String) -> UUID? {
            guard let text else { return nil }
            guard let id = UUID(uuidString: text) else {
                problems.append(FieldProblem(pointer: pointer, detail: "must be a UUID"))
                return nil
            }
            return id
        }
        let orgUnitID = uuid(body.orgUnitId, "/org_unit_id")
        let roleID = uuid(body.roleId, "/role_id")
        let backfillID = uuid(body.backfillPositionId, "/backfill_position_id")
        let planID = uuid(body.hiringPlanId, "/hiring_plan_id")
        if let fte = body.fte, !(fte > 0 && fte <= 1) { problems.append(FieldProblem(pointer: "/fte", detail: "must be greater than 0 and at most 1")) }
        let startDate = CalendarDate(body.targetStartDate)
        if startDate == nil { problems.append(FieldProblem(pointer: "/target_start_date", detail: "must be a date YYYY-MM-DD")) }
        if backfillID == nil, body.backfillPositionId == nil {
            for (value, pointer) in [(body.orgUnitId, "/org_unit_id"), (body.roleId, "/role_id")] where value == nil {
                problems.append(FieldProblem(pointer: pointer, detail: "is required unless backfill_position_id is given"))
            }
            if body.fte == nil { problems.append(FieldProblem(pointer: "/fte", detail: "is required unless backfill_position_id is given")) }
        }
        guard problems.isEmpty, let startDate else { throw DomainError.invalid(problems) }
        let record = try await requisitions.create(
            RequisitionDraft(
                orgUnitID: orgUnitID, roleID: roleID, fte: body.fte, backfillPositionID: backfillID,
                reason: RequisitionReason(rawValue: body.reason.rawValue)!, priority: RequisitionPriority(rawValue: body.priority.rawValue)!,
                targetStartDate: startDate, hiringPlanID: planID
            ),
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
        guard let record = try await requisitions.find(id: try PathID.parse(input.path.id), scope: principal.readScope) else {
            throw DomainError.notFound("No requisition with this id.")
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func listRequisitionTransitions(
        _ input: Operations.ListRequisitionTransitions.Input
    ) async throws -> Operations.ListRequisitionTransitions.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readRequisitions)
        let id = try PathID.parse(input.path.id)
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
        let id = try PathID.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let target = RequisitionStatus(rawValue: body.to.rawValue)!
        var startDate: CalendarDate?
        if let text = body.startDate {
            guard let date = CalendarDate(text) else {
                throw DomainError.invalid([FieldProblem(pointer: "/start_date", detail: "must be a date YYYY-MM-DD")])
            }
            startDate = date
        }
        if let comment = body.comment, comment.unicodeScalars.count > 2000 {
            throw DomainError.invalid([FieldProblem(pointer: "/comment", detail: "must be at most 2000 characters")])
        }
        let record = try await requisitions.transition(
            id: id, to: target, comment: body.comment, fill: FillDetails(startDate: startDate, employeeRef: body.employeeRef),
            ifMatch: input.headers.ifMatch, scope: principal.readScope, actor: principal.keyID
        ) { current in
            try principal.require(current.permission(toMoveTo: target))
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
