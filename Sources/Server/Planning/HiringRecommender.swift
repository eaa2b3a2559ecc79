import Domain
import Forecasting
import Foundation

/// The cheapest hiring schedule of a snapshot: ``CheapestPlan`` for each queue's workforce pool, then the
/// whole snapshot projected with the added hires.
struct HiringRecommendation: Sendable {
    /// Hires added to one queue's pool in one order month (offset from the start month).
    struct Hire: Sendable, Equatable {
        var queueID: UUID
        var orderMonth: Int
        var count: Int
    }

    /// A month of one queue that misses the targets whatever is hired.
    struct Gap: Sendable, Equatable {
        var queueID: UUID
        var month: Int
        var reason: InfeasibilityReason
    }

    /// Most queues × months one recommendation plans.
    static let maximumQueueMonths = 1_200

    let hires: [Hire]
    let gaps: [Gap]
    /// Total cost over the horizon with the added hires (deterministic).
    let totalCost: Decimal

    /// Plans every queue's pool of `inputs` against `serviceLevelTarget` (nil: each queue's own) and `qualityFloor`.
    init(_ inputs: ProjectionInputs, serviceLevelTarget: Double?, qualityFloor: Double) async throws {
        guard inputs.queues.count * inputs.months <= Self.maximumQueueMonths else {
            throw DomainError.unprocessable(
                "At most \(Self.maximumQueueMonths) queue-months are planned at once: ask for a shorter horizon or a smaller unit."
            )
        }
        let (model, _) = try inputs.model()
        var planned = inputs
        var hires: [Hire] = []
        var gaps: [Gap] = []
        for queue in inputs.queues {
            await Task.yield()
            try Task.checkCancellation()
            let plan: CheapestPlan
            do {
                plan = try CheapestPlan(model: model, pool: queue.pool, serviceLevelTarget: serviceLevelTarget, qualityFloor: qualityFloor)
            } catch {
                throw DomainError.unprocessable("The recommendation cannot be computed: \(error.description).")
            }
            for (order, added) in plan.addedHires.enumerated() where added > 0 {
                hires.append(Hire(queueID: queue.id, orderMonth: order, count: Int(added.rounded(.up))))
                planned.pools[queue.pool].hiresOrdered[order] += added.rounded(.up)
            }
            gaps += plan.infeasibleMonths.map { Gap(queueID: queue.id, month: $0.month, reason: $0.reason) }
        }
        let projection: [ProjectionMonth]
        do {
            projection = try planned.model().0.project()
        } catch let error as ProjectionError {
            throw DomainError.unprocessable("The recommendation cannot be projected: \(error.description).")
        }
        self.hires = hires
        self.gaps = gaps
        totalCost = projection.reduce(Decimal(0)) { $0 + $1.totalCost }
    }
}
