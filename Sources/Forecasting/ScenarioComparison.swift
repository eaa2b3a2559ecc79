/// Scenario B compared with scenario A: the deltas `B − A` of every metric for the deterministic
/// runs and for the Monte Carlo medians, and the probability, draw by draw, that B has the better
/// service level and the lower total cost (issue 3, part 7 "Decisions").
///
/// Monte Carlo figures need both distributions to come from the same ``UncertaintySettings``
/// (same seed and draws): ``ProjectionModel/simulate(_:workers:)`` then gives both scenarios the
/// same random numbers (common random numbers, FORECASTING.md "Uncertainty"), so differences are
/// the decision's effect and not sampling noise.
///
/// - Deterministic deltas: `B − A` of each month's value and of the horizon figure (total of a
///   flow, mean of a level or rate; see ``MetricDelta``).
/// - Monte Carlo deltas: monthly, `P50(B) − P50(A)` of the month's draws; over the horizon,
///   the P50 of B's per-draw horizon figures minus that of A's (Hyndman–Fan type 7).
/// - Probabilities: the share of draws `d` in which B's service level is strictly above A's, and
///   B's total cost strictly below A's, per month and for the horizon figure (unweighted mean
///   service level of the months, total cost of the horizon).
public struct ScenarioComparison: Sendable, Hashable {
    /// Number of months compared.
    public let months: Int
    /// Deterministic deltas, one per ``ProjectionMetric`` in declaration order; empty when no
    /// deterministic runs were given.
    public let deterministic: [MetricDelta]
    /// Deltas of the Monte Carlo medians, one per ``ProjectionMetric`` in declaration order;
    /// empty when no distributions were given.
    public let monteCarloMedian: [MetricDelta]
    /// Probability that B's service level beats A's in the same draw; `nil` without distributions.
    public let serviceLevelBetter: DrawComparison?
    /// Probability that B's total cost is below A's in the same draw; `nil` without distributions.
    public let totalCostLower: DrawComparison?

    /// Compares deterministic runs, Monte Carlo distributions, or both.
    ///
    /// - Parameters:
    ///   - baseline: scenario A's deterministic run (``ProjectionModel/project()``), or `nil`.
    ///   - alternative: scenario B's deterministic run, or `nil`.
    ///   - baselineDistribution: scenario A's Monte Carlo run, or `nil`.
    ///   - alternativeDistribution: scenario B's Monte Carlo run, from the same settings, or `nil`.
    /// - Throws: ``DecisionError/nothingToCompare`` when neither pair is complete,
    ///   ``DecisionError/horizonMismatch`` when the runs differ in months, and
    ///   ``DecisionError/notCommonRandomNumbers`` when the distributions' settings differ.
    public init(
        baseline: [ProjectionMonth]? = nil,
        alternative: [ProjectionMonth]? = nil,
        baselineDistribution: ProjectionDistribution? = nil,
        alternativeDistribution: ProjectionDistribution? = nil
    ) throws(DecisionError) {
        var months: Int?
        var deterministic: [MetricDelta] = []
        if let baseline, let alternative {
            guard baseline.count == alternative.count else { throw .horizonMismatch }
            months = baseline.count
            deterministic = ProjectionMetric.allCases.map { metric in
                let a = baseline.map { $0.value(of: metric) }
                let b = alternative.map { $0.value(of: metric) }
                return MetricDelta(
                    metric: metric, monthly: zip(b, a).map { $0 - $1 },
                    horizon: MetricDelta.horizonFigure(metric, monthly: b) - MetricDelta.horizonFigure(metric, monthly: a)
                )
            }
        }
        var median: [MetricDelta] = []
        var serviceLevelBetter: DrawComparison?
        var totalCostLower: DrawComparison?
        if let a = baselineDistribution, let b = alternativeDistribution {
            guard a.months == b.months, months == nil || months == a.months else { throw .horizonMismatch }
            guard a.settings == b.settings, a.draws == b.draws else { throw .notCommonRandomNumbers }
            months = a.months
            median = ProjectionMetric.allCases.map { metric in
                let monthly = (0..<a.months).map { b.band(metric, month: $0).p50 - a.band(metric, month: $0).p50 }
                let horizonA = Self.horizonFigures(metric, of: a).sorted()
                let horizonB = Self.horizonFigures(metric, of: b).sorted()
                return MetricDelta(
                    metric: metric, monthly: monthly,
                    horizon: Quantile.type7(sorted: horizonB, probability: 0.5) - Quantile.type7(sorted: horizonA, probability: 0.5)
                )
            }
            serviceLevelBetter = Self.probability(a, b, metric: .serviceLevel) { $0 > $1 }
            totalCostLower = Self.probability(a, b, metric: .totalCost) { $0 < $1 }
        }
        guard let months else { throw .nothingToCompare }
        self.months = months
        self.deterministic = deterministic
        monteCarloMedian = median
        self.serviceLevelBetter = serviceLevelBetter
        self.totalCostLower = totalCostLower
    }

