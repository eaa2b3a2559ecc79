/// The result of a Monte Carlo projection: every draw's monthly figures, their P10/P50/P90
/// (Hyndman–Fan type 7) and the probability of missing the service-level target.
///
/// Draw `d` depends only on the seed and `d`, and is stored at index `d`, so the result is
/// bit-identical whatever the number of workers.
public struct ProjectionDistribution: Sendable, Hashable {
    /// Number of draws.
    public let draws: Int
    /// Number of months.
    public let months: Int
    /// The settings the draws used.
    public let settings: UncertaintySettings
    /// Per month: the share of draws whose contact-weighted service level is below the
    /// contact-weighted target of the queues.
    public let probabilityBelowTarget: [Double]
    /// Per queue and month: the share of draws whose service level is below the queue's target.
    public let queueProbabilityBelowTarget: [[Double]]
    /// Values laid out `[metric][month][draw]`.
    private let values: [Double]
    /// Bands laid out `[metric][month]`.
    private let bands: [PercentileBand]

    /// Stores draws laid out `[metric][month][draw]` and computes the bands.
    init(
        draws: Int, months: Int, settings: UncertaintySettings, values: [Double], bands: [PercentileBand],
        probabilityBelowTarget: [Double], queueProbabilityBelowTarget: [[Double]]
    ) {
        self.draws = draws
        self.months = months
        self.settings = settings
        self.values = values
        self.bands = bands
        self.probabilityBelowTarget = probabilityBelowTarget
        self.queueProbabilityBelowTarget = queueProbabilityBelowTarget
    }

    /// The values of `metric` in `month`, one per draw, in draw order.
    public func samples(_ metric: ProjectionMetric, month: Int) -> [Double] {
        let start = (metric.rawValue * months + month) * draws
        return Array(values[start..<(start + draws)])
    }

    /// P10, P50 and P90 of `metric` in `month`.
    public func band(_ metric: ProjectionMetric, month: Int) -> PercentileBand {
        bands[metric.rawValue * months + month]
    }

    /// The bands of `metric`, one per month.
    public func bands(_ metric: ProjectionMetric) -> [PercentileBand] {
        Array(bands[(metric.rawValue * months)..<((metric.rawValue + 1) * months)])
    }
}
