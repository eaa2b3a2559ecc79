/// Steady-state performance of one queue with a given number of agents.
public struct QueueMetrics: Sendable, Hashable {
    /// Number of agents the metrics were evaluated at.
    public let agents: Int
    /// Offered traffic `A = calls * AHT / interval`, in Erlangs.
    public let trafficErlangs: Double
    /// Erlang C: `agents > trafficErlangs`. Erlang A is always stable (callers abandon).
    public let isStable: Bool
    /// Erlang B blocking probability `B(N, A)` (the loss system with the same agents and traffic).
    public let erlangB: Double
    /// Probability that an arriving contact has to wait, `P(W > 0)`. 1 for an unstable Erlang C queue.
    public let probabilityOfWaiting: Double
    /// Probability that a contact is answered within the answer-time threshold, over all offered
    /// contacts (abandoned contacts count as failures). 0 for an unstable Erlang C queue.
    public let serviceLevel: Double
    /// `1 - serviceLevel`, computed directly (not by subtraction) so that it stays accurate when the
    /// service level is close to 1. Staffing compares this with `1 - target`.
    public let probabilityNotAnsweredInTime: Double
    /// Probability that a contact abandons before being answered. Always 0 under Erlang C.
    public let probabilityOfAbandoning: Double
    /// Average speed of answer (ASA): the mean wait of answered contacts, in seconds.
    /// `nil` for an unstable Erlang C queue (the wait grows without bound).
    public let asaSeconds: Double?
    /// Mean wait over all arriving contacts, answered or abandoned, in seconds (Erlang A:
    /// `P(abandon) * patience`). Equals the ASA under Erlang C; `nil` for an unstable Erlang C queue.
    public let meanWaitOfAllArrivalsSeconds: Double?
    /// Fraction of agent time spent handling contacts: `A / N` under Erlang C (capped at 1 when
    /// unstable), `A * (1 - P(abandon)) / N` under Erlang A.
    public let occupancy: Double

    /// Stores metrics computed by one of the models; values are taken as given.
    public init(
        agents: Int,
        trafficErlangs: Double,
        isStable: Bool,
        erlangB: Double,
        probabilityOfWaiting: Double,
        serviceLevel: Double,
        probabilityNotAnsweredInTime: Double,
        probabilityOfAbandoning: Double,
        asaSeconds: Double?,
        meanWaitOfAllArrivalsSeconds: Double?,
        occupancy: Double
    ) {
        self.agents = agents
        self.trafficErlangs = trafficErlangs
        self.isStable = isStable
        self.erlangB = erlangB
        self.probabilityOfWaiting = probabilityOfWaiting
        self.serviceLevel = serviceLevel
        self.probabilityNotAnsweredInTime = probabilityNotAnsweredInTime
        self.probabilityOfAbandoning = probabilityOfAbandoning
        self.asaSeconds = asaSeconds
        self.meanWaitOfAllArrivalsSeconds = meanWaitOfAllArrivalsSeconds
        self.occupancy = occupancy
    }
}
