import Foundation

/// A multi-queue, multi-month workforce projection: demand and automation per queue and month,
/// workforce pools staffing the queues, and prices (FORECASTING.md, all sections).
///
/// Each month: the automation model turns each queue's inputs into human contacts and agent time;
/// each pool's workforce projection gives its productive hours, shared among its queues in
/// proportion to their required agent-hours; the service outcome of each queue follows
/// (``ServiceOutcome``); costs come from paid FTE, hires and bot conversations (``MonthlyCost``).
///
/// ``project()`` is the deterministic run, evaluated exactly hour by hour.
/// ``simulate(_:workers:)`` is the Monte Carlo; it evaluates service through a ``ServiceSurface``
/// per queue (within 0.5 points of service level of the exact evaluation) and money in `Double`.
public struct ProjectionModel: Sendable {
    /// The queues.
    public let queues: [ProjectedQueue]
    /// The workforce pools.
    public let pools: [WorkforcePool]
    /// The prices.
    public let rates: CostRates
    /// Satisfaction weights of the quality score.
    public let qualityWeights: QualityWeights
    /// Number of months, from the pools' plans.
    public let months: Int

    /// Validates and stores a projection.
    ///
    /// - Throws: ``ProjectionError/nothingToProject``, ``ProjectionError/horizonMismatch`` when the
    ///   pools' plans differ in length, ``ProjectionError/automationScheduleLength(queue:)``,
    ///   ``ProjectionError/unknownWorkforcePool(queue:)`` or
    ///   ``ProjectionError/noProductiveHours(pool:)``.
    public init(
        queues: [ProjectedQueue],
        pools: [WorkforcePool],
        rates: CostRates,
        qualityWeights: QualityWeights = .standard
    ) throws(ProjectionError) {
        guard !queues.isEmpty, let first = pools.first else { throw .nothingToProject }
        let months = first.plan.months
        guard pools.allSatisfy({ $0.plan.months == months }) else { throw .horizonMismatch }
        for (index, pool) in pools.enumerated() where pool.assumptions.productiveHoursPerFTEMonth <= 0 {
            throw .noProductiveHours(pool: index)
        }
        for (index, queue) in queues.enumerated() {
            guard queue.automation.count == months else { throw .automationScheduleLength(queue: index) }
            guard pools.indices.contains(queue.pool) else { throw .unknownWorkforcePool(queue: index) }
        }
        self.queues = queues
        self.pools = pools
        self.rates = rates
        self.qualityWeights = qualityWeights
        self.months = months
    }

