import Foundation

/// A queue's opening pattern from two planning figures: operating hours per month and the intraday peak
/// factor (the busiest hour's volume over the mean hourly volume while open).
///
/// Approximation (documented in FORECASTING.md, "Service outcome"): the queue opens `n = ⌈H / 31⌉` hours a
/// day (1…24) on `H / n` days a month, during the `n` consecutive hours of the standard support curve that
/// carry most of its volume; within them the curve is raised to the power `α ≥ 0` that makes its peak
/// factor equal to the one given (`α = 0` is a flat day, larger `α` a peakier one). A factor above what `n`
/// hours allow (`n`) is capped there.
public struct QueueCalendar: Sendable, Hashable {
    /// Open hours per day.
    public let hoursPerDay: Int
    /// Operating days per month.
    public let daysPerMonth: Double
    /// The intraday profile.
    public let profile: IntradayProfile
    /// The peak factor the profile achieves.
    public let peakFactor: Double

    /// Builds the pattern; throws for non-finite or non-positive hours or a non-finite factor. A factor
    /// below 1 is taken as 1 (a flat day).
    public init(operatingHoursPerMonth hours: Double, peakFactor: Double) throws(ProjectionError) {
        guard hours.isFinite, peakFactor.isFinite else {
            throw .planning(.nonFiniteValue(name: hours.isFinite ? "peakFactor" : "operatingHoursPerMonth"))
        }
        guard hours > 0 else { throw .planning(.valueNotPositive(name: "operatingHoursPerMonth")) }
        let open = min(24, max(1, Int((hours / 31).rounded(.up))))
        let weights = IntradayProfile.standardSupportWeights
        var start = 0
        var best = -1.0
        for candidate in 0...(24 - open) {
            let total = weights[candidate..<(candidate + open)].reduce(0, +)
            if total > best {
                best = total
                start = candidate
            }
        }
        let top = weights[start..<(start + open)].max()!
        let window = weights[start..<(start + open)].map { $0 / top }
        // Scaled to a peak of 1 so no power overflows; kept above zero so every hour stays open.
        func raised(_ alpha: Double) -> [Double] { window.map { max(1e-9, pow($0, alpha)) } }
        func ratio(_ alpha: Double) -> Double {
            let values = raised(alpha)
            return values.max()! / (values.reduce(0, +) / Double(open))
        }
        var alpha = 0.0
        if open > 1, peakFactor > 1 {
            var low = 0.0
            var high = 100_000.0
            if ratio(high) <= peakFactor {
                alpha = high
            } else {
                for _ in 0..<80 {
                    let middle = (low + high) / 2
                    if ratio(middle) < peakFactor { low = middle } else { high = middle }
                }
                alpha = (low + high) / 2
            }
        }
        var dayWeights = [Double](repeating: 0, count: 24)
        for (offset, weight) in raised(alpha).enumerated() { dayWeights[start + offset] = weight }
        self.hoursPerDay = open
        self.daysPerMonth = hours / Double(open)
        self.profile = try IntradayProfile(hourlyWeights: dayWeights)
        self.peakFactor = ratio(alpha)
    }
}
