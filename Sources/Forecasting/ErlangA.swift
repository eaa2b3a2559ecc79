import Foundation

/// Erlang A (M/M/N+M, Palm's model): Poisson arrivals at rate `λ`, exponential handle times
/// (`μ = 1/AHT`), `N` agents and callers who abandon after an exponential patience (`θ = 1/patience`).
/// Always stable, so fewer agents than Erlangs are allowed.
///
/// Model and formulas: Garnett, Mandelbaum and Reiman, "Designing a call center with impatient
/// customers", M&SOM 4(3), 2002; closed forms in Mandelbaum and Zeltyn, "The impact of customers'
/// patience on delay and abandonment", Queueing Systems 51, 2005 (used to cross-check).
///
/// - State probabilities: `π_j ∝ A^j / j!` for `j <= N` and `π_{N+k} = π_N·Π_{i=1..k} λ/(Nμ + iθ)`.
///   The lower part is never summed term by term: `Σ_{j<=N} π_j / π_N = 1 / B(N, A)` (Erlang B by
///   its recursion). The queue part `r_k = π_{N+k} / π_N` is summed with a running log scale
///   (a streaming log-sum-exp: terms are kept as `mantissa·e^scale` and renormalised before they
///   could overflow), and the two parts are combined in log space. The tail is truncated once the
///   remaining mass is provably below 1e-22 of the total.
/// - A caller who finds `k` others queued is answered with probability `Nμ / (Nμ + (k+1)θ)`, after
///   a wait distributed as the sum of exponentials with rates `Nμ + jθ`, `j = 1..k+1`, whose
///   distribution function is the regularised incomplete beta `I_{1-e^{-θT}}(k+1, Nμ/θ + 1)`, a
///   negative binomial tail (see `QueueAdvanceDistribution`) whose terms are walked once, in step
///   with the queue states, and summed only as positive terms.
/// - `P_w = Σ_k π_{N+k}`; `P_ab = Σ_k π_{N+k}·(k+1)θ/(Nμ + (k+1)θ)`;
///   service level `P(answered within T) = Σ_{j<N} π_j + Σ_k π_{N+k}·P(answered | k)·I(k)`;
///   ASA of answered contacts `Σ_k π_{N+k}·P(answered | k)·Σ_{j=1..k+1} 1/(Nμ + jθ) / (1 - P_ab)`;
///   mean wait of all arrivals `P_ab / θ` (by Little's law on the abandonment flow);
///   occupancy `A·(1 - P_ab) / N`.
public enum ErlangA {
    /// Queue metrics of `scenario` with `agents` agents and callers of mean patience `patienceSeconds`.
    ///
    /// Cost: O(√A) for Erlang B plus the number of queue states carrying mass (a few hundred
    /// for typical contact centres, more for heavily overloaded queues with patient callers).
    ///
    /// - Throws: ``QueueInputError/agentsNotPositive``, ``QueueInputError/agentsAboveLimit``,
    ///   ``QueueInputError/patienceNotPositive``, ``QueueInputError/nonFiniteValue(name:)`` or
    ///   ``QueueInputError/queueStatesAboveLimit``.
    public static func evaluate(
        _ scenario: QueueScenario,
        agents: Int,
        patienceSeconds: Double
    ) throws(QueueInputError) -> QueueMetrics {
        try QueueLimits.validate(agents: agents)
        try validate(patienceSeconds: patienceSeconds)
        return try metrics(scenario, agents: agents, patienceSeconds: patienceSeconds)
    }

