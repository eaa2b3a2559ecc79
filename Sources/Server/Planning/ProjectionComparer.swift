import Domain
import Forecasting
import Foundation

/// Two scenarios compared draw by draw: for every metric, each side's P50 and P10/P50/P90 of the per-draw
/// difference `alternative − base`, by month and over the horizon (the total of flows, the mean of the months
/// for levels and rates, as ``MetricDelta`` defines them).
struct ProjectionComparisonResult: Sendable, Equatable {
    struct Figure: Sendable, Equatable {
        var baseP50: Double
        var alternativeP50: Double
        var delta: PercentileBand
    }

    struct Period: Sendable, Equatable {
        var metrics: [String: Figure]
        var serviceLevelBetter: Double
        var totalCostLower: Double
    }

    var months: [Period]
    var horizon: Period
}

/// Runs both sides through the engine with one set of Monte Carlo settings (common random numbers).
enum ProjectionComparer {
    /// Compares `alternative` with `base`, both simulated with `settings`.
    static func compare(
        base: ProjectionModel, alternative: ProjectionModel, settings: UncertaintySettings, workers: Int
    ) async throws -> ProjectionComparisonResult {
        let a: ProjectionDistribution
        let b: ProjectionDistribution
        let comparison: ScenarioComparison
        do {
            a = try await base.simulate(settings, workers: workers)
            b = try await alternative.simulate(settings, workers: workers)
            comparison = try ScenarioComparison(baselineDistribution: a, alternativeDistribution: b)
        } catch ProjectionError.cancelled {
            throw CancellationError()
        } catch {
            throw DomainError.unprocessable("The comparison cannot be computed: \(error).")
        }
        guard let serviceLevel = comparison.serviceLevelBetter, let totalCost = comparison.totalCostLower else {
            throw DomainError.unprocessable("The comparison cannot be computed: no draws to compare.")
        }
        var months: [ProjectionComparisonResult.Period] = (0..<a.months).map { month in
            ProjectionComparisonResult.Period(
                metrics: [:], serviceLevelBetter: serviceLevel.monthly[month], totalCostLower: totalCost.monthly[month]
            )
        }
        var horizon = ProjectionComparisonResult.Period(metrics: [:], serviceLevelBetter: serviceLevel.horizon, totalCostLower: totalCost.horizon)
        for (metric, name) in ProjectionRunner.metrics {
            var horizonA = [Double](repeating: 0, count: a.draws)
            var horizonB = [Double](repeating: 0, count: a.draws)
            for month in 0..<a.months {
                let samplesA = a.samples(metric, month: month)
                let samplesB = b.samples(metric, month: month)
                for draw in 0..<a.draws {
                    horizonA[draw] += samplesA[draw]
                    horizonB[draw] += samplesB[draw]
                }
                months[month].metrics[name] = figure(samplesA, samplesB)
            }
            if !MetricDelta.isSummedOverHorizon(metric), a.months > 0 {
                let count = Double(a.months)
                horizonA = horizonA.map { $0 / count }
                horizonB = horizonB.map { $0 / count }
            }
            horizon.metrics[name] = figure(horizonA, horizonB)
        }
        return ProjectionComparisonResult(months: months, horizon: horizon)
    }

    /// Each side's median and the band of the per-draw differences `b − a`.
    private static func figure(_ a: [Double], _ b: [Double]) -> ProjectionComparisonResult.Figure {
        ProjectionComparisonResult.Figure(
            baseP50: Quantile.type7(sorted: a.sorted(), probability: 0.5),
            alternativeP50: Quantile.type7(sorted: b.sorted(), probability: 0.5),
            delta: PercentileBand(sorted: zip(b, a).map { $0 - $1 }.sorted())
        )
    }
}
