import Foundation

/// A precomputed approximation of a queue's monthly ``ServiceOutcome``, for the Monte Carlo's hot
/// path: one table lookup per queue-month instead of about two Erlang A evaluations per open hour
/// plus a staffing search per hour.
///
/// Why it works: with the queue's profile, answer time, target and patience fixed, the outcome of
/// a month depends on three numbers only: the daily workload `D = contacts per day × s / 3600`
/// (agent-hours; hour `h` has traffic `A_h = share_h·D`), the agent-seconds per contact `s`
/// (which sets `T/s` and `s/patience`), and the staffing ratio `ρ = available / required`
/// agent-hours (placing agents in proportion to need gives every hour `N_h = ρ·R_h`).
///
/// Construction, in two levels (all interpolation linear, so the tables stay monotone in `ρ`):
/// 1. per level of `log s` (step at most 0.1) and per row of `log A` (step 0.1, covering the
///    profile's hours over the workload range), the exact fractional requirement `R(A, s)` and the
///    exact hourly metrics at `N = ρ_j·R` for 40 values `ρ_j` on a grid `ρ = 1 + c·sinh(t)`,
///    uniform in `t` (dense around `ρ = 1`, where service changes fastest; `c` shrinks as
///    `1/sqrt(peak requirement)` because large queues switch from failing to meeting the target over
///    a narrower band of `ρ`), from `ρ = 0` to `ρ = 3`;
/// 2. per level of `log s` and per node of `log D` (step 0.05), the open hours' metrics and
///    requirements read from level 1 and aggregated as in ``ServiceOutcome``.
///
/// A lookup interpolates trilinearly in `(log D, log s, t(ρ))`. Above `ρ = 3` the metrics of
/// `ρ = 3` are used (service is then saturated); occupancy is always computed from the actual
/// agent-hours. Workloads or agent-seconds outside the tabulated ranges are evaluated exactly.
/// The tests bound the error against the exact hourly evaluation (0.5 percentage points of
/// service level; in practice much less).
public struct ServiceSurface: Sendable {
    /// Steps of the grids in natural-log units and the number of staffing-ratio nodes.
    static let workloadStep = 0.05
    static let trafficStep = 0.05
    static let maximumSecondsStep = 0.2
    static let ratioNodes = 56
    /// The largest tabulated staffing ratio.
    public static let maximumRatio = 3.0

    /// The queue the surface describes.
    public let queue: ServiceQueue
    /// The tabulated range of the daily workload, in agent-hours per operating day.
    public let dailyWorkloadRange: ClosedRange<Double>
    /// The tabulated range of agent-seconds per contact.
    public let agentSecondsRange: ClosedRange<Double>

    private let logWorkloadStart: Double
    private let workloadCount: Int
    private let logSecondsStart: Double
    private let secondsStep: Double
    private let secondsCount: Int
    private let ratioScale: Double
    private let ratioStart: Double
    private let ratioStep: Double
    /// Required agent-hours per operating day, `[secondsLevel][workloadNode]`.
    private let requiredPerDay: [Double]
    /// Service level, abandonment and answered wait, `[secondsLevel][workloadNode][ratioNode][3]`.
    private let values: [Double]

