import Foundation

/// The Monte Carlo of ``ProjectionModel/simulate(_:workers:)``: prepared inputs, one service
/// surface per queue, and the simulation of one draw.
///
/// Substreams (all keys by ``SplitMix64/derive(_:_:)``): draw `d` has key `k_d = derive(seed, d)`;
/// pool `p` draws attrition from `derive(derive(k_d, 1), p)` (one uniform per month and cohort,
/// see ``BinomialAttrition``); queue `q` has `k_q = derive(derive(k_d, 2), q)` and three
/// ``Xoshiro256StarStar`` generators seeded with `derive(k_q, 1)` (demand), `derive(k_q, 2)`
/// (containment) and `derive(k_q, 3)` (AHT), each consuming its draws month by month. A model with
/// more queues, pools or cohorts therefore leaves the others' random numbers unchanged.
struct MonteCarloEngine: Sendable {
    /// Standard deviations covered by the service surfaces around the deterministic inputs; draws
    /// beyond are evaluated exactly.
    static let coveredDeviations = 4.5
    /// Draws per task.
    static let chunkSize = 8

    let model: ProjectionModel
    let settings: UncertaintySettings
    let surfaces: [ServiceSurface]
    let labourPerFTE: Double
    let hiringPerHire: Double
    /// Bot cost per conversation, `[queue][month]`.
    let botCostPerConversation: [[Double]]

    static var metricCount: Int { ProjectionMetric.allCases.count }

