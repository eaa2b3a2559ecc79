import Domain
import Forecasting
import Foundation

/// A projection's numbers: P10/P50/P90 of every metric by month, the probability of missing the service-level
/// target, and totals over the horizon for the metrics that add up.
struct ProjectionResult: Codable, Sendable, Equatable {
    struct Band: Codable, Sendable, Equatable {
        var p10: Double
        var p50: Double
        var p90: Double

        init(_ band: PercentileBand) {
            p10 = band.p10
            p50 = band.p50
            p90 = band.p90
        }
    }

    struct Month: Codable, Sendable, Equatable {
        var month: String
        var metrics: [String: Band]
        var probabilityBelowTarget: Double
    }

    var months: [Month]
    var totals: [String: Band]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}

/// Runs a snapshot through the engine.
enum ProjectionRunner {
    /// The API's metric names, in the order they are reported.
    static let metrics: [(metric: ProjectionMetric, name: String)] = [
        (.headcount, "headcount"), (.paidFTE, "paid_fte"), (.productiveFTE, "productive_fte"), (.hires, "hires"),
        (.attrition, "attrition"), (.labourCost, "labour_cost"), (.hiringCost, "hiring_cost"), (.botCost, "bot_cost"),
        (.totalCost, "total_cost"), (.humanContacts, "human_contacts"), (.serviceLevel, "service_level"),
        (.asaSeconds, "asa_seconds"), (.abandonmentRate, "abandonment_rate"), (.occupancy, "occupancy"),
        (.qualityScore, "quality_score"), (.requiredFTE, "required_fte"), (.gapFTE, "gap_fte"),
    ]
    /// Metrics in money; shown to roles that may see cost aggregates only.
    static let costMetrics: Set<String> = ["labour_cost", "hiring_cost", "bot_cost", "total_cost"]
    /// Metrics whose horizon total is meaningful.
    static let additive: [ProjectionMetric] = [.hires, .attrition, .labourCost, .hiringCost, .botCost, .totalCost, .humanContacts]

    /// Computes the result; `progress` receives draws done. Cancellation throws ``ProjectionError/cancelled``.
    static func run(
        _ inputs: ProjectionInputs, workers: Int, progress: (@Sendable (Int) async -> Void)? = nil
    ) async throws -> ProjectionResult {
        let (model, settings) = try inputs.model()
        let distribution: ProjectionDistribution
        do {
            distribution = try await model.simulate(settings, workers: workers, progress: progress)
        } catch ProjectionError.cancelled {
            throw CancellationError()
        } catch {
            throw DomainError.unprocessable("The projection cannot be computed: \(error.description).")
        }
        return result(distribution, inputs: inputs)
    }

    static func result(_ distribution: ProjectionDistribution, inputs: ProjectionInputs) -> ProjectionResult {
        let start = CalendarMonth(inputs.startMonth) ?? .earliest
        let months = (0..<distribution.months).map { index in
            ProjectionResult.Month(
                month: start.adding(months: index).description,
                metrics: Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, ProjectionResult.Band(distribution.band($0.metric, month: index))) }),
                probabilityBelowTarget: distribution.probabilityBelowTarget[index]
            )
        }
        var totals: [String: ProjectionResult.Band] = [:]
        for metric in additive {
            var sums = [Double](repeating: 0, count: distribution.draws)
            for month in 0..<distribution.months {
                for (draw, value) in distribution.samples(metric, month: month).enumerated() { sums[draw] += value }
            }
            let name = metrics.first { $0.metric == metric }!.name
            totals[name] = ProjectionResult.Band(PercentileBand(sorted: sums.sorted()))
        }
        return ProjectionResult(months: months, totals: totals)
    }
}
