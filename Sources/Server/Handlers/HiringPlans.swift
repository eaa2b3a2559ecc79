import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listHiringPlans(_ input: Operations.ListHiringPlans.Input) async throws -> Operations.ListHiringPlans.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readHiringPlans)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let filter = HiringPlanFilter(
            status: input.query.status.map { HiringPlanStatus(rawValue: $0.rawValue)! },
            orgUnitSubtree: try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") }
        )
        let records = try await hiringPlans.list(filter, scope: principal.readScope, after: page.after, limit: page.limit + 1)
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.HiringPlanSummary.init), nextCursor: next))))
    }

    func createHiringPlan(_ input: Operations.CreateHiringPlan.Input) async throws -> Operations.CreateHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeHiringPlans)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try HiringPlanDraft(
            name: body.name, orgUnitID: body.orgUnitId, lines: (body.lines ?? []).map(HiringPlanLine.Input.init),
            automationChanges: (body.automationChanges ?? []).map(AutomationChange.Input.init)
        )
        let details = try await hiringPlans.create(draft, scope: principal.readScope, actor: principal.keyID)
        return .created(.init(
            headers: .init(eTag: details.plan.etag, location: "/v1/hiring-plans/\(details.plan.id.uuidString.lowercased())"),
            body: .json(.init(details))
        ))
    }

    func getHiringPlan(_ input: Operations.GetHiringPlan.Input) async throws -> Operations.GetHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readHiringPlans)
        guard let details = try await hiringPlans.find(id: try IDParameter.parse(input.path.id), scope: principal.readScope) else {
            throw DomainError.notFound("No hiring plan with this id.")
        }
        return .ok(.init(headers: .init(eTag: details.plan.etag), body: .json(.init(details))))
    }

    func updateHiringPlan(_ input: Operations.UpdateHiringPlan.Input) async throws -> Operations.UpdateHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeHiringPlans)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let changes = try HiringPlanChanges(
            name: body.name, lines: body.lines.map { $0.map(HiringPlanLine.Input.init) },
            automationChanges: body.automationChanges.map { $0.map(AutomationChange.Input.init) }
        )
        let details = try await hiringPlans.update(
            id: id, changes, ifMatch: input.headers.ifMatch, scope: principal.readScope, actor: principal.keyID
        )
        return .ok(.init(headers: .init(eTag: details.plan.etag), body: .json(.init(details))))
    }

    func deleteHiringPlan(_ input: Operations.DeleteHiringPlan.Input) async throws -> Operations.DeleteHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeHiringPlans)
        try await hiringPlans.delete(id: try IDParameter.parse(input.path.id), ifMatch: input.headers.ifMatch, scope: principal.readScope)
        return .noContent(.init())
    }

    func listHiringPlanEvents(_ input: Operations.ListHiringPlanEvents.Input) async throws -> Operations.ListHiringPlanEvents.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readHiringPlans)
        guard let events = try await hiringPlans.events(of: try IDParameter.parse(input.path.id), scope: principal.readScope) else {
            throw DomainError.notFound("No hiring plan with this id.")
        }
        return .ok(.init(body: .json(.init(data: events.map(Components.Schemas.HiringPlanEvent.init)))))
    }
}