    /// Prepares the engine, building the surfaces in parallel (or taking them from ``ServiceSurfaceCache``).
    static func make(
        model: ProjectionModel, settings: UncertaintySettings, workers: Int, surfaces cache: ServiceSurfaceCache
    ) async throws(ProjectionError) -> MonteCarloEngine {
        let ranges = model.queues.map { surfaceRanges(queue: $0, settings: settings) }
        let surfaces = await withTaskGroup(of: (Int, Result<ServiceSurface, ProjectionError>).self) { group in
            var next = 0
            var built = [Result<ServiceSurface, ProjectionError>?](repeating: nil, count: model.queues.count)
            func add() {
                let index = next
                next += 1
                let queue = model.queues[index].service
                let range = ranges[index]
                group.addTask {
                    do throws(ProjectionError) {
                        return (index, .success(try cache.surface(
                            queue: queue, dailyWorkloadHours: range.workload, agentSecondsPerContact: range.seconds
                        )))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < model.queues.count, next < workers { add() }
            for await (index, result) in group {
                built[index] = result
                if next < model.queues.count { add() }
            }
            return built
        }
        var ready: [ServiceSurface] = []
        for result in surfaces {
            switch result {
            case .success(let surface): ready.append(surface)
            case .failure(let error): throw error
            case nil: throw .nothingToProject
            }
        }
        return MonteCarloEngine(
            model: model, settings: settings, surfaces: ready,
            labourPerFTE: NSDecimalNumber(decimal: model.rates.labourCostPerFTEMonth).doubleValue,
            hiringPerHire: NSDecimalNumber(decimal: model.rates.hiringCostPerHire).doubleValue,
            botCostPerConversation: model.queues.map { queue in
                queue.automation.map { NSDecimalNumber(decimal: $0.botCostPerConversation).doubleValue }
            }
        )
    }

    /// Ranges of daily workload and agent-seconds a queue's draws reach with overwhelming
    /// probability: the deterministic months widened by ``coveredDeviations`` standard deviations
    /// of demand and AHT, and by the containment's Beta spread.
    static func surfaceRanges(queue: ProjectedQueue, settings: UncertaintySettings) -> (workload: ClosedRange<Double>, seconds: ClosedRange<Double>) {
        let days = queue.service.operatingDaysPerMonth
        let k = coveredDeviations
        var logWorkload = (low: Double.infinity, high: -Double.infinity)
        var logSeconds = (low: Double.infinity, high: -Double.infinity)
        for (month, inputs) in queue.automation.enumerated() {
            let c = inputs.trueContainment
            let spread = k * (c * (1 - c) / (settings.containmentConcentration + 1)).squareRoot()
            let demandMargin = k * (pow(settings.demandSigma(month: month), 2) + pow(settings.ahtSigma, 2)).squareRoot()
            let secondsMargin = k * settings.ahtSigma
            for containment in [max(0, c - spread), c, min(1, c + spread)] {
                let rates = AutomationRates(
                    inputs, newIssues: max(inputs.newIssues, 1e-9), trueContainment: containment,
                    falseContainment: min(inputs.falseContainment, 1 - containment), ahtSeconds: inputs.humanAHTSeconds
                )
                guard rates.humanContacts > 0 else { continue }
                let workload = log(rates.humanContacts * rates.agentSeconds / (days * 3_600))
                let seconds = log(rates.agentSeconds)
                if inputs.newIssues > 0 {
                    logWorkload = (min(logWorkload.low, workload - demandMargin), max(logWorkload.high, workload + demandMargin))
                }
                logSeconds = (min(logSeconds.low, seconds - secondsMargin), max(logSeconds.high, seconds + secondsMargin))
            }
        }
        if !logWorkload.low.isFinite { logWorkload = (0, 1) }
        if !logSeconds.low.isFinite { logSeconds = (log(queue.automation.first?.humanAHTSeconds ?? 300), log(queue.automation.first?.humanAHTSeconds ?? 300) + 0.1) }
        return (exp(logWorkload.low)...exp(max(logWorkload.high, logWorkload.low + 0.05)),
                exp(logSeconds.low)...exp(max(logSeconds.high, logSeconds.low + 0.05)))
    }

    /// The draws of one task.
    struct Chunk: Sendable {
        var start: Int
        var count: Int
        /// `[draw][metric][month]`.
        var values: [Double]
        /// `[queue][month]` counts of draws below target.
        var queueMisses: [Int]
        /// `[month]` counts of draws whose aggregate is below target.
        var aggregateMisses: [Int]
    }

    /// Runs every draw with at most `workers` tasks at a time and assembles the distribution.
    func run(workers: Int, progress: (@Sendable (Int) async -> Void)? = nil) async -> ProjectionDistribution? {
        let draws = settings.draws
        let months = model.months
        let metrics = Self.metricCount
        let chunkCount = (draws + Self.chunkSize - 1) / Self.chunkSize
        let chunks = await withTaskGroup(of: Chunk.self) { group in
            var next = 0
            var done: [Chunk] = []
            func add() {
                let start = next * Self.chunkSize
                next += 1
                group.addTask { self.simulate(start: start, count: min(Self.chunkSize, draws - start)) }
            }
            while next < chunkCount, next < workers { add() }
            var drawsDone = 0
            for await chunk in group {
                done.append(chunk)
                drawsDone += chunk.count
                if let progress { await progress(drawsDone) }
                if next < chunkCount, !Task.isCancelled { add() }
            }
            return done
        }
        guard chunks.reduce(0, { $0 + $1.count }) == draws else { return nil }
        var values = [Double](repeating: 0, count: metrics * months * draws)
        var queueMisses = [Int](repeating: 0, count: model.queues.count * months)
        var aggregateMisses = [Int](repeating: 0, count: months)
        for chunk in chunks {
            for offset in 0..<chunk.count {
                let draw = chunk.start + offset
                for cell in 0..<(metrics * months) {
                    values[cell * draws + draw] = chunk.values[offset * metrics * months + cell]
                }
            }
            for index in queueMisses.indices { queueMisses[index] += chunk.queueMisses[index] }
            for index in aggregateMisses.indices { aggregateMisses[index] += chunk.aggregateMisses[index] }
        }
        let sortedValues = values
        let bands = await withTaskGroup(of: (Int, [PercentileBand]).self) { group in
            for metric in 0..<metrics {
                group.addTask {
                    var result: [PercentileBand] = []
                    for month in 0..<months {
                        let start = (metric * months + month) * draws
                        result.append(PercentileBand(sorted: sortedValues[start..<(start + draws)].sorted()))
                    }
                    return (metric, result)
                }
            }
            var all = [[PercentileBand]](repeating: [], count: metrics)
            for await (metric, result) in group { all[metric] = result }
            return all.flatMap(\.self)
        }
        let total = Double(draws)
        return ProjectionDistribution(
            draws: draws, months: months, settings: settings, values: values, bands: bands,
            probabilityBelowTarget: aggregateMisses.map { Double($0) / total },
            queueProbabilityBelowTarget: model.queues.indices.map { queue in
                (0..<months).map { Double(queueMisses[queue * months + $0]) / total }
            }
        )
    }

    /// Simulates draws `start..<start + count`.
    func simulate(start: Int, count: Int) -> Chunk {
        let months = model.months
        let queueCount = model.queues.count
        let metrics = Self.metricCount
        var chunk = Chunk(
            start: start, count: count, values: [Double](repeating: 0, count: count * metrics * months),
            queueMisses: [Int](repeating: 0, count: queueCount * months), aggregateMisses: [Int](repeating: 0, count: months)
        )
        var automation = [AutomationRates]()
        automation.reserveCapacity(queueCount * months)
        var required = [Double](repeating: 0, count: queueCount)
        var poolRequired = [Double](repeating: 0, count: model.pools.count)
        var poolQueues = [Int](repeating: 0, count: model.pools.count)
        for queue in model.queues { poolQueues[queue.pool] += 1 }
        var supply = model.pools.map { SupplySimulator(plan: $0.plan, assumptions: $0.assumptions) }
        let inputs = model.queues.flatMap(\.automation)
        let days = model.queues.map(\.service.operatingDaysPerMonth)
        let pools = model.queues.map(\.pool)
        let targets = model.queues.map(\.service.target.serviceLevel)
        let hoursPerFTE = model.pools.map(\.assumptions.productiveHoursPerFTEMonth)
        let attritionTables = model.pools.map { pool -> BinomialTable? in
            let rate = pool.attrition.monthlyRate
            return rate > 0 && rate < 1 ? BinomialTable(probability: rate) : nil
        }
        let attritionModels = model.pools.map(\.attrition)
        let weights = model.qualityWeights
        let surfaces = self.surfaces
        let correlation = settings.demandCorrelation
        let innovation = (1 - correlation * correlation).squareRoot()
        for offset in 0..<count {
            let drawKey = SplitMix64.derive(settings.seed, UInt64(start + offset))
            let poolKey = SplitMix64.derive(drawKey, 1)
            let queueKey = SplitMix64.derive(drawKey, 2)
            for index in supply.indices {
                let key = SplitMix64.derive(poolKey, UInt64(index))
                if let table = attritionTables[index] {
                    supply[index].run(attrition: BinomialAttrition(table: table, key: key))
                } else {
                    supply[index].run(attrition: BinomialAttrition(attritionModels[index], key: key))
                }
            }
            automation.removeAll(keepingCapacity: true)
            for index in 0..<queueCount {
                let key = SplitMix64.derive(queueKey, UInt64(index))
                var demand = Xoshiro256StarStar(seed: SplitMix64.derive(key, 1))
                var containment = Xoshiro256StarStar(seed: SplitMix64.derive(key, 2))
                var handling = Xoshiro256StarStar(seed: SplitMix64.derive(key, 3))
                var shock = 0.0
                for month in 0..<months {
                    let inputs = inputs[index * months + month]
                    let innovationDraw = RandomVariates.standardNormal(using: &demand)
                    shock = month == 0 ? innovationDraw : correlation * shock + innovation * innovationDraw
                    let sigma = settings.demandSigma(month: month)
                    let demandMultiplier = exp(sigma * shock - sigma * sigma / 2)
                    let trueContainment = RandomVariates.beta(
                        mean: inputs.trueContainment, concentration: settings.containmentConcentration, using: &containment
                    )
                    let ahtMultiplier = RandomVariates.meanOneLognormal(sigma: settings.ahtSigma, using: &handling)
                    automation.append(
                        AutomationRates(
                            inputs, newIssues: inputs.newIssues * demandMultiplier, trueContainment: trueContainment,
                            falseContainment: min(inputs.falseContainment, 1 - trueContainment),
                            ahtSeconds: inputs.humanAHTSeconds * ahtMultiplier
                        )
                    )
                }
            }
            let base = offset * metrics * months
            for month in 0..<months {
                for index in poolRequired.indices { poolRequired[index] = 0 }
                for index in 0..<queueCount {
                    let rates = automation[index * months + month]
                    let workload = rates.humanContacts * rates.agentSeconds / (days[index] * 3_600)
                    required[index] = surfaces[index].requiredAgentHoursPerDay(dailyWorkloadHours: workload, agentSecondsPerContact: rates.agentSeconds)
                    poolRequired[pools[index]] += required[index] * days[index]
                }
                var aggregate = MonthAggregate()
                var botCost = 0.0
                for index in 0..<queueCount {
                    let rates = automation[index * months + month]
                    let days = days[index]
                    let pool = pools[index]
                    let poolHours = supply[pool].months[month].productiveHours
                    let available = poolRequired[pool] > 0
                        ? poolHours * required[index] * days / poolRequired[pool] : poolHours / Double(poolQueues[pool])
                    let workload = rates.humanContacts * rates.agentSeconds / (days * 3_600)
                    let service = surfaces[index].metrics(
                        dailyWorkloadHours: workload, agentSecondsPerContact: rates.agentSeconds,
                        requiredPerDay: required[index], availablePerDay: available / days
                    )
                    let quality = rates.quality(abandonmentRate: service.abandonmentRate, asaSeconds: service.asaSeconds, weights: weights)
                    let target = targets[index]
                    aggregate.add(
                        humanContacts: rates.humanContacts, allContacts: rates.contacts, serviceLevel: service.serviceLevel,
                        abandonment: service.abandonmentRate, asaSeconds: service.asaSeconds, occupancy: service.occupancy,
                        availableHours: available, quality: quality,
                        requiredFTE: required[index] * days / hoursPerFTE[pool],
                        targetServiceLevel: target
                    )
                    if rates.humanContacts > 0, service.serviceLevel < target { chunk.queueMisses[index * months + month] += 1 }
                    botCost += rates.botConversations * botCostPerConversation[index][month]
                }
                if aggregate.humanContacts > 0, aggregate.serviceLevel < aggregate.targetServiceLevel { chunk.aggregateMisses[month] += 1 }
                var headcount = 0.0
                var paid = 0.0
                var productive = 0.0
                var hires = 0.0
                var leavers = 0.0
                var availableFTE = 0.0
                for (pool, simulator) in supply.enumerated() {
                    let workforce = simulator.months[month]
                    headcount += workforce.endHeadcount
                    paid += workforce.paidFTE
                    productive += workforce.productiveFTE
                    hires += workforce.hires
                    leavers += workforce.leavers
                    availableFTE += workforce.productiveHours / hoursPerFTE[pool]
                }
                let labour = paid * labourPerFTE
                let hiring = hires * hiringPerHire
                func store(_ metric: ProjectionMetric, _ value: Double) {
                    chunk.values[base + metric.rawValue * months + month] = value
                }
                store(.headcount, headcount)
                store(.paidFTE, paid)
                store(.productiveFTE, productive)
                store(.hires, hires)
                store(.attrition, leavers)
                store(.labourCost, labour)
                store(.hiringCost, hiring)
                store(.botCost, botCost)
                store(.totalCost, labour + hiring + botCost)
                store(.humanContacts, aggregate.humanContacts)
                store(.serviceLevel, aggregate.serviceLevel)
                store(.asaSeconds, aggregate.asaSeconds)
                store(.abandonmentRate, aggregate.abandonmentRate)
                store(.occupancy, aggregate.occupancy)
                store(.qualityScore, aggregate.qualityScore)
                store(.requiredFTE, aggregate.requiredFTE)
                store(.gapFTE, aggregate.requiredFTE - availableFTE)
            }
        }
        return chunk
    }
}
