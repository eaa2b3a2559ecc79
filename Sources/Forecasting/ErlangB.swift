import Foundation

/// Erlang B: the blocking probability of a loss system with `N` servers and `A` Erlangs.
///
/// Computed with the standard recursion (see e.g. Cooper, *Introduction to Queueing Theory*,
/// 2nd ed., 1981, §3.4; or Kleinrock, *Queueing Systems* vol. 1, 1975, §3.7):
/// `B(0) = 1`, `B(k) = A·B(k-1) / (k + A·B(k-1))`. No factorials or powers appear, nothing
/// overflows, and non-integer traffic is handled. Equivalently, with `I(k) = 1 / B(k)`,
/// `I(k) = 1 + (k / A)·I(k-1)`.
public enum ErlangB {
    /// Blocking probability `B(N, A)` for `agents` servers and `trafficErlangs` Erlangs.
    ///
    /// - Throws: ``QueueInputError/agentsNegative``,
    ///   ``QueueInputError/agentsAboveLimit``, ``QueueInputError/trafficAboveLimit``,
    ///   ``QueueInputError/callsNegative`` for negative traffic, or
    ///   ``QueueInputError/nonFiniteValue(name:)``.
    public static func blockingProbability(agents: Int, trafficErlangs: Double) throws(QueueInputError) -> Double {
        guard trafficErlangs.isFinite else { throw .nonFiniteValue(name: "trafficErlangs") }
        guard trafficErlangs >= 0 else { throw .callsNegative }
        guard trafficErlangs <= QueueLimits.maximumTrafficErlangs else { throw .trafficAboveLimit }
        guard agents >= 0 else { throw .agentsNegative }
        guard agents <= QueueLimits.maximumAgents else { throw .agentsAboveLimit }
        return blocking(agents: agents, traffic: trafficErlangs)
    }

    /// `B(N, A)` for validated inputs, in O(√A + max(0, N - A)) steps at most and usually far fewer.
    ///
    /// The recursion forgets its starting value geometrically for `k < A`: an error `δ` in
    /// `I(k0)` reaches `I(N)` multiplied by `Π_{k=k0+1..N} k/A`. Starting at `k0` with `I(k0) = 1`
    /// (instead of the true value, which lies in `[1, A/(A-k0)]`) therefore costs a relative error
    /// below `A/(A-k0) · Π k/A`. Using `ln x <= x - 1`, that product is at most
    /// `exp(w·(2N - w + 1 - 2A) / (2A))` for a window of `w = N - k0` steps; the window below makes
    /// the bound `exp(-41) / (A + 2)·A < 2e-18`, under the rounding error of a double.
    static func blocking(agents: Int, traffic: Double) -> Double {
        if agents == 0 { return 1 }
        if traffic == 0 { return 0 }
        let agentCount = Double(agents)
        let margin = 41 + log(traffic + 2)
        let linearCoefficient = 2 * (traffic - agentCount) - 1
        let window = (-linearCoefficient + (linearCoefficient * linearCoefficient + 8 * traffic * margin).squareRoot()) / 2
        var k = 0
        if window < agentCount {
            k = agents - Int(window.rounded(.up))
            if k < 0 { k = 0 }
        }
        // Forward recursion in the `I = 1/B` form (one multiply-add per step on the critical path)
        // while it cannot overflow, then in the `B` form, which only shrinks.
        var inverse = 1.0
        while k < agents {
            k += 1
            inverse = 1 + (Double(k) / traffic) * inverse
            if inverse > 1e290 { break }
        }
        var blocking = 1 / inverse
        while k < agents, blocking > 0 {
            k += 1
            let scaled = traffic * blocking
            blocking = scaled / (Double(k) + scaled)
        }
        return blocking
    }

    /// One step of the recursion: `B(N + 1, A)` from `B(N, A)`.
    @inline(__always)
    static func next(blocking: Double, agents newAgents: Int, traffic: Double) -> Double {
        let scaled = traffic * blocking
        return scaled / (Double(newAgents) + scaled)
    }
}
