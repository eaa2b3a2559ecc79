import Domain
import Forecasting
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func createRecommendation(_ input: Operations.CreateRecommendation.Input) async throws -> Operations.CreateRecommendation.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.runProjections)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try RecommendationDraft(
            orgUnitID: body.orgUnitId, startMonth: body.startMonth, horizonMonths: body.horizonMonths,
            serviceLevelTarget: body.serviceLevelTarget, qualityFloor: body.qualityFloor, roleID: body.roleId,
            includeApprovedPlans: body.includeApprovedPlans, name: body.name, createDraft: body.createDraft
        )
        if draft.createDraft { try principal.require(.writeHiringPlans) }
        guard try await orgUnits.find(id: draft.orgUnitID, scope: principal.readScope) != nil else {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/org_unit_id", detail: "no such org unit in your scope")])
        }
        if let role = draft.roleID, try await jobRoles.find(id: role) == nil {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/role_id", detail: "no such role")])
        }
        let projectionDraft = try ProjectionDraft(
            orgUnitID: draft.orgUnitID.uuidString, startMonth: draft.startMonth.description, horizonMonths: draft.horizonMonths, draws: 1,
            seed: nil, includeApprovedPlans: draft.includeApprovedPlans, planIDs: nil, lines: [], automationChanges: [],
            assumptions: Self.assumptionOverrides(body.assumptions)
        )
        let builder = ProjectionBuilder(queues: queues, projections: projections, hiringPlans: hiringPlans)
        let inputs = try await builder.inputs(for: projectionDraft, principal: principal)
        let (target, floor) = (draft.serviceLevelTarget, draft.qualityFloor)
        let computed = try await withinBudget(decisionBudget) {
            try await HiringRecommendation(inputs, serviceLevelTarget: target, qualityFloor: floor)
        }
        guard let recommendation = computed else { throw DomainError.unprocessable(Self.overBudget("recommendation", decisionBudget)) }
        let plan = try await recommendedPlan(recommendation, draft: draft, inputs: inputs)
        var answer = Components.Schemas.Recommendation(
            plan: plan, currency: inputs.rates.currency, hires: recommendation.hires.reduce(0) { $0 + $1.count },
            totalCost: Money.centsText(recommendation.totalCost),
            infeasibleMonths: recommendation.gaps.map { gap in
                .init(
                    queueId: gap.queueID.uuidString.lowercased(), month: draft.startMonth.adding(months: gap.month).description,
                    reason: gap.reason == .withinLeadTime ? .withinLeadTime : .targetUnreachable
                )
            }
        )
        guard draft.createDraft else { return .ok(.init(body: .json(answer))) }
        let stored = try await hiringPlans.create(
            try HiringPlanDraft(
                name: plan.name, orgUnitID: plan.orgUnitId, lines: (plan.lines ?? []).map(HiringPlanLine.Input.init), automationChanges: []
            ),
            scope: principal.readScope, actor: principal.keyID
        )
        let id = stored.plan.id.uuidString.lowercased()
        answer.hiringPlanId = id
        return .created(.init(headers: .init(location: "/v1/hiring-plans/\(id)"), body: .json(answer)))
    }

    /// Why a decision computed in the request was abandoned, and what to ask instead.
    static func overBudget(_ what: String, _ budget: Duration?) -> String {
        "The \(what) takes longer than \(budget.map(ProblemMapping.secondsText) ?? "0") seconds to compute at once: "
            + "ask for fewer draws, a shorter horizon or a smaller org unit."
    }

    /// The recommendation as a hiring plan body: one line per queue and order month, hiring the role asked for or
    /// the queue's most common role.
    private func recommendedPlan(
        _ recommendation: HiringRecommendation, draft: RecommendationDraft, inputs: ProjectionInputs
    ) async throws -> Components.Schemas.HiringPlanInput {
        var lines: [Components.Schemas.HiringPlanLine] = []
        var roles: [UUID: UUID] = [:]
        var units: [UUID: UUID] = [:]
        let lead = inputs.assumptions.leadTimeMonths
        for hire in recommendation.hires {
            guard let queue = inputs.queues.first(where: { $0.id == hire.queueID }) else { continue }
            if units[queue.id] == nil {
                guard let record = try await queues.find(id: queue.id, scope: .everything) else {
                    throw DomainError.conflict("The queue \(queue.name) was deleted while planning.")
                }
                units[queue.id] = record.fields.orgUnitID
            }
            if roles[queue.id] == nil {
                let common = draft.roleID == nil ? try await projections.mostCommonRole(queueID: queue.id, on: draft.startMonth.firstDay) : nil
                guard let role = draft.roleID ?? common else {
                    throw DomainError.unprocessable("The queue \(queue.name) has no filled positions to take a role from: give role_id.")
                }
                roles[queue.id] = role
            }
            let needed = draft.startMonth.adding(months: hire.orderMonth + lead)
            lines.append(.init(
                month: draft.startMonth.adding(months: hire.orderMonth).description, orgUnitId: units[queue.id]!.uuidString.lowercased(),
                roleId: roles[queue.id]!.uuidString.lowercased(), queueId: queue.id.uuidString.lowercased(), change: hire.count,
                reason: "Recommended: keeps \(queue.name) at its service-level target from \(needed)"
            ))
        }
        return .init(name: draft.name, orgUnitId: draft.orgUnitID.uuidString.lowercased(), lines: lines)
    }
}
