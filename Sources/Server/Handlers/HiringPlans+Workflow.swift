import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func submitHiringPlan(_ input: Operations.SubmitHiringPlan.Input) async throws -> Operations.SubmitHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeHiringPlans)
        let details = try await hiringPlans.submit(
            id: try IDParameter.parse(input.path.id), ifMatch: input.headers.ifMatch, scope: principal.readScope, actor: principal.keyID
        )
        return .ok(.init(headers: .init(eTag: details.plan.etag), body: .json(.init(details))))
    }

    func approveHiringPlan(_ input: Operations.ApproveHiringPlan.Input) async throws -> Operations.ApproveHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.approveHiringPlans)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let decision = try HiringPlanDecision.approval(comment: body.comment, createRequisitions: body.createRequisitions ?? false)
        let details = try await decide(id, decision, ifMatch: input.headers.ifMatch, by: principal)
        return .ok(.init(headers: .init(eTag: details.plan.etag), body: .json(.init(details))))
    }

    func rejectHiringPlan(_ input: Operations.RejectHiringPlan.Input) async throws -> Operations.RejectHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.approveHiringPlans)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let details = try await decide(id, try HiringPlanDecision.rejection(comment: body.comment), ifMatch: input.headers.ifMatch, by: principal)
        return .ok(.init(headers: .init(eTag: details.plan.etag), body: .json(.init(details))))
    }

    func reviseHiringPlan(_ input: Operations.ReviseHiringPlan.Input) async throws -> Operations.ReviseHiringPlan.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeHiringPlans)
        let details = try await hiringPlans.revise(
            id: try IDParameter.parse(input.path.id), scope: principal.readScope, actor: principal.keyID
        )
        return .created(.init(
            headers: .init(eTag: details.plan.etag, location: "/v1/hiring-plans/\(details.plan.id.uuidString.lowercased())"),
            body: .json(.init(details))
        ))
    }

    private func decide(_ id: UUID, _ decision: HiringPlanDecision, ifMatch: String?, by principal: Principal) async throws -> HiringPlanDetails {
        try await hiringPlans.decide(id: id, decision, ifMatch: ifMatch, scope: principal.readScope, actor: principal.keyID) { plan in
            try principal.requireMayDecide(planAuthoredBy: plan.authorKeyID)
        }
    }
}
