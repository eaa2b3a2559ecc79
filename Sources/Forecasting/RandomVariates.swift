import Foundation

/// Samplers for the distributions of the Monte Carlo, each drawing from a caller's generator.
///
/// Every sampler consumes a number of random words that depends only on its parameters and the
/// words themselves, so a seeded generator reproduces the same samples on every platform that
/// implements IEEE 754 doubles and the C math library identically.
public enum RandomVariates {
    /// A uniform double in the open interval `(0, 1)`: the top 53 bits of one word, offset by half
    /// a unit so that neither 0 nor 1 occurs (`((x >> 11) + 0.5) / 2^53`).
    @inline(__always)
    public static func openUnit(_ word: UInt64) -> Double {
        (Double(word >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform double in `(0, 1)` from `generator` (one word).
    @inline(__always)
    public static func uniform(using generator: inout some RandomNumberGenerator) -> Double {
        openUnit(generator.next())
    }

    /// The standard normal quantile `Φ⁻¹(p)` for `p` in `(0, 1)`, by Acklam's rational
    /// approximation (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
    /// distribution function", 2003; relative error below 1.15e-9), without the optional Halley
    /// refinement. Monotone in `p`, which keeps samples drawn by inversion coupled across scenarios.
    public static func normalQuantile(_ p: Double) -> Double {
        let lowTail = 0.02425
        if p < lowTail {
            let q = (-2 * log(p)).squareRoot()
            return lowerTailNumerator(q) / lowerTailDenominator(q)
        }
        if p > 1 - lowTail {
            let q = (-2 * log1p(-p)).squareRoot()
            return -lowerTailNumerator(q) / lowerTailDenominator(q)
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
        return numerator / denominator
    }

    /// A standard normal sample by inversion of one uniform (see ``normalQuantile(_:)``).
    @inline(__always)
    public static func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
        normalQuantile(uniform(using: &generator))
    }

    /// A lognormal multiplier with mean 1: `exp(σ·z - σ²/2)`, `z` standard normal. Its median is
    /// `exp(-σ²/2)`, its coefficient of variation `sqrt(exp(σ²) - 1) ≈ σ`.
    public static func meanOneLognormal(sigma: Double, using generator: inout some RandomNumberGenerator) -> Double {
        exp(sigma * standardNormal(using: &generator) - sigma * sigma / 2)
    }

    /// A Gamma(`shape`, 1) sample by Marsaglia and Tsang, "A simple method for generating gamma
    /// variables", ACM TOMS 26(3), 2000: with `d = shape - 1/3`, `c = 1/sqrt(9d)`, draw normal `x`
    /// and uniform `u`, `v = (1 + c·x)³`; accept `d·v` when `v > 0` and
    /// `u < 1 - 0.0331·x⁴` or `log u < x²/2 + d·(1 - v + log v)`. For `shape < 1` the sample of
    /// `shape + 1` is multiplied by `u^(1/shape)` (the paper's boost). Returns 0 for `shape <= 0`.
    public static func gamma(shape: Double, using generator: inout some RandomNumberGenerator) -> Double {
        guard shape > 0, shape.isFinite else { return 0 }
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, using: &generator)
            return boosted * pow(uniform(using: &generator), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal(using: &generator)
            let base = 1 + c * x
            guard base > 0 else { continue }
            let v = base * base * base
            let u = uniform(using: &generator)
            let xSquared = x * x
            if u < 1 - 0.0331 * xSquared * xSquared { return d * v }
            if log(u) < 0.5 * xSquared + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Beta(`alpha`, `beta`) sample as `G₁ / (G₁ + G₂)` with independent Gamma(`alpha`) and
    /// Gamma(`beta`) samples (the standard construction, e.g. Devroye, *Non-Uniform Random Variate
    /// Generation*, 1986, §IX.4). A zero parameter gives the degenerate value (0 or 1).
    public static func beta(alpha: Double, beta: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let first = gamma(shape: alpha, using: &generator)
        let second = gamma(shape: beta, using: &generator)
        let total = first + second
        guard total > 0 else { return alpha > 0 ? 1 : 0 }
        return first / total
    }

    /// A Beta sample with mean `mean` and concentration `κ = α + β`: `Beta(κ·mean, κ·(1 - mean))`.
    /// The variance is `mean·(1 - mean)/(κ + 1)`. A mean of exactly 0 or 1 is returned unchanged.
    public static func beta(mean: Double, concentration: Double, using generator: inout some RandomNumberGenerator) -> Double {
        guard mean > 0, mean < 1 else { return mean }
        return beta(alpha: concentration * mean, beta: concentration * (1 - mean), using: &generator)
    }

    /// Variance `n·p·(1 - p)` from which ``binomial(trials:probability:uniform:)`` switches from
    /// exact inversion to the normal approximation.
    public static let binomialNormalThreshold = 30.0

    /// A Binomial(`trials`, `probability`) sample from one uniform `u` in `(0, 1)`, by inversion.
    ///
    /// - Exact for `n·p·(1 - p) < 30` (``binomialNormalThreshold``): the smallest `k` with
    ///   `F(k) >= u`, walking `P(k + 1) = P(k)·(n - k)/(k + 1)·p/(1 - p)` up from `P(0) = (1 - p)^n`
    ///   (Devroye 1986, §X.4; about `n·p` steps).
    /// - Otherwise the normal approximation with continuity correction (de Moivre–Laplace):
    ///   `round(n·p + sqrt(n·p·(1 - p))·Φ⁻¹(u))`, clamped to `[0, n]`. With a variance of at least
    ///   30 its distribution function is within about 1 % of the binomial's; the normal quantile is
    ///   clamped to ±6 so that the sample never decreases as `n` grows.
    ///
    /// Inversion from a single uniform couples samples across scenarios: with the same `u`, more
    /// trials never give fewer successes within each regime (common random numbers stay monotone);
    /// where `n` crosses the switch between the regimes a sample can be one lower.
    public static func binomial(trials: Int, probability: Double, uniform u: Double) -> Int {
        guard trials > 0, probability > 0 else { return 0 }
        guard probability < 1 else { return trials }
        return binomial(trials: trials, probability: probability, logComplement: log1p(-probability), uniform: u)
    }

    /// ``binomial(trials:probability:uniform:)`` for `0 < probability < 1`, `trials > 0`, with
    /// `log1p(-probability)` precomputed by the caller.
    @inline(__always)
    static func binomial(
        trials: Int, probability: Double, logComplement: Double, uniform u: Double, table: BinomialTable? = nil
    ) -> Int {
        let n = Double(trials)
        let variance = n * probability * (1 - probability)
        if variance >= binomialNormalThreshold {
            let z = min(6, max(-6, normalQuantile(u)))
            let sample = (n * probability + variance.squareRoot() * z).rounded()
            return Int(min(n, max(0, sample)))
        }
        let odds = probability / (1 - probability)
        var term: Double
        if let table, trials < table.powers.count {
            term = table.powers[trials]
        } else {
            term = exp(n * logComplement)
        }
        var cumulative = term
        var k = 0
        while cumulative < u, k < trials {
            term *= Double(trials - k) / Double(k + 1) * odds
            k += 1
            cumulative += term
            if term == 0, Double(k) > n * probability { break }  // rounding left u out of reach
        }
        return k
    }

    /// A Binomial(`trials`, `probability`) sample using one word of `generator` (see
    /// ``binomial(trials:probability:uniform:)``).
    public static func binomial(trials: Int, probability: Double, using generator: inout some RandomNumberGenerator) -> Int {
        binomial(trials: trials, probability: probability, uniform: uniform(using: &generator))
    }

    /// `c0·q⁵ + … + c5` of Acklam's tail approximation.
    @inline(__always)
    private static func lowerTailNumerator(_ q: Double) -> Double {
        ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
    }

    /// `d0·q⁴ + … + d3·q + 1` of Acklam's tail approximation.
    @inline(__always)
    private static func lowerTailDenominator(_ q: Double) -> Double {
        (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
            + 3.754408661907416e+00) * q + 1
    }
}