    /// Builds the surface of `queue` over the given ranges of daily workload (agent-hours per
    /// operating day) and agent-seconds per contact.
    ///
    /// Cost: about `levels × rows × (staffing search + 40 evaluations)` Erlang A evaluations,
    /// typically 5–20 ms per queue in release builds.
    ///
    /// - Throws: ``ProjectionError/planning(_:)`` for non-positive or non-finite bounds, or an
    ///   error of Erlang A.
    public init(
        queue: ServiceQueue,
        dailyWorkloadHours: ClosedRange<Double>,
        agentSecondsPerContact: ClosedRange<Double>
    ) throws(ProjectionError) {
        do {
            _ = try PlanningValidation.positive(dailyWorkloadHours.lowerBound, name: "dailyWorkloadHours")
            _ = try PlanningValidation.positive(dailyWorkloadHours.upperBound, name: "dailyWorkloadHours")
            _ = try PlanningValidation.positive(agentSecondsPerContact.lowerBound, name: "agentSecondsPerContact")
            _ = try PlanningValidation.positive(agentSecondsPerContact.upperBound, name: "agentSecondsPerContact")
        } catch {
            throw .planning(error)
        }
        self.queue = queue
        dailyWorkloadRange = dailyWorkloadHours
        agentSecondsRange = agentSecondsPerContact

        let logWorkloadLow = log(dailyWorkloadHours.lowerBound)
        let logWorkloadHigh = log(dailyWorkloadHours.upperBound)
        workloadCount = max(2, Int(((logWorkloadHigh - logWorkloadLow) / Self.workloadStep).rounded(.up)) + 1)
        logWorkloadStart = logWorkloadLow
        let workloadStep = (logWorkloadHigh - logWorkloadLow) / Double(workloadCount - 1)

        let logSecondsLow = log(agentSecondsPerContact.lowerBound)
        let logSecondsHigh = log(agentSecondsPerContact.upperBound)
        secondsCount = max(2, Int(((logSecondsHigh - logSecondsLow) / Self.maximumSecondsStep).rounded(.up)) + 1)
        logSecondsStart = logSecondsLow
        secondsStep = (logSecondsHigh - logSecondsLow) / Double(secondsCount - 1)

        let shares = queue.profile.openHours.map { queue.profile.hourlyShares[$0] }
        let smallestShare = shares.min() ?? 1
        let largestShare = shares.max() ?? 1
        // The ratio grid narrows around 1 for large queues (service switches over ~1/sqrt(R)).
        let peakTraffic = largestShare * (dailyWorkloadHours.lowerBound * dailyWorkloadHours.upperBound).squareRoot()
        let scale = min(0.25, 0.5 / max(1, peakTraffic).squareRoot())
        let start = asinh(-1 / scale)
        let step = (asinh((Self.maximumRatio - 1) / scale) - start) / Double(Self.ratioNodes - 1)
        ratioScale = scale
        ratioStart = start
        ratioStep = step
        let ratios = (0..<Self.ratioNodes).map { node in
            node == 0 ? 0 : max(0, 1 + scale * sinh(start + Double(node) * step))
        }

        // Level 1 rows of log A covering every open hour over the workload range.
        let logTrafficLow = log(smallestShare) + logWorkloadLow - 1e-9
        let logTrafficHigh = log(largestShare) + logWorkloadHigh + 1e-9
        let rowCount = max(2, Int(((logTrafficHigh - logTrafficLow) / Self.trafficStep).rounded(.up)) + 1)
        let rowStep = (logTrafficHigh - logTrafficLow) / Double(rowCount - 1)

        let nodes = Self.ratioNodes
        var requiredPerDay = [Double](repeating: 0, count: secondsCount * workloadCount)
        var values = [Double](repeating: 0, count: secondsCount * workloadCount * nodes * 3)
        for level in 0..<secondsCount {
            let seconds = exp(logSecondsLow + Double(level) * secondsStep)
            var rowRequired = [Double](repeating: 0, count: rowCount)
            var rowMetrics = [HourMetrics](repeating: .noContacts, count: rowCount * nodes)
            for row in 0..<rowCount {
                let traffic = exp(logTrafficLow + Double(row) * rowStep)
                let scenario: QueueScenario
                do {
                    scenario = try HourlyService.scenario(
                        contacts: traffic * 3_600 / seconds, agentSeconds: seconds, answerTimeSeconds: queue.answerTimeSeconds
                    )
                } catch {
                    throw .queue(error)
                }
                let required = try HourlyService.requiredAgents(scenario, patienceSeconds: queue.patienceSeconds, target: queue.target)
                rowRequired[row] = required
                var cache = IntegerMetricsCache(scenario: scenario, patienceSeconds: queue.patienceSeconds)
                let saturation = HourlyService.saturation(trafficErlangs: scenario.trafficErlangs)
                for node in 0..<nodes {
                    let agents = min(ratios[node] * required, saturation)
                    let whole = agents.rounded(.down)
                    let lower = try cache.metrics(agents: Int(whole))
                    let share = agents - whole
                    rowMetrics[row * nodes + node] = share > 0 ? lower.mixed(with: try cache.metrics(agents: Int(whole) + 1), share: share) : lower
                }
            }
            // Level 2: aggregate the open hours at each workload node.
            for workloadNode in 0..<workloadCount {
                let logWorkload = logWorkloadLow + Double(workloadNode) * workloadStep
                var required = 0.0
                var accumulated = [HourMetrics](repeating: HourMetrics(serviceLevel: 0, abandonment: 0, answeredWait: 0), count: nodes)
                for share in shares {
                    let position = min(max((log(share) + logWorkload - logTrafficLow) / rowStep, 0), Double(rowCount - 1))
                    let row = min(Int(position), rowCount - 2)
                    let fraction = position - Double(row)
                    required += rowRequired[row] + fraction * (rowRequired[row + 1] - rowRequired[row])
                    for node in 0..<nodes {
                        let mixed = rowMetrics[row * nodes + node].mixed(with: rowMetrics[(row + 1) * nodes + node], share: fraction)
                        accumulated[node].serviceLevel += share * mixed.serviceLevel
                        accumulated[node].abandonment += share * mixed.abandonment
                        accumulated[node].answeredWait += share * mixed.answeredWait
                    }
                }
                let cell = level * workloadCount + workloadNode
                requiredPerDay[cell] = required
                for node in 0..<nodes {
                    let base = (cell * nodes + node) * 3
                    values[base] = accumulated[node].serviceLevel
                    values[base + 1] = accumulated[node].abandonment
                    values[base + 2] = accumulated[node].answeredWait
                }
            }
        }
        self.requiredPerDay = requiredPerDay
        self.values = values
    }