    /// The smallest number of agents meeting the target service level and, if given, the maximum
    /// abandonment rate.
    ///
    /// Both service level and abandonment improve monotonically with agents, so the search starts
    /// from the Erlang C answer, gallops (1, 2, 4, … agents) to bracket the answer and bisects.
    /// Targets are compared exactly (service level through the probability of missing it, which
    /// stays accurate near 100 %); a 100 % service level, or a zero abandonment rate with
    /// non-zero traffic, is infeasible.
    ///
    /// - Parameter maximumAgents: the largest acceptable number of agents, or `nil` for
    ///   ``QueueLimits/maximumAgents``. When the target is out of reach, the result is infeasible
    ///   and, if a cap was given, carries the metrics at that cap.
    /// - Throws: as ``evaluate(_:agents:patienceSeconds:)``, for the cap or the patience.
    public static func staff(
        _ scenario: QueueScenario,
        patienceSeconds: Double,
        target: StaffingTarget,
        maximumAgents: Int? = nil
    ) throws(QueueInputError) -> StaffingResult {
        try validate(patienceSeconds: patienceSeconds)
        let cap = try QueueLimits.staffingCap(maximumAgents)
        let traffic = scenario.trafficErlangs
        let allowedMiss = 1 - target.serviceLevel

        func meets(_ metrics: QueueMetrics) -> Bool {
            guard metrics.probabilityNotAnsweredInTime <= allowedMiss else { return false }
            guard let maximumAbandonRate = target.maximumAbandonRate else { return true }
            return metrics.probabilityOfAbandoning <= maximumAbandonRate
        }
        func evaluate(_ agents: Int) throws(QueueInputError) -> QueueMetrics {
            try metrics(scenario, agents: agents, patienceSeconds: patienceSeconds)
        }
        func infeasible() throws(QueueInputError) -> StaffingResult {
            StaffingResult(
                trafficErlangs: traffic, maximumAgents: cap, isFeasible: false, requiredAgents: nil,
                metrics: nil, metricsWithOneAgentFewer: nil,
                metricsAtMaximumAgents: maximumAgents == nil ? nil : try evaluate(cap)
            )
        }

        if target.serviceLevel >= 1 { return try infeasible() }
        if target.maximumAbandonRate == 0, traffic > 0 { return try infeasible() }

        // Bracket the answer: `failing` misses a target (0 stands for "no agents"), `meeting` meets all.
        let guess = min(max(ErlangC.search(scenario, allowedMiss: allowedMiss, cap: cap) ?? cap, 1), cap)
        var failing: (agents: Int, metrics: QueueMetrics?) = (0, nil)
        var meeting: (agents: Int, metrics: QueueMetrics)
        let atGuess = try evaluate(guess)
        if meets(atGuess) {
            meeting = (guess, atGuess)
            var step = 1
            while meeting.agents > 1 {
                let candidate = max(meeting.agents - step, 1)
                let atCandidate = try evaluate(candidate)
                if meets(atCandidate) {
                    meeting = (candidate, atCandidate)
                    step *= 2
                } else {
                    failing = (candidate, atCandidate)
                    break
                }
            }
        } else {
            failing = (guess, atGuess)
            var step = 1
            while true {
                if failing.agents == cap { return try infeasible() }
                let candidate = min(failing.agents + step, cap)
                let atCandidate = try evaluate(candidate)
                if meets(atCandidate) {
                    meeting = (candidate, atCandidate)
                    break
                }
                failing = (candidate, atCandidate)
                step *= 2
            }
        }
        while meeting.agents - failing.agents > 1 {
            let middle = failing.agents + (meeting.agents - failing.agents) / 2
            let atMiddle = try evaluate(middle)
            if meets(atMiddle) {
                meeting = (middle, atMiddle)
            } else {
                failing = (middle, atMiddle)
            }
        }
        return StaffingResult(
            trafficErlangs: traffic, maximumAgents: cap, isFeasible: true, requiredAgents: meeting.agents,
            metrics: meeting.metrics, metricsWithOneAgentFewer: failing.metrics, metricsAtMaximumAgents: nil
        )
    }

    /// Checks a mean patience: finite and greater than zero.
    static func validate(patienceSeconds: Double) throws(QueueInputError) {
        guard patienceSeconds.isFinite else { throw .nonFiniteValue(name: "patienceSeconds") }
        guard patienceSeconds > 0 else { throw .patienceNotPositive }
    }

