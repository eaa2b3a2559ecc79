/// Erlang A metrics of one hour expressed per offered contact, so that they mix linearly across
/// hours and across the two integer agent counts around a fractional one.
struct HourMetrics: Sendable, Hashable {
    /// Share answered within the answer time.
    var serviceLevel: Double
    /// Share abandoning.
    var abandonment: Double
    /// Waiting seconds of answered contacts per offered contact: `(1 - P_ab)·ASA`.
    var answeredWait: Double

    /// Nobody to answer: every contact abandons.
    static let noAgents = HourMetrics(serviceLevel: 0, abandonment: 1, answeredWait: 0)
    /// No contact arrives: nothing is missed.
    static let noContacts = HourMetrics(serviceLevel: 1, abandonment: 0, answeredWait: 0)

    /// `(1 - share)·self + share·other`.
    @inline(__always)
    func mixed(with other: HourMetrics, share: Double) -> HourMetrics {
        let keep = 1 - share
        return HourMetrics(
            serviceLevel: keep * serviceLevel + share * other.serviceLevel,
            abandonment: keep * abandonment + share * other.abandonment,
            answeredWait: keep * answeredWait + share * other.answeredWait
        )
    }
}
