/// The difference `B − A` of one metric between two scenarios, month by month and over the
/// horizon.
///
/// Over the horizon, flows (hires, attrition, costs, human contacts: see
/// ``isSummedOverHorizon(_:)``) are totalled and every other metric (levels such as headcount,
/// rates such as service level) is averaged over the months, unweighted; the horizon delta is the
/// difference of those horizon figures.
public struct MetricDelta: Sendable, Hashable {
    /// The metric.
    public let metric: ProjectionMetric
    /// `B − A` in each month.
    public let monthly: [Double]
    /// `B − A` of the horizon figure: the total for a flow, the mean of the months otherwise.
    public let horizon: Double

    /// Stores a delta; values are taken as given.
    public init(metric: ProjectionMetric, monthly: [Double], horizon: Double) {
        self.metric = metric
        self.monthly = monthly
        self.horizon = horizon
    }

    /// Whether the horizon figure of `metric` is the sum of its months (a flow: hires,
    /// attrition, costs, human contacts) rather than their mean (a level or a rate).
    public static func isSummedOverHorizon(_ metric: ProjectionMetric) -> Bool {
        switch metric {
        case .hires, .attrition, .labourCost, .hiringCost, .botCost, .totalCost, .humanContacts: true
        case .headcount, .paidFTE, .productiveFTE, .serviceLevel, .asaSeconds, .abandonmentRate, .occupancy, .qualityScore,
            .requiredFTE, .gapFTE:
            false
        }
    }

    /// The horizon figure of `metric` from its monthly values: their sum for a flow, their mean
    /// otherwise (0 for no month).
    static func horizonFigure(_ metric: ProjectionMetric, monthly: [Double]) -> Double {
        let total = monthly.reduce(0, +)
        if isSummedOverHorizon(metric) { return total }
        return monthly.isEmpty ? 0 : total / Double(monthly.count)
    }
}