    /// The deterministic projection: expected attrition, the inputs as given, exact hourly
    /// Erlang A evaluation.
    ///
    /// - Throws: ``ProjectionError`` from the models it combines.
    public func project() throws(ProjectionError) -> [ProjectionMonth] {
        var workforce: [[WorkforceMonth]] = []
        for pool in pools {
            do {
                workforce.append(try WorkforceProjection.project(pool.plan, assumptions: pool.assumptions, attrition: pool.attrition))
            } catch {
                throw .planning(error)
            }
        }
        var result: [ProjectionMonth] = []
        for month in 0..<months {
            let outcomes = queues.map { AutomationOutcome($0.automation[month]) }
            var requirements: [HourlyRequirement] = []
            var poolRequired = [Double](repeating: 0, count: pools.count)
            var poolQueues = [Int](repeating: 0, count: pools.count)
            for (index, queue) in queues.enumerated() {
                let requirement = try HourlyRequirement(
                    queue: queue.service, humanContacts: outcomes[index].humanContacts,
                    agentSecondsPerContact: outcomes[index].agentSecondsPerHumanContact
                )
                requirements.append(requirement)
                poolRequired[queue.pool] += requirement.perDay * queue.service.operatingDaysPerMonth
                poolQueues[queue.pool] += 1
            }
            var aggregate = MonthAggregate()
            var services: [ServiceOutcome] = []
            for (index, queue) in queues.enumerated() {
                let pool = queue.pool
                let poolHours = workforce[pool][month].productiveHours
                let required = requirements[index].perDay * queue.service.operatingDaysPerMonth
                let available = poolRequired[pool] > 0 ? poolHours * required / poolRequired[pool] : poolHours / Double(poolQueues[pool])
                let perFTE = pools[pool].assumptions.productiveHoursPerFTEMonth
                let service = try ServiceOutcome(
                    queue: queue.service, requirement: requirements[index], humanContacts: outcomes[index].humanContacts,
                    agentSecondsPerContact: outcomes[index].agentSecondsPerHumanContact, availableAgentHours: available,
                    productiveHoursPerFTEMonth: perFTE
                )
                services.append(service)
                let quality: QualityScore
                do {
                    quality = try outcomes[index].qualityScore(
                        abandonmentRate: service.abandonmentRate, asaSeconds: service.asaSeconds, weights: qualityWeights
                    )
                } catch {
                    throw .planning(error)
                }
                aggregate.add(
                    humanContacts: service.humanContacts, allContacts: outcomes[index].contacts,
                    serviceLevel: service.serviceLevel, abandonment: service.abandonmentRate, asaSeconds: service.asaSeconds,
                    occupancy: service.occupancy, availableHours: available, quality: quality.value,
                    requiredFTE: service.requiredFTE, targetServiceLevel: queue.service.target.serviceLevel
                )
            }
            var headcount = 0.0
            var paid = 0.0
            var productive = 0.0
            var hires = 0.0
            var leavers = 0.0
            var availableFTE = 0.0
            var labour = Decimal(0)
            var hiring = Decimal(0)
            var bot = Decimal(0)
            for (pool, months) in workforce.enumerated() {
                let supply = months[month]
                headcount += supply.endHeadcount
                paid += supply.paidFTE
                productive += supply.productiveFTE
                hires += supply.hiresStarted
                leavers += supply.leavers
                availableFTE += supply.productiveHours / pools[pool].assumptions.productiveHoursPerFTEMonth
                let served = queues.indices.filter { queues[$0].pool == pool }.map { outcomes[$0] }
                let cost = MonthlyCost(workforce: supply, automation: served, rates: rates)
                labour += cost.labour
                hiring += cost.hiring
                bot += cost.bot
            }
            result.append(
                ProjectionMonth(
                    month: month, headcount: headcount, paidFTE: paid, productiveFTE: productive, hires: hires,
                    attrition: leavers, labourCost: labour, hiringCost: hiring, botCost: bot, totalCost: labour + hiring + bot,
                    humanContacts: aggregate.humanContacts, serviceLevel: aggregate.serviceLevel, asaSeconds: aggregate.asaSeconds,
                    abandonmentRate: aggregate.abandonmentRate, occupancy: aggregate.occupancy, qualityScore: aggregate.qualityScore,
                    requiredFTE: aggregate.requiredFTE, requiredHeads: Int(aggregate.requiredFTE.rounded(.up)),
                    availableFTE: availableFTE, gapFTE: aggregate.requiredFTE - availableFTE,
                    targetServiceLevel: aggregate.targetServiceLevel, queues: services
                )
            )
        }
        return result
    }

    /// The Monte Carlo projection (see ``UncertaintySettings`` for what varies).
    ///
    /// Draws run in parallel in a task group with at most `workers` tasks at a time (default:
    /// the active processor count); draw `d` uses only the substream derived from the seed and `d`
    /// and is stored at index `d`, so the result is bit-identical for any `workers`. Two models run
    /// with the same settings use the same random numbers for the same queues, pools, months and
    /// cohorts (common random numbers), so their differences are not noise.
    ///
    /// `progress` receives the number of draws done after each batch of draws, in increasing order; it
    /// never changes the result. When the calling task is cancelled, no further batch starts and the
    /// call throws ``ProjectionError/cancelled``.
    ///
    /// The queues' service surfaces come from `surfaces` when a run built them recently; they are the ones
    /// that would be built, so the cache never changes the result.
    ///
    /// - Throws: ``ProjectionError`` if a service surface cannot be built, or ``ProjectionError/cancelled``.
    public func simulate(
        _ settings: UncertaintySettings = .standard, workers: Int? = nil, surfaces: ServiceSurfaceCache = .shared,
        progress: (@Sendable (Int) async -> Void)? = nil
    ) async throws(ProjectionError) -> ProjectionDistribution {
        let parallelism = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        let engine = try await MonteCarloEngine.make(model: self, settings: settings, workers: parallelism, surfaces: surfaces)
        guard let distribution = await engine.run(workers: parallelism, progress: progress) else { throw .cancelled }
        return distribution
    }
}
