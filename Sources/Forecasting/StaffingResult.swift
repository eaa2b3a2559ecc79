/// The outcome of a staffing search: the smallest number of agents that meets every target, or
/// the finding that no number up to the cap does.
public struct StaffingResult: Sendable, Hashable {
    /// Offered traffic `A = calls * AHT / interval`, in Erlangs.
    public let trafficErlangs: Double
    /// The largest number of agents the search was allowed to consider (the caller's cap, or
    /// ``QueueLimits/maximumAgents`` when none was given).
    public let maximumAgents: Int
    /// Whether some number of agents up to ``maximumAgents`` meets every target.
    public let isFeasible: Bool
    /// The smallest number of agents meeting every target; `nil` when infeasible.
    public let requiredAgents: Int?
    /// Metrics at ``requiredAgents``; `nil` when infeasible.
    public let metrics: QueueMetrics?
    /// Metrics with one agent fewer than required (which misses a target); `nil` when infeasible
    /// or when a single agent suffices.
    public let metricsWithOneAgentFewer: QueueMetrics?
    /// When infeasible and the caller gave a cap: metrics at that cap, the best reachable.
    /// `nil` otherwise.
    public let metricsAtMaximumAgents: QueueMetrics?

    /// Stores the outcome of a search; values are taken as given.
    public init(
        trafficErlangs: Double,
        maximumAgents: Int,
        isFeasible: Bool,
        requiredAgents: Int?,
        metrics: QueueMetrics?,
        metricsWithOneAgentFewer: QueueMetrics?,
        metricsAtMaximumAgents: QueueMetrics?
    ) {
        self.trafficErlangs = trafficErlangs
        self.maximumAgents = maximumAgents
        self.isFeasible = isFeasible
        self.requiredAgents = requiredAgents
        self.metrics = metrics
        self.metricsWithOneAgentFewer = metricsWithOneAgentFewer
        self.metricsAtMaximumAgents = metricsAtMaximumAgents
    }

    /// Service level with one agent fewer than required; `nil` when not applicable.
    public var serviceLevelWithOneAgentFewer: Double? { metricsWithOneAgentFewer?.serviceLevel }

    /// The best service level reachable under the caller's cap when the target is infeasible.
    public var serviceLevelAtMaximumAgents: Double? { metricsAtMaximumAgents?.serviceLevel }
}
