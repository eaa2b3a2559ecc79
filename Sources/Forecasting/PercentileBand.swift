/// The 10th, 50th and 90th percentiles of one metric in one month across Monte Carlo draws
/// (Hyndman–Fan type 7, see ``Quantile``).
public struct PercentileBand: Sendable, Hashable {
    /// 10th percentile.
    public let p10: Double
    /// Median.
    public let p50: Double
    /// 90th percentile.
    public let p90: Double

    /// Stores a band; values are taken as given.
    public init(p10: Double, p50: Double, p90: Double) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// The band of values already sorted in ascending order.
    public init(sorted: some RandomAccessCollection<Double>) {
        self.init(
            p10: Quantile.type7(sorted: sorted, probability: 0.1),
            p50: Quantile.type7(sorted: sorted, probability: 0.5),
            p90: Quantile.type7(sorted: sorted, probability: 0.9)
        )
    }
}
