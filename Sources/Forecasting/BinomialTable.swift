import Foundation

/// `P(0) = (1 - p)^n = exp(n·log1p(-p))` of a binomial law for every `n` that
/// ``RandomVariates/binomial(trials:probability:uniform:)`` inverts exactly (variance below the
/// normal threshold), computed once by the same expression so that draws using the table are
/// bit-identical to draws computing it on the fly.
final class BinomialTable: Sendable {
    /// The success probability `p`, in `(0, 1)`.
    let probability: Double
    /// `log1p(-p)`.
    let logComplement: Double
    /// `exp(n·log1p(-p))` for `n` in `0..<powers.count`.
    let powers: [Double]

    /// The table of `probability` (0 < p < 1), up to at most 65,536 trials.
    init(probability: Double) {
        self.probability = probability
        let logComplement = log1p(-probability)
        self.logComplement = logComplement
        let variancePerTrial = probability * (1 - probability)
        let limit = min(65_536, Int((RandomVariates.binomialNormalThreshold / variancePerTrial).rounded(.up)) + 2)
        powers = (0..<limit).map { exp(Double($0) * logComplement) }
    }
}
