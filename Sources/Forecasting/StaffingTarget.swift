/// What a staffing search must achieve: a service level and, optionally, a ceiling on abandonment.
public struct StaffingTarget: Sendable, Hashable {
    /// The fraction of offered contacts to answer within the answer-time threshold, in `[0, 1]`.
    ///
    /// Under Erlang A, abandoned contacts count as failures. A target of 1 (100 %) is never
    /// reachable with random arrivals and is always reported infeasible.
    public let serviceLevel: Double
    /// The largest acceptable probability that a contact abandons, in `[0, 1]`, or `nil` for none.
    ///
    /// Only Erlang A models abandonment; Erlang C ignores this bound (its abandonment is zero).
    public let maximumAbandonRate: Double?

    /// Validates and stores a staffing target.
    ///
    /// - Throws: ``QueueInputError/targetServiceLevelOutOfRange`` or
    ///   ``QueueInputError/maximumAbandonRateOutOfRange`` for values outside `[0, 1]` (NaN included).
    public init(serviceLevel: Double, maximumAbandonRate: Double? = nil) throws(QueueInputError) {
        guard serviceLevel >= 0, serviceLevel <= 1 else { throw .targetServiceLevelOutOfRange }
        if let maximumAbandonRate {
            guard maximumAbandonRate >= 0, maximumAbandonRate <= 1 else { throw .maximumAbandonRateOutOfRange }
        }
        self.serviceLevel = serviceLevel
        self.maximumAbandonRate = maximumAbandonRate
    }
}