    /// Runs both models deterministically and with the same Monte Carlo settings (common random
    /// numbers), and compares them.
    ///
    /// - Throws: ``DecisionError/projection(_:)`` from either model, or as
    ///   ``init(baseline:alternative:baselineDistribution:alternativeDistribution:)``.
    public static func run(
        baseline: ProjectionModel,
        alternative: ProjectionModel,
        settings: UncertaintySettings = .standard,
        workers: Int? = nil
    ) async throws(DecisionError) -> ScenarioComparison {
        let runs: (a: [ProjectionMonth], b: [ProjectionMonth], drawsA: ProjectionDistribution, drawsB: ProjectionDistribution)
        do throws(ProjectionError) {
            runs = (
                try baseline.project(), try alternative.project(), try await baseline.simulate(settings, workers: workers),
                try await alternative.simulate(settings, workers: workers)
            )
        } catch {
            throw .projection(error)
        }
        return try ScenarioComparison(
            baseline: runs.a, alternative: runs.b, baselineDistribution: runs.drawsA, alternativeDistribution: runs.drawsB
        )
    }

    /// The deterministic delta of `metric`, or `nil` without deterministic runs.
    public func deterministicDelta(_ metric: ProjectionMetric) -> MetricDelta? {
        deterministic.first { $0.metric == metric }
    }

    /// The Monte Carlo median delta of `metric`, or `nil` without distributions.
    public func medianDelta(_ metric: ProjectionMetric) -> MetricDelta? {
        monteCarloMedian.first { $0.metric == metric }
    }

    /// Each draw's horizon figure of `metric` (see ``MetricDelta``), in draw order.
    private static func horizonFigures(_ metric: ProjectionMetric, of distribution: ProjectionDistribution) -> [Double] {
        let byMonth = (0..<distribution.months).map { distribution.samples(metric, month: $0) }
        return (0..<distribution.draws).map { draw in
            MetricDelta.horizonFigure(metric, monthly: byMonth.map { $0[draw] })
        }
    }

    /// The share of draws in which `better(b, a)` holds, per month and for the horizon figure.
    private static func probability(
        _ a: ProjectionDistribution,
        _ b: ProjectionDistribution,
        metric: ProjectionMetric,
        better: (Double, Double) -> Bool
    ) -> DrawComparison {
        let draws = Double(a.draws)
        let monthly = (0..<a.months).map { month in
            let samplesA = a.samples(metric, month: month)
            let samplesB = b.samples(metric, month: month)
            return Double(zip(samplesB, samplesA).filter { better($0, $1) }.count) / draws
        }
        let horizonA = horizonFigures(metric, of: a)
        let horizonB = horizonFigures(metric, of: b)
        let horizon = Double(zip(horizonB, horizonA).filter { better($0, $1) }.count) / draws
        return DrawComparison(monthly: monthly, horizon: horizon)
    }
}