    /// Workload step of the level-2 grid, in log units.
    private var workloadStep: Double {
        (log(dailyWorkloadRange.upperBound) - logWorkloadStart) / Double(workloadCount - 1)
    }

    /// Required agent-hours per operating day for daily workload `dailyWorkloadHours` at
    /// `agentSecondsPerContact`: the table's value inside its ranges, the exact sum of the hourly
    /// requirements outside them.
    public func requiredAgentHoursPerDay(dailyWorkloadHours: Double, agentSecondsPerContact: Double) -> Double {
        guard dailyWorkloadHours > 0 else { return 0 }
        guard let cell = locate(dailyWorkloadHours: dailyWorkloadHours, agentSecondsPerContact: agentSecondsPerContact) else {
            return exactOutcome(dailyWorkloadHours: dailyWorkloadHours, agentSecondsPerContact: agentSecondsPerContact, availablePerDay: 0)
                .map { $0.requiredAgentHours / queue.operatingDaysPerMonth } ?? 0
        }
        let stride = workloadCount
        let base = cell.level * stride + cell.node
        let lower = requiredPerDay[base] + cell.nodeFraction * (requiredPerDay[base + 1] - requiredPerDay[base])
        let upper = requiredPerDay[base + stride] + cell.nodeFraction * (requiredPerDay[base + stride + 1] - requiredPerDay[base + stride])
        return lower + cell.levelFraction * (upper - lower)
    }

    /// The approximate outcome of a month (see the type's documentation); ``ServiceOutcome/hours``
    /// is empty. Inputs outside the tabulated ranges are evaluated exactly.
    ///
    /// - Throws: ``ProjectionError/planning(_:)`` for invalid inputs.
    public func outcome(
        humanContacts: Double,
        agentSecondsPerContact: Double,
        availableAgentHours: Double,
        productiveHoursPerFTEMonth: Double
    ) throws(ProjectionError) -> ServiceOutcome {
        try ServiceOutcome.validateInputs(
            humanContacts: humanContacts, agentSecondsPerContact: agentSecondsPerContact,
            availableAgentHours: availableAgentHours, productiveHoursPerFTEMonth: productiveHoursPerFTEMonth
        )
        let days = queue.operatingDaysPerMonth
        let workload = humanContacts * agentSecondsPerContact / (days * 3_600)
        let required = requiredAgentHoursPerDay(dailyWorkloadHours: workload, agentSecondsPerContact: agentSecondsPerContact)
        let available = availableAgentHours / days
        let metrics = self.metrics(
            dailyWorkloadHours: workload, agentSecondsPerContact: agentSecondsPerContact,
            requiredPerDay: required, availablePerDay: available
        )
        return ServiceOutcome(
            humanContacts: humanContacts, agentSecondsPerContact: agentSecondsPerContact,
            serviceLevel: metrics.serviceLevel, abandonmentRate: metrics.abandonmentRate, asaSeconds: metrics.asaSeconds,
            occupancy: metrics.occupancy, requiredAgentHours: required * days, availableAgentHours: availableAgentHours,
            productiveHoursPerFTEMonth: productiveHoursPerFTEMonth, hours: []
        )
    }

