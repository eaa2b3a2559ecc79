/// The demand side of one interval of one queue: how many contacts arrive, how long each takes,
/// and the answer-time threshold of the service-level target.
///
/// Arrivals are Poisson and handle times exponential (the Erlang assumptions). Chat agents who
/// serve `c` conversations at once can be approximated by passing `AHT / c` as the handle time.
public struct QueueScenario: Sendable, Hashable {
    /// Contacts arriving during the interval.
    public let calls: Double
    /// Interval length, in seconds.
    public let intervalSeconds: Double
    /// Average handle time (AHT) of one contact, in seconds.
    public let ahtSeconds: Double
    /// `T` in the service-level target "X % answered within T seconds".
    public let answerTimeSeconds: Double
    /// Offered traffic `A = calls * AHT / interval`, in Erlangs.
    ///
    /// Computed in exactly that order, so that `300 * 300 / 1800` is exactly 50 (computing it as
    /// `λ / μ` can yield 49.999…, which would make 50 agents look stable under Erlang C).
    public let trafficErlangs: Double

    /// Validates and stores the demand of one interval.
    ///
    /// - Parameters:
    ///   - calls: contacts arriving during the interval, at least zero.
    ///   - intervalSeconds: interval length, greater than zero.
    ///   - ahtSeconds: average handle time, greater than zero.
    ///   - answerTimeSeconds: answer-time threshold `T`, at least zero.
    /// - Throws: ``QueueInputError`` when a value is not finite or out of range, or when the
    ///   offered traffic exceeds ``QueueLimits/maximumTrafficErlangs``.
    public init(
        calls: Double,
        intervalSeconds: Double,
        ahtSeconds: Double,
        answerTimeSeconds: Double
    ) throws(QueueInputError) {
        guard calls.isFinite else { throw .nonFiniteValue(name: "calls") }
        guard intervalSeconds.isFinite else { throw .nonFiniteValue(name: "intervalSeconds") }
        guard ahtSeconds.isFinite else { throw .nonFiniteValue(name: "ahtSeconds") }
        guard answerTimeSeconds.isFinite else { throw .nonFiniteValue(name: "answerTimeSeconds") }
        guard intervalSeconds > 0 else { throw .intervalNotPositive }
        guard calls >= 0 else { throw .callsNegative }
        guard ahtSeconds > 0 else { throw .ahtNotPositive }
        guard answerTimeSeconds >= 0 else { throw .answerTimeNegative }
        let traffic = calls * ahtSeconds / intervalSeconds
        guard traffic.isFinite else { throw .nonFiniteValue(name: "trafficErlangs") }
        guard traffic <= QueueLimits.maximumTrafficErlangs else { throw .trafficAboveLimit }
        self.calls = calls
        self.intervalSeconds = intervalSeconds
        self.ahtSeconds = ahtSeconds
        self.answerTimeSeconds = answerTimeSeconds
        self.trafficErlangs = traffic
    }
}
