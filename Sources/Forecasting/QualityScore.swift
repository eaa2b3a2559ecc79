/// A quality score in `[0, 1]` with its two parts (see
/// ``AutomationOutcome/qualityScore(abandonmentRate:asaSeconds:weights:)``).
public struct QualityScore: Sendable, Hashable {
    /// Contact-weighted mean satisfaction of the outcomes, in `[0, 1]`.
    public let meanSatisfaction: Double
    /// Wait penalty: penalty per minute × ASA in minutes.
    public let waitPenalty: Double
    /// `meanSatisfaction - waitPenalty`, clamped to `[0, 1]`.
    public let value: Double

    /// Stores a score; values are taken as given.
    public init(meanSatisfaction: Double, waitPenalty: Double, value: Double) {
        self.meanSatisfaction = meanSatisfaction
        self.waitPenalty = waitPenalty
        self.value = value
    }
}
