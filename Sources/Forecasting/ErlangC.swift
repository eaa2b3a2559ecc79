import Foundation

/// Erlang C (M/M/N): Poisson arrivals, exponential handle times, `N` agents, callers who never
/// abandon. Stable only when `N > A`.
///
/// Formulas (Cooper, *Introduction to Queueing Theory*, 2nd ed., 1981, §5.2; Gans, Koole and
/// Mandelbaum, "Telephone call centers: tutorial, review, and research prospects", M&SOM 5(2), 2003):
/// - probability of waiting `P_w = N·B / (N - A·(1 - B))`, with `B` the Erlang B blocking probability
///   (the usual relation between Erlang C and Erlang B, which avoids factorials);
/// - service level `SL(T) = 1 - P_w·exp(-(N - A)·T / AHT)`;
/// - average speed of answer `ASA = P_w·AHT / (N - A)`;
/// - occupancy `A / N`.
public enum ErlangC {
    /// Queue metrics of `scenario` with `agents` agents.
    ///
    /// For `agents <= A` the queue is unstable: the result reports `isStable == false`, a
    /// probability of waiting of 1, a service level of 0, no ASA and an occupancy of 1.
    ///
    /// - Throws: ``QueueInputError/agentsNotPositive`` or ``QueueInputError/agentsAboveLimit``.
    public static func evaluate(_ scenario: QueueScenario, agents: Int) throws(QueueInputError) -> QueueMetrics {
        try QueueLimits.validate(agents: agents)
        let blocking = ErlangB.blocking(agents: agents, traffic: scenario.trafficErlangs)
        return metrics(scenario, agents: agents, erlangB: blocking)
    }

    /// The smallest number of agents whose service level reaches `target.serviceLevel`.
    ///
    /// The search starts at the first stable count, `floor(A) + 1` (not `round(A + 1)`, which
    /// skips 5 agents for A = 4.6), and steps upward updating Erlang B in O(1) per agent. The
    /// comparison is made on the probability of missing the threshold, `P_w·exp(-(N - A)·T / AHT)
    /// <= 1 - target`, which stays accurate near 100 %; a target of exactly 1 is infeasible.
    /// `target.maximumAbandonRate` is ignored (no one abandons under Erlang C).
    ///
    /// - Parameter maximumAgents: the largest acceptable number of agents, or `nil` for
    ///   ``QueueLimits/maximumAgents``. When the target is out of reach, the result is infeasible
    ///   and, if a cap was given, carries the metrics at that cap.
    /// - Throws: ``QueueInputError/agentsNotPositive`` or ``QueueInputError/agentsAboveLimit`` for
    ///   an invalid cap.
    public static func staff(
        _ scenario: QueueScenario,
        target: StaffingTarget,
        maximumAgents: Int? = nil
    ) throws(QueueInputError) -> StaffingResult {
        let cap = try QueueLimits.staffingCap(maximumAgents)
        let traffic = scenario.trafficErlangs
        let allowedMiss = 1 - target.serviceLevel
        func evaluated(_ agents: Int) -> QueueMetrics {
            metrics(scenario, agents: agents, erlangB: ErlangB.blocking(agents: agents, traffic: traffic))
        }
        func meets(_ metrics: QueueMetrics) -> Bool {
            metrics.isStable && metrics.probabilityNotAnsweredInTime <= allowedMiss
        }
        let infeasible = StaffingResult(
            trafficErlangs: traffic, maximumAgents: cap, isFeasible: false, requiredAgents: nil,
            metrics: nil, metricsWithOneAgentFewer: nil,
            metricsAtMaximumAgents: maximumAgents == nil ? nil : evaluated(cap)
        )
        guard target.serviceLevel < 1, var agents = search(scenario, allowedMiss: allowedMiss, cap: cap) else {
            return infeasible
        }
        // Decide on the numbers `evaluate` reports: its Erlang B comes from its own window and can
        // differ from the search's stepping in the last bits, so confirm (and, at a knife edge,
        // adjust by one) to keep staffing and evaluation from ever disagreeing.
        var atRequired = evaluated(agents)
        while !meets(atRequired) {
            guard agents < cap else { return infeasible }
            agents += 1
            atRequired = evaluated(agents)
        }
        var oneFewer = agents > 1 ? evaluated(agents - 1) : nil
        while let below = oneFewer, meets(below) {
            agents -= 1
            atRequired = below
            oneFewer = agents > 1 ? evaluated(agents - 1) : nil
        }
        return StaffingResult(
            trafficErlangs: traffic, maximumAgents: cap, isFeasible: true, requiredAgents: agents,
            metrics: atRequired, metricsWithOneAgentFewer: oneFewer, metricsAtMaximumAgents: nil
        )
    }

    /// The smallest stable `N <= cap` with `P(W > T) <= allowedMiss`; `nil` when none exists up to `cap`.
    static func search(_ scenario: QueueScenario, allowedMiss: Double, cap: Int) -> Int? {
        let traffic = scenario.trafficErlangs
        let first = Int(traffic.rounded(.down)) + 1
        guard first <= cap else { return nil }
        let decayPerAgent = scenario.answerTimeSeconds / scenario.ahtSeconds
        var agents = first - 1
        var blocking = ErlangB.blocking(agents: agents, traffic: traffic)
        while agents < cap {
            agents += 1
            blocking = ErlangB.next(blocking: blocking, agents: agents, traffic: traffic)
            let agentCount = Double(agents)
            let waiting = agentCount * blocking / (agentCount - traffic * (1 - blocking))
            let miss = waiting * exp(-(agentCount - traffic) * decayPerAgent)
            if miss <= allowedMiss { return agents }
        }
        return nil
    }

    /// Metrics at `agents` given the Erlang B blocking probability there.
    static func metrics(_ scenario: QueueScenario, agents: Int, erlangB blocking: Double) -> QueueMetrics {
        let traffic = scenario.trafficErlangs
        let agentCount = Double(agents)
        guard agentCount > traffic else {
            return QueueMetrics(
                agents: agents, trafficErlangs: traffic, isStable: false, erlangB: blocking,
                probabilityOfWaiting: 1, serviceLevel: 0, probabilityNotAnsweredInTime: 1,
                probabilityOfAbandoning: 0, asaSeconds: nil, meanWaitOfAllArrivalsSeconds: nil,
                occupancy: min(1, traffic / agentCount)
            )
        }
        let spare = agentCount - traffic
        let waiting = agentCount * blocking / (agentCount - traffic * (1 - blocking))
        let miss = waiting * exp(-spare * scenario.answerTimeSeconds / scenario.ahtSeconds)
        let asa = waiting * scenario.ahtSeconds / spare
        return QueueMetrics(
            agents: agents, trafficErlangs: traffic, isStable: true, erlangB: blocking,
            probabilityOfWaiting: waiting, serviceLevel: 1 - miss, probabilityNotAnsweredInTime: miss,
            probabilityOfAbandoning: 0, asaSeconds: asa, meanWaitOfAllArrivalsSeconds: asa,
            occupancy: traffic / agentCount
        )
    }
}