    /// Metrics for validated inputs (see the type's documentation for the formulas).
    static func metrics(
        _ scenario: QueueScenario,
        agents: Int,
        patienceSeconds: Double
    ) throws(QueueInputError) -> QueueMetrics {
        let traffic = scenario.trafficErlangs
        let aht = scenario.ahtSeconds
        let agentCount = Double(agents)
        let erlangB = ErlangB.blocking(agents: agents, traffic: traffic)

        // Rates in units of μ: agents complete at N, a queued caller abandons at γ = θ/μ.
        let abandonRatio = aht / patienceSeconds
        // The queue-length distribution peaks near k = (A - N)/γ: refuse hopeless sums up front.
        if traffic > agentCount, (traffic - agentCount) / abandonRatio > Double(QueueLimits.maximumQueueStates) {
            throw .queueStatesAboveLimit
        }
        // Queue advances within T (see `QueueAdvanceDistribution`), positioned at j = 1.
        var advances = QueueAdvanceDistribution(
            answerTimeOverPatience: scenario.answerTimeSeconds / patienceSeconds,
            shape: agentCount * patienceSeconds / aht + 1
        )
        advances.advance()

        // Queue states N + k, k = 0, 1, …, relative to π_N: weight = r_k·e^{-logScale}.
        var weight = 1.0
        var logScale = 0.0
        var waiting = 0.0
        var abandoning = 0.0
        var answered = 0.0  // Σ_{i<=k} r_i·P(answered | i)
        var answeredInTime = 0.0
        var answeredLate = 0.0
        var answeredWait = 0.0
        var waitOfAnswered = 0.0  // Σ_{j=1..k+1} 1/(N + jγ), in units of AHT
        let logOfRescale = 250 * log(10.0)
        var k = 0
        while true {
            let leavingAhead = Double(k + 1)
            let inverseRate = 1 / (agentCount + leavingAhead * abandonRatio)
            waitOfAnswered += inverseRate
            let answeredWeight = weight * agentCount * inverseRate
            waiting += weight
            abandoning += weight * (leavingAhead * abandonRatio * inverseRate)
            answered += answeredWeight
            answeredLate += answeredWeight * advances.cumulative
            answeredWait += answeredWeight * waitOfAnswered
            // Σ_k r_k·P(answered | k)·Σ_{j>k} e_j, regrouped as Σ_j e_j·Σ_{k<j} r_k·P(answered | k):
            // only positive terms, so tiny service levels keep their relative accuracy.
            answeredInTime += advances.term * answered
            advances.advance()

            let ratio = traffic * inverseRate  // r_{k+1} / r_k = A / (N + (k+1)γ), decreasing in k
            weight *= ratio
            k += 1
            // Later ratios are smaller, so the remaining mass is below weight / (1 - ratio).
            if ratio < 1, weight <= 1e-22 * waiting * (1 - ratio) { break }
            if waiting > 1e250 {
                weight *= 1e-250
                waiting *= 1e-250
                abandoning *= 1e-250
                answered *= 1e-250
                answeredInTime *= 1e-250
                answeredLate *= 1e-250
                answeredWait *= 1e-250
                logScale += logOfRescale
            }
            if k > QueueLimits.maximumQueueStates { throw .queueStatesAboveLimit }
        }
        // Terms e_j beyond the last queue state weigh every answered caller: add Σ_{j>k} e_j·answered,
        // as 1 - Σ_{j<=k} e_j while that is accurate, else by summing the remaining terms.
        if advances.cumulative <= 0.5 {
            answeredInTime += answered * (1 - advances.cumulative)
        } else {
            var remaining = 0.0
            while true {
                let ratio = advances.nextRatio
                remaining += advances.term
                if ratio < 1, advances.isNegligible || advances.term * ratio <= 1e-22 * remaining * (1 - ratio) { break }
                advances.advance()
                if advances.index > QueueLimits.maximumQueueStates { throw .queueStatesAboveLimit }
            }
            answeredInTime += answered * remaining
        }

        // Σ_{j<N} π_j / π_N = (1 - B) / B, brought to the same scale as the queue sums.
        let logBelow = log1p(-erlangB) - log(erlangB)
        let below = exp(logBelow - logScale)
        let total = below + waiting
        let belowShare = 1 / (1 + waiting / below)
        let probabilityOfWaiting = waiting / total
        let probabilityOfAbandoning = abandoning / total
        let answeredShare = belowShare + answered / total
        let serviceLevel = min(1, belowShare + answeredInTime / total)
        let miss = min(1, (abandoning + answeredLate) / total)
        let asa = answeredWait / total * aht / answeredShare
        return QueueMetrics(
            agents: agents, trafficErlangs: traffic, isStable: true, erlangB: erlangB,
            probabilityOfWaiting: probabilityOfWaiting, serviceLevel: serviceLevel,
            probabilityNotAnsweredInTime: miss, probabilityOfAbandoning: probabilityOfAbandoning,
            asaSeconds: asa, meanWaitOfAllArrivalsSeconds: probabilityOfAbandoning * patienceSeconds,
            occupancy: min(1, traffic * answeredShare / agentCount)  // ≤ 1 exactly; the min absorbs rounding
        )
    }
}
