import Forecasting
import Foundation
import Testing

@Suite("Randomness")
struct RandomnessTests {
    @Test("xoshiro256** reproduces the reference outputs for the state {1, 2, 3, 4}")
    func xoshiroMatchesReferenceOutputs() throws {
        // First outputs of the public-domain reference xoshiro256starstar.c from s = {1, 2, 3, 4}.
        var generator = try Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<4).map { _ in generator.next() }
        #expect(outputs == [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
        #expect(throws: ProjectionError.generatorStateAllZero) { try Xoshiro256StarStar(state: (0, 0, 0, 0)) }
    }

    @Test("SplitMix64 seeding gives each seed its own stream")
    func splitMixSeedingSeparatesStreams() {
        // Vigna's splitmix64.c from state 0: the first output is 0xE220A8397B1DCDAF.
        var splitMix = SplitMix64(state: 0)
        #expect(splitMix.next() == 0xE220_A839_7B1D_CDAF)
        var first = Xoshiro256StarStar(seed: 1)
        var again = Xoshiro256StarStar(seed: 1)
        var other = Xoshiro256StarStar(seed: 2)
        let a = (0..<8).map { _ in first.next() }
        #expect(a == (0..<8).map { _ in again.next() })
        #expect(a != (0..<8).map { _ in other.next() })
        #expect(SplitMix64.derive(7, 0) != SplitMix64.derive(7, 1))
        #expect(SplitMix64.derive(7, 0) != SplitMix64.derive(8, 0))
    }

    @Test("Type-7 quantiles match the definition worked by hand")
    func quantileType7MatchesHandComputedExample() {
        let values = [3.0, 1, 4, 1, 5, 9, 2, 6]
        let sorted = values.sorted()  // 1 1 2 3 4 5 6 9
        // h = (n - 1)·p = 7·p; Q = x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋ + 1] - x[⌊h⌋]) with 0-based x.
        func byHand(_ p: Double) -> Double {
            let h = 7 * p
            let lower = Int(h.rounded(.down))
            return lower + 1 < sorted.count ? sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower]) : sorted[lower]
        }
        #expect(abs(Quantile.type7(values, probability: 0.1) - 1.0) < 1e-12)  // h = 0.7: 1 + 0.7·0
        #expect(abs(Quantile.type7(values, probability: 0.5) - 3.5) < 1e-12)  // h = 3.5: 3 + 0.5·1
        #expect(abs(Quantile.type7(values, probability: 0.9) - 6.9) < 1e-12)  // h = 6.3: 6 + 0.3·3
        for p in stride(from: 0.0, through: 1.0, by: 0.05) {
            #expect(abs(Quantile.type7(values, probability: p) - byHand(p)) < 1e-12, "p = \(p)")
        }
        #expect(Quantile.type7([42], probability: 0.9) == 42)
        let band = PercentileBand(sorted: sorted)
        #expect(band.p10 <= band.p50 && band.p50 <= band.p90)
    }

    static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    @Test("Binomial samples have mean n·p and variance n·p·(1 - p), exact and approximated")
    func binomialSampleMeansAreWithinTolerance() {
        var generator = Xoshiro256StarStar(seed: 11)
        for (trials, probability) in [(12, 0.035), (200, 0.1), (5_000, 0.035), (40, 0.5)] {
            let samples = (0..<40_000).map { _ in Double(RandomVariates.binomial(trials: trials, probability: probability, using: &generator)) }
            let (mean, variance) = Self.meanAndVariance(samples)
            let expectedMean = Double(trials) * probability
            let expectedVariance = expectedMean * (1 - probability)
            // 5 standard errors of the mean; 10 % on the variance.
            #expect(abs(mean - expectedMean) <= 5 * (expectedVariance / 40_000).squareRoot(), "n \(trials), p \(probability)")
            #expect(abs(variance / expectedVariance - 1) < 0.1, "n \(trials), p \(probability)")
            #expect(samples.allSatisfy { $0 >= 0 && $0 <= Double(trials) })
        }
        // Inversion from one uniform: more trials never give fewer successes within each regime
        // (exact below a variance of 30, about 888 trials at p = 0.035; normal above).
        for u in stride(from: 0.01, to: 1, by: 0.07) {
            for range in [stride(from: 0, through: 880, by: 1), stride(from: 900, through: 5_000, by: 7)] {
                var previous: Int?
                for trials in range {
                    let sample = RandomVariates.binomial(trials: trials, probability: 0.035, uniform: u)
                    if let previous { #expect(sample >= previous && sample <= previous + (trials < 900 ? 1 : 7)) }
                    previous = sample
                }
            }
        }
    }

    @Test("Beta samples have mean c and variance c(1 - c)/(κ + 1)")
    func betaSampleMeansAreWithinTolerance() {
        var generator = Xoshiro256StarStar(seed: 12)
        for (mean, concentration) in [(0.55, 200.0), (0.1, 200), (0.5, 2), (0.3, 0.5)] {
            let samples = (0..<40_000).map { _ in RandomVariates.beta(mean: mean, concentration: concentration, using: &generator) }
            let (sampleMean, variance) = Self.meanAndVariance(samples)
            let expectedVariance = mean * (1 - mean) / (concentration + 1)
            #expect(abs(sampleMean - mean) <= 5 * (expectedVariance / 40_000).squareRoot(), "mean \(mean), κ \(concentration)")
            #expect(abs(variance / expectedVariance - 1) < 0.1, "mean \(mean), κ \(concentration)")
            #expect(samples.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
        let gammas = (0..<40_000).map { _ in RandomVariates.gamma(shape: 3.5, using: &generator) }
        #expect(abs(Self.meanAndVariance(gammas).mean - 3.5) < 5 * (3.5 / 40_000).squareRoot())
    }

    @Test("Lognormal multipliers have mean 1 and the normal quantile is accurate")
    func lognormalSampleMeansAreWithinTolerance() {
        var generator = Xoshiro256StarStar(seed: 13)
        for sigma in [0.05, 0.08, 0.3] {
            let samples = (0..<40_000).map { _ in RandomVariates.meanOneLognormal(sigma: sigma, using: &generator) }
            let (mean, variance) = Self.meanAndVariance(samples)
            let expectedVariance = exp(sigma * sigma) - 1
            #expect(abs(mean - 1) <= 5 * (expectedVariance / 40_000).squareRoot(), "σ \(sigma)")
            #expect(abs(variance / expectedVariance - 1) < 0.1, "σ \(sigma)")
            let logs = samples.map(log)
            #expect(abs(Self.meanAndVariance(logs).variance.squareRoot() / sigma - 1) < 0.03)
        }
        #expect(abs(RandomVariates.normalQuantile(0.975) - 1.959_963_984_540_054) < 1e-8)
        #expect(abs(RandomVariates.normalQuantile(0.001) + 3.090_232_306_167_814) < 1e-8)
        #expect(RandomVariates.normalQuantile(0.5) == 0)
    }
}
