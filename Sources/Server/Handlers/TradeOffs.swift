import Domain
import Forecasting
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func createTradeOff(_ input: Operations.CreateTradeOff.Input) async throws -> Operations.CreateTradeOff.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        func range(_ value: Components.Schemas.SweepRange?) -> TradeOffDraft.Range? {
            value.map { TradeOffDraft.Range(from: $0.from, to: $0.to, step: $0.step) }
        }
        let draft = try TradeOffDraft(
            queueID: body.queueId, month: body.month, botShareSteps: body.botShareSteps, botShareRange: range(body.botShareRange),
            staffing: range(body.staffing), staffingFTE: body.staffingFte.map { TradeOffDraft.Range(from: $0.from, to: $0.to, step: $0.step) }
        )
        guard let queue = try await queues.find(id: draft.queueID, scope: principal.readScope) else {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/queue_id", detail: "no such queue in your scope")])
        }
        let inputs = try await TradeOffInputs(queues: queues, projections: projections, hiringPlans: hiringPlans)
            .inputs(queue: queue, month: draft.month, assumptions: Self.assumptionOverrides(body.assumptions), principal: principal)
        let frontier = try TradeOffInputs.frontier(inputs, queueID: queue.id, draft: draft)
        let showCosts = principal.may(.seeCostAggregates)
        return .ok(.init(body: .json(.init(
            queueId: queue.id.uuidString.lowercased(), month: draft.month.description, currency: inputs.rates.currency,
            currentBotShare: inputs.queues.first { $0.id == queue.id }?.months.first?.botFirstShare ?? 0,
            pointsEvaluated: frontier.points.count,
            frontier: frontier.frontier.map { point in
                .init(
                    botShare: point.botShare, staffingRatio: point.staffingRatio, requiredFte: point.requiredFTE, staffedFte: point.staffedFTE,
                    labourCost: showCosts ? Money.centsText(point.labourCost) : nil, botCost: showCosts ? Money.centsText(point.botCost) : nil,
                    totalCost: showCosts ? Money.centsText(point.totalCost) : nil, serviceLevel: point.serviceLevel,
                    qualityScore: point.qualityScore
                )
            }
        ))))
    }
}
