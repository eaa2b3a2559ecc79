import Foundation

/// The cost, service and quality trade-off of one queue in one month: every point of a
/// ``TradeOffSweep`` (bot-first share × staffing) and the Pareto-optimal ones (issue 3, part 7).
///
/// Each point replaces the queue's bot-first share `b` in that month's ``AutomationInputs`` (all
/// other inputs kept), evaluates the automation model (``AutomationOutcome``), the FTE required to
/// meet the queue's target hour by hour, and the ``ServiceOutcome`` with `staffingRatio ×` that
/// requirement placed over the day (FORECASTING.md, "Automation" and "Service outcome").
/// Cost is steady-state: labour `= staffed FTE × annual base × (1 + benefits + payroll tax) / 12`
/// (fully productive agents, shrinkage already in the productive hours per FTE of the queue's
/// pool) plus bot cost `b·X × cost per conversation` (FORECASTING.md, "Cost"); hiring, ramp and
/// attrition are left out, since the point is a staffing level, not a path to it.
///
/// The frontier keeps the points no other point dominates (minimum cost, maximum service level,
/// maximum quality; ``TradeOffPoint/dominates(_:)``); of points with identical objectives it keeps
/// the first in sweep order. Found by pairwise comparison, O(n²) in the grid size.
public struct TradeOffFrontier: Sendable, Hashable {
    /// Every swept point, bot-first share major, staffing ratio minor, in the sweep's order.
    public let points: [TradeOffPoint]
    /// The Pareto-optimal points, in sweep order.
    public let frontier: [TradeOffPoint]

    /// Sweeps `sweep` for queue `queue` of `model` in `month` and extracts the frontier.
    ///
    /// - Throws: ``DecisionError/unknownQueue(_:)``, ``DecisionError/monthOutOfRange(_:)``,
    ///   ``DecisionError/planning(_:)`` when a bot-first share makes repeats unbounded, or
    ///   ``DecisionError/projection(_:)`` from the service model.
    public init(model: ProjectionModel, queue: Int, month: Int, sweep: TradeOffSweep = .standard) throws(DecisionError) {
        guard model.queues.indices.contains(queue) else { throw .unknownQueue(queue) }
        guard month >= 0, month < model.months else { throw .monthOutOfRange(month) }
        let projected = model.queues[queue]
        let base = projected.automation[month]
        let perFTE = model.pools[projected.pool].assumptions.productiveHoursPerFTEMonth
        var points: [TradeOffPoint] = []
        for share in sweep.botShares {
            let inputs: AutomationInputs
            do {
                inputs = try AutomationInputs(
                    newIssues: base.newIssues, botFirstShare: share, trueContainment: base.trueContainment,
                    falseContainment: base.falseContainment, humanAHTSeconds: base.humanAHTSeconds,
                    botCostPerConversation: base.botCostPerConversation,
                    repeatAfterFalseContainment: base.repeatAfterFalseContainment,
                    humanFirstContactResolution: base.humanFirstContactResolution,
                    escalationAHTMultiplier: base.escalationAHTMultiplier, concurrency: base.concurrency,
                    productiveHoursPerFTEMonth: base.productiveHoursPerFTEMonth
                )
            } catch {
                throw .planning(error)
            }
            let outcome = AutomationOutcome(inputs)
            let requirement: HourlyRequirement
            do {
                requirement = try HourlyRequirement(
                    queue: projected.service, humanContacts: outcome.humanContacts,
                    agentSecondsPerContact: outcome.agentSecondsPerHumanContact
                )
            } catch {
                throw .projection(error)
            }
            let requiredHours = requirement.perDay * projected.service.operatingDaysPerMonth
            for ratio in sweep.staffingRatios {
                let service: ServiceOutcome
                let quality: QualityScore
                do {
                    service = try ServiceOutcome(
                        queue: projected.service, requirement: requirement, humanContacts: outcome.humanContacts,
                        agentSecondsPerContact: outcome.agentSecondsPerHumanContact, availableAgentHours: ratio * requiredHours,
                        productiveHoursPerFTEMonth: perFTE
                    )
                } catch {
                    throw .projection(error)
                }
                do {
                    quality = try outcome.qualityScore(
                        abandonmentRate: service.abandonmentRate, asaSeconds: service.asaSeconds, weights: model.qualityWeights
                    )
                } catch {
                    throw .planning(error)
                }
                let staffed = service.availableFTE
                let rates = model.rates
                let labour = Decimal(staffed) * rates.annualBaseSalary * (1 + rates.benefitsRate + rates.payrollTaxRate) / 12
                points.append(
                    TradeOffPoint(
                        botShare: share, staffingRatio: ratio, requiredFTE: service.requiredFTE, staffedFTE: staffed,
                        labourCost: labour, botCost: outcome.botCost, totalCost: labour + outcome.botCost,
                        serviceLevel: service.serviceLevel, qualityScore: quality.value
                    )
                )
            }
        }
        self.points = points
        frontier = Self.paretoOptimal(points)
    }

    /// The points no other point dominates, keeping the first of points with equal objectives.
    public static func paretoOptimal(_ points: [TradeOffPoint]) -> [TradeOffPoint] {
        var frontier: [TradeOffPoint] = []
        for (index, point) in points.enumerated() {
            let dominated = points.contains { $0.dominates(point) }
            let duplicate = points[..<index].contains { $0.hasSameObjectives(as: point) }
            if !dominated && !duplicate { frontier.append(point) }
        }
        return frontier
    }
}
