import Domain
import Forecasting
import Foundation
import Store

/// The one-month model of a queue that a trade-off sweeps, gathered like a projection of the queue's org unit.
struct TradeOffInputs {
    let queues: QueueStore
    let projections: ProjectionStore
    let hiringPlans: HiringPlanStore

    /// A one-month snapshot of the queue's org unit subtree from `month`, without plans, under `assumptions`.
    func inputs(
        queue: QueueRecord, month: CalendarMonth, assumptions: ProjectionAssumptionOverrides = .init(), principal: Principal
    ) async throws -> ProjectionInputs {
        let draft = try ProjectionDraft(
            orgUnitID: queue.fields.orgUnitID.uuidString, startMonth: month.description, horizonMonths: 1, draws: 1, seed: nil,
            includeApprovedPlans: false, planIDs: nil, lines: [], automationChanges: [], assumptions: assumptions
        )
        let builder = ProjectionBuilder(queues: queues, projections: projections, hiringPlans: hiringPlans)
        let inputs = try await builder.inputs(for: draft, principal: principal)
        guard inputs.rates.annualBaseSalary != "0" else {
            throw DomainError.unprocessable("No filled position in the queue's org unit prices labour in \(month).")
        }
        return inputs
    }

    /// The sweep of the queue in the snapshot's month: every point evaluated and the Pareto-optimal ones.
    static func frontier(_ inputs: ProjectionInputs, queueID: UUID, draft: TradeOffDraft) throws -> (points: [TradeOffPoint], frontier: [TradeOffPoint]) {
        guard let index = inputs.queues.firstIndex(where: { $0.id == queueID }) else {
            throw DomainError.unprocessable("The queue is not part of its org unit's projection.")
        }
        let (model, _) = try inputs.model()
        do {
            guard let levels = draft.staffingFTE else {
                let sweep = try TradeOffSweep(botShares: draft.botShares, staffingRatios: draft.staffingRatios)
                let frontier = try TradeOffFrontier(model: model, queue: index, month: 0, sweep: sweep)
                return (frontier.points, frontier.frontier)
            }
            // Fixed FTE levels: each share's ratios are the levels over the FTE that share requires.
            let requirements = try TradeOffFrontier(
                model: model, queue: index, month: 0, sweep: try TradeOffSweep(botShares: draft.botShares, staffingRatios: [1])
            )
            var points: [TradeOffPoint] = []
            for requirement in requirements.points {
                let ratios = requirement.requiredFTE > 0 ? levels.map { $0 / requirement.requiredFTE } : [0]
                let sweep = try TradeOffSweep(botShares: [requirement.botShare], staffingRatios: ratios)
                points += try TradeOffFrontier(model: model, queue: index, month: 0, sweep: sweep).points
            }
            return (points, TradeOffFrontier.paretoOptimal(points))
        } catch {
            throw DomainError.unprocessable("The trade-off cannot be computed: \(error.description).")
        }
    }
}
