import Foundation

/// The number of queue advances that fit within the answer-time threshold in Erlang A: a negative
/// binomial law with terms `e_j = Γ(j+b) / (Γ(j+1)·Γ(b)) · x^j·(1-x)^b`, where `x = 1 - e^{-θT}`
/// (the success probability) and `b = Nμ/θ + 1` (the shape).
///
/// A caller who finds `k` others queued and is eventually answered is answered within `T` with
/// probability `I_x(k+1, b) = Σ_{j>=k+1} e_j` (Garnett, Mandelbaum and Reiman 2002, with the standard
/// identity between the regularised incomplete beta function and negative binomial tails), and later
/// with probability `Σ_{j<=k} e_j`. The terms follow `e_{j+1} = e_j·x·(j + b)/(j + 1)`, so walking `j`
/// upward costs one multiplication per step; terms below `e^-700` are followed in logs (they cannot
/// change a sum, but would underflow before the distribution's bulk is reached).
struct QueueAdvanceDistribution {
    /// `x = 1 - e^{-θT}`.
    private let successProbability: Double
    private let logSuccessProbability: Double
    private let shape: Double
    /// Current index `j`.
    private(set) var index = 0
    /// `e_j`, or 0 while it is negligible (below `e^-700`).
    private(set) var term: Double
    /// `Σ_{i<j} e_i`: the probability that an answered caller who found `j - 1` others queued waited longer than `T`.
    private(set) var cumulative = 0.0
    private var logTerm: Double
    /// Whether `e_j` is below `e^-700` and followed in logs only.
    private(set) var isNegligible: Bool

    /// The law for `x = 1 - e^{-θT}` (given as `θT = T / patience`) and `b = Nμ/θ + 1`, positioned at `j = 0`.
    init(answerTimeOverPatience: Double, shape: Double) {
        successProbability = -expm1(-answerTimeOverPatience)
        logSuccessProbability = log(successProbability)
        self.shape = shape
        logTerm = -answerTimeOverPatience * shape  // log (1-x)^b
        isNegligible = logTerm < -700
        term = isNegligible ? 0 : exp(logTerm)
    }

    /// `e_{j+1} / e_j`, decreasing in `j` (as `b > 1`).
    var nextRatio: Double { successProbability * (Double(index) + shape) / Double(index + 1) }

    /// Moves from `j` to `j + 1`.
    mutating func advance() {
        cumulative = min(1, cumulative + term)
        let ratio = nextRatio
        if isNegligible {
            logTerm += logSuccessProbability + log((Double(index) + shape) / Double(index + 1))
            if logTerm >= -700 {
                term = exp(logTerm)
                isNegligible = false
            }
        } else {
            term *= ratio
        }
        index += 1
    }
}
