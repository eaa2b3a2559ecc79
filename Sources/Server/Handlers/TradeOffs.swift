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
            staffing: range(body.staffing)
        )
        guard let queue = try await queues.find(id: draft.queueID, scope: principal.readScope) else {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/queue_id", detail: "no such queue in your scope")])
        }
        let inputs = try await TradeOffInputs(queues: queues, projections: projections, hiringPlans: hiringPlans)
            .inputs(queue: queue, month: draft.month, principal: principal)
        let frontier = try TradeOffInputs.frontier(inputs, queueID: queue.id, draft: draft)
        let showCosts = principal.may(.seeCostAggregates)
        return .ok(.init(body: .json(.init(
            queueId: queue.id.uuidString.lowercased(), month: draft.month.description, currency: inputs.rates.currency,
            currentBotShare: inputs.queues.first { $0.id == queue.id }?.months.first?.botFirstShare ?? 0,
            pointsEvaluated: frontier.points.count,
            frontier: frontier.frontier.map { point in
                .init(
                    botShare: point.botShare, staffingRatio: point.staffingRatio, requiredFte: point.requiredFTE, staffedFte: point.staffedFTE,
                    labourCost: showCosts ? Self.moneyText(point.labourCost) : nil, botCost: showCosts ? Self.moneyText(point.botCost) : nil,
                    totalCost: showCosts ? Self.moneyText(point.totalCost) : nil, serviceLevel: point.serviceLevel,
                    qualityScore: point.qualityScore
                )
            }
        ))))
    }

    /// An amount rounded to cents, as the API's decimal string.
    static func moneyText(_ value: Decimal) -> String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return String(format: "%.2f", NSDecimalNumber(decimal: rounded).doubleValue)
    }
}

/// The one-month model of a queue that a trade-off sweeps, gathered like a projection of the queue's org unit.
struct TradeOffInputs {
    let queues: QueueStore
    let projections: ProjectionStore
    let hiringPlans: HiringPlanStore

    /// A one-month snapshot of the queue's org unit subtree from `month`, without plans.
    func inputs(queue: QueueRecord, month: CalendarMonth, principal: Principal) async throws -> ProjectionInputs {
        let draft = try ProjectionDraft(
            orgUnitID: queue.fields.orgUnitID.uuidString, startMonth: month.description, horizonMonths: 1, draws: 1, seed: nil,
            includeApprovedPlans: false, planIDs: nil, lines: [], automationChanges: [], assumptions: ProjectionAssumptionOverrides()
        )
        let builder = ProjectionBuilder(queues: queues, projections: projections, hiringPlans: hiringPlans)
        let inputs = try await builder.inputs(for: draft, principal: principal)
        guard inputs.rates.annualBaseSalary != "0" else {
            throw DomainError.unprocessable("No filled position in the queue's org unit prices labour in \(month).")
        }
        return inputs
    }

    /// The sweep of the queue in the snapshot's month.
    static func frontier(_ inputs: ProjectionInputs, queueID: UUID, draft: TradeOffDraft) throws -> TradeOffFrontier {
        guard let index = inputs.queues.firstIndex(where: { $0.id == queueID }) else {
            throw DomainError.unprocessable("The queue is not part of its org unit's projection.")
        }
        let (model, _) = try inputs.model()
        do {
            let sweep = try TradeOffSweep(botShares: draft.botShares, staffingRatios: draft.staffingRatios)
            return try TradeOffFrontier(model: model, queue: index, month: 0, sweep: sweep)
        } catch {
            throw DomainError.unprocessable("The trade-off cannot be computed: \(error.description).")
        }
    }
}