    /// Aggregated metrics for a workload, agent-seconds, and the day's required and available
    /// agent-hours (the hot path of the Monte Carlo; never throws: should an exact fallback fail,
    /// the nearest tabulated values are used).
    func metrics(
        dailyWorkloadHours workload: Double,
        agentSecondsPerContact seconds: Double,
        requiredPerDay required: Double,
        availablePerDay available: Double
    ) -> (serviceLevel: Double, abandonmentRate: Double, asaSeconds: Double, occupancy: Double) {
        guard workload > 0, required > 0 else { return (1, 0, 0, 0) }
        let ratio = available / required
        let cell = locate(dailyWorkloadHours: workload, agentSecondsPerContact: seconds)
        if cell == nil, let exact = exactOutcome(dailyWorkloadHours: workload, agentSecondsPerContact: seconds, availablePerDay: available) {
            return (exact.serviceLevel, exact.abandonmentRate, exact.asaSeconds, exact.occupancy)
        }
        let located = cell ?? clampedCell(dailyWorkloadHours: workload, agentSecondsPerContact: seconds)
        let position = min(max((asinh((ratio - 1) / ratioScale) - ratioStart) / ratioStep, 0), Double(Self.ratioNodes - 1))
        let ratioNode = min(Int(position), Self.ratioNodes - 2)
        let ratioFraction = position - Double(ratioNode)
        let nodes = Self.ratioNodes
        var serviceLevel = 0.0
        var abandonment = 0.0
        var answeredWait = 0.0
        for corner in 0..<8 {
            let levelOffset = corner & 1
            let nodeOffset = (corner >> 1) & 1
            let ratioOffset = corner >> 2
            let weight = (levelOffset == 1 ? located.levelFraction : 1 - located.levelFraction)
                * (nodeOffset == 1 ? located.nodeFraction : 1 - located.nodeFraction)
                * (ratioOffset == 1 ? ratioFraction : 1 - ratioFraction)
            let cellIndex = (located.level + levelOffset) * workloadCount + located.node + nodeOffset
            let base = (cellIndex * nodes + ratioNode + ratioOffset) * 3
            serviceLevel += weight * values[base]
            abandonment += weight * values[base + 1]
            answeredWait += weight * values[base + 2]
        }
        let answered = 1 - abandonment
        let occupancy = available > 0 ? min(1, workload * answered / available) : 0
        return (
            min(1, max(0, serviceLevel)), min(1, max(0, abandonment)),
            answered > 1e-12 ? max(0, answeredWait / answered) : 0, max(0, occupancy)
        )
    }

    /// Grid position of a workload and agent-seconds pair: the lower nodes and the fractions.
    private struct Cell {
        var level: Int
        var levelFraction: Double
        var node: Int
        var nodeFraction: Double
    }

    /// The cell containing the inputs, or `nil` outside the tabulated ranges.
    private func locate(dailyWorkloadHours workload: Double, agentSecondsPerContact seconds: Double) -> Cell? {
        guard dailyWorkloadRange.contains(workload), agentSecondsRange.contains(seconds) else { return nil }
        return clampedCell(dailyWorkloadHours: workload, agentSecondsPerContact: seconds)
    }

    /// The cell of the inputs, clamped to the tabulated ranges.
    private func clampedCell(dailyWorkloadHours workload: Double, agentSecondsPerContact seconds: Double) -> Cell {
        let nodePosition = min(max((log(workload) - logWorkloadStart) / workloadStep, 0), Double(workloadCount - 1))
        let node = min(Int(nodePosition), workloadCount - 2)
        let levelPosition = min(max((log(seconds) - logSecondsStart) / secondsStep, 0), Double(secondsCount - 1))
        let level = min(Int(levelPosition), secondsCount - 2)
        return Cell(level: level, levelFraction: levelPosition - Double(level), node: node, nodeFraction: nodePosition - Double(node))
    }

    /// The exact outcome for inputs outside the tables, or `nil` if Erlang A rejects them.
    private func exactOutcome(dailyWorkloadHours workload: Double, agentSecondsPerContact seconds: Double, availablePerDay: Double) -> ServiceOutcome? {
        let days = queue.operatingDaysPerMonth
        return try? ServiceOutcome(
            queue: queue, humanContacts: workload * days * 3_600 / seconds, agentSecondsPerContact: seconds,
            availableAgentHours: availablePerDay * days, productiveHoursPerFTEMonth: 1
        )
    }
}
