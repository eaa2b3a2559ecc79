import Foundation

/// Exact Erlang A evaluation of one hour with a fractional number of agents, and the fractional
/// requirement of an hour (FORECASTING.md, "Service outcome").
///
/// Fractional agents: Erlang A needs an integer `N`. `n + f` agents (`0 <= f < 1`) are read as
/// `n + 1` agents during a share `f` of the hour and `n` during the rest (a schedule with a part-hour
/// shift), so each metric per offered contact is `(1 - f)·m(n) + f·m(n + 1)`: linear interpolation
/// between the integers, continuous and increasing in the agents. With 0 agents everybody abandons.
/// The requirement is the smallest such fractional count meeting the target; rounding it up would
/// give the integer answer of ``ErlangA/staff(_:patienceSeconds:target:maximumAgents:)``.
enum HourlyService {
    /// The scenario of one hour with `contacts` arrivals and `agentSeconds` per contact.
    static func scenario(contacts: Double, agentSeconds: Double, answerTimeSeconds: Double) throws(QueueInputError) -> QueueScenario {
        try QueueScenario(calls: contacts, intervalSeconds: 3_600, ahtSeconds: agentSeconds, answerTimeSeconds: answerTimeSeconds)
    }

    /// Metrics with an integer number of agents (0 allowed).
    static func metrics(_ scenario: QueueScenario, agents: Int, patienceSeconds: Double) throws(QueueInputError) -> HourMetrics {
        if scenario.trafficErlangs <= 0 { return .noContacts }
        if agents <= 0 { return .noAgents }
        let exact = try ErlangA.metrics(scenario, agents: agents, patienceSeconds: patienceSeconds)
        return HourMetrics(
            serviceLevel: exact.serviceLevel,
            abandonment: exact.probabilityOfAbandoning,
            answeredWait: (1 - exact.probabilityOfAbandoning) * (exact.asaSeconds ?? 0)
        )
    }

    /// The agent count beyond which Erlang A metrics no longer change in double precision for the
    /// purposes of this model: `A + 12·sqrt(A) + 30` (the probability of waiting is then below
    /// 1e-30). Placing more agents only lowers occupancy, which is computed from the agents placed.
    static func saturation(trafficErlangs: Double) -> Double {
        trafficErlangs + 12 * trafficErlangs.squareRoot() + 30
    }

    /// Metrics with a fractional number of agents (see the type's documentation).
    static func metrics(_ scenario: QueueScenario, agents: Double, patienceSeconds: Double) throws(QueueInputError) -> HourMetrics {
        if scenario.trafficErlangs <= 0 { return .noContacts }
        let placed = min(max(agents, 0), saturation(trafficErlangs: scenario.trafficErlangs))
        let whole = placed.rounded(.down)
        let share = placed - whole
        let lower = try metrics(scenario, agents: Int(whole), patienceSeconds: patienceSeconds)
        guard share > 0 else { return lower }
        let upper = try metrics(scenario, agents: Int(whole) + 1, patienceSeconds: patienceSeconds)
        return lower.mixed(with: upper, share: share)
    }

    /// The smallest fractional number of agents whose metrics meet `target` (0 without traffic).
    ///
    /// From the integer answer `R` of Erlang A staffing, which meets the target while `R - 1` misses
    /// it: the miss probability and the abandonment rate are linear in the share `f` of the hour
    /// staffed with `R` agents, so `f` solves `(1 - f)·miss(R - 1) + f·miss(R) = 1 - target`
    /// (and likewise for the abandonment ceiling); the larger `f` meets both.
    static func requiredAgents(
        _ scenario: QueueScenario,
        patienceSeconds: Double,
        target: StaffingTarget
    ) throws(ProjectionError) -> Double {
        if scenario.trafficErlangs <= 0 { return 0 }
        let result: StaffingResult
        do {
            result = try ErlangA.staff(scenario, patienceSeconds: patienceSeconds, target: target)
        } catch {
            throw .queue(error)
        }
        guard let required = result.requiredAgents, let atRequired = result.metrics else { throw .serviceTargetUnreachable }
        let fewerMiss = result.metricsWithOneAgentFewer?.probabilityNotAnsweredInTime ?? 1
        let fewerAbandon = result.metricsWithOneAgentFewer?.probabilityOfAbandoning ?? 1
        func share(lower: Double, upper: Double, limit: Double) -> Double {
            guard lower > limit else { return 0 }
            guard lower > upper else { return 1 }
            return min(1, max(0, (lower - limit) / (lower - upper)))
        }
        var needed = share(lower: fewerMiss, upper: atRequired.probabilityNotAnsweredInTime, limit: 1 - target.serviceLevel)
        if let ceiling = target.maximumAbandonRate {
            needed = max(needed, share(lower: fewerAbandon, upper: atRequired.probabilityOfAbandoning, limit: ceiling))
        }
        return Double(required - 1) + needed
    }
}
