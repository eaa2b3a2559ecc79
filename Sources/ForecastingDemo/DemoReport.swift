import Forecasting
import Foundation

/// Markdown tables of the demo.
enum DemoReport {
    /// Months shown in the scenario table (0-based).
    static let shownMonths = [0, 2, 3, 5, 8, 11, 14, 17]

    /// One row per scenario and shown month: workforce, service (P50 and P10–P90), abandonment,
    /// quality and cost.
    static func scenarioTable(
        names: [String], runs: [[ProjectionMonth]], distributions: [ProjectionDistribution], resolvedIssues: Double
    ) -> String {
        var lines = [
            "| Scenario | Month | Heads | Req. FTE | Avail. FTE | SL P50 | SL P10–P90 | Abandon P50 | Quality P50 | Cost P50 | Cost / resolved |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for (index, name) in names.enumerated() {
            let run = runs[index]
            let draws = distributions[index]
            for month in shownMonths {
                let level = draws.band(.serviceLevel, month: month)
                let cost = draws.band(.totalCost, month: month).p50
                let cells = [
                    name, "\(month + 1)", count(run[month].headcount), fte(run[month].requiredFTE), fte(run[month].availableFTE),
                    percent(level.p50), "\(percent(level.p10))–\(percent(level.p90))",
                    percent(draws.band(.abandonmentRate, month: month).p50),
                    String(format: "%.3f", draws.band(.qualityScore, month: month).p50), money(cost),
                    String(format: "%.2f", cost / resolvedIssues),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Horizon deltas of each comparison: deterministic and Monte Carlo median, and the share of
    /// draws in which the second scenario has the better service level and the lower cost.
    static func deltaTable(_ comparisons: [(name: String, comparison: ScenarioComparison)]) -> String {
        let metrics: [(ProjectionMetric, String, (Double) -> String)] = [
            (.serviceLevel, "Service level (mean of months)", points),
            (.abandonmentRate, "Abandonment (mean)", points),
            (.qualityScore, "Quality score (mean)", { String(format: "%+.3f", $0) }),
            (.gapFTE, "FTE gap, required − available (mean)", { String(format: "%+.0f", $0) }),
            (.hiringCost, "Hiring cost (total)", signedMoney),
            (.totalCost, "Total cost (total)", signedMoney),
        ]
        var header = "| 18-month horizon |"
        var rule = "|---|"
        for (name, _) in comparisons {
            header += " \(name) deterministic | \(name) MC P50 |"
            rule += "--:|--:|"
        }
        var lines = [header, rule]
        for (metric, label, format) in metrics {
            var line = "| \(label) |"
            for (_, comparison) in comparisons {
                let deterministic = comparison.deterministicDelta(metric)?.horizon ?? 0
                let median = comparison.medianDelta(metric)?.horizon ?? 0
                line += " \(format(deterministic)) | \(format(median)) |"
            }
            lines.append(line)
        }
        var better = "| P(better service level), draws |"
        var cheaper = "| P(lower total cost), draws |"
        for (_, comparison) in comparisons {
            better += " – | \(percent(comparison.serviceLevelBetter?.horizon ?? 0)) |"
            cheaper += " – | \(percent(comparison.totalCostLower?.horizon ?? 0)) |"
        }
        lines.append(better)
        lines.append(cheaper)
        return lines.joined(separator: "\n")
    }

    /// A count with thousands separators.
    static func count(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value.rounded())) ?? "\(value)"
    }

    /// FTE with no decimals.
    static func fte(_ value: Double) -> String {
        count(value)
    }

    /// A share as a percentage with one decimal.
    static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }

    /// A difference of shares in percentage points.
    static func points(_ value: Double) -> String {
        String(format: "%+.1f pt", value * 100)
    }

    /// An amount in millions.
    static func money(_ value: Double) -> String {
        String(format: "%.2f M", value / 1_000_000)
    }

    /// A signed amount in millions.
    static func signedMoney(_ value: Double) -> String {
        String(format: "%+.2f M", value / 1_000_000)
    }
}
