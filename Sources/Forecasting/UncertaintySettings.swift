/// What the Monte Carlo varies and how much (FORECASTING.md, "Uncertainty"), with its defaults.
///
/// - Demand: each queue's new issues are multiplied by a mean-one lognormal
///   `exp(σ_h·z_h - σ_h²/2)` with `σ_h = σ·sqrt(1 + h/12)` in month `h` (0-based; uncertainty grows
///   with the horizon) and `z_h` a stationary AR(1) with unit variance,
///   `z_h = φ·z_{h-1} + sqrt(1 - φ²)·ε_h` (default σ 0.08, φ 0.7). Queues draw independently.
/// - True containment: `Beta(κ·c, κ·(1 - c))` around each month's `c`, concentration κ = 200
///   (standard deviation `sqrt(c(1 - c)/201)`, about 3.5 points at c = 0.55); false containment
///   keeps its value unless `c' + f` would exceed 1 (then `f' = 1 - c'`); escalations take the rest.
/// - AHT: a mean-one lognormal multiplier with σ 0.05, independent per queue and month.
/// - Attrition: binomial per cohort (``BinomialAttrition``).
/// Queueing noise within a month is already in Erlang A, so draws vary rates only.
///
/// 2,000 draws put the sampling error of P10/P90 at about 3–4 % of σ (500: 6–9 %; 10,000: 1.5–2 %).
public struct UncertaintySettings: Sendable, Hashable {
    /// The defaults listed in the type's documentation, with seed 2024.
    public static let standard = UncertaintySettings(
        uncheckedDraws: 2_000, seed: 2_024, demandSigma: 0.08, demandCorrelation: 0.7,
        containmentConcentration: 200, ahtSigma: 0.05
    )

    /// Number of draws.
    public let draws: Int
    /// Seed of the generators: draw `d` uses the substream `SplitMix64.derive(seed, d)`.
    public let seed: UInt64
    /// σ of the log demand multiplier in month 0.
    public let demandSigma: Double
    /// AR(1) correlation of the demand shocks from one month to the next.
    public let demandCorrelation: Double
    /// Concentration `α + β` of the Beta law of true containment.
    public let containmentConcentration: Double
    /// σ of the log AHT multiplier.
    public let ahtSigma: Double

    /// Validates and stores the settings; every argument has its documented default.
    ///
    /// - Throws: ``ProjectionError/uncertaintySettingOutOfRange(name:)`` for fewer than one draw,
    ///   a negative or non-finite σ, a correlation outside `[0, 1)` or a non-positive concentration.
    public init(
        draws: Int = UncertaintySettings.standard.draws,
        seed: UInt64 = UncertaintySettings.standard.seed,
        demandSigma: Double = UncertaintySettings.standard.demandSigma,
        demandCorrelation: Double = UncertaintySettings.standard.demandCorrelation,
        containmentConcentration: Double = UncertaintySettings.standard.containmentConcentration,
        ahtSigma: Double = UncertaintySettings.standard.ahtSigma
    ) throws(ProjectionError) {
        guard draws >= 1 else { throw .uncertaintySettingOutOfRange(name: "draws") }
        guard demandSigma.isFinite, demandSigma >= 0 else { throw .uncertaintySettingOutOfRange(name: "demandSigma") }
        guard demandCorrelation >= 0, demandCorrelation < 1 else { throw .uncertaintySettingOutOfRange(name: "demandCorrelation") }
        guard containmentConcentration.isFinite, containmentConcentration > 0 else {
            throw .uncertaintySettingOutOfRange(name: "containmentConcentration")
        }
        guard ahtSigma.isFinite, ahtSigma >= 0 else { throw .uncertaintySettingOutOfRange(name: "ahtSigma") }
        self.init(
            uncheckedDraws: draws, seed: seed, demandSigma: demandSigma, demandCorrelation: demandCorrelation,
            containmentConcentration: containmentConcentration, ahtSigma: ahtSigma
        )
    }

    /// Stores values already known to be valid.
    private init(
        uncheckedDraws draws: Int, seed: UInt64, demandSigma: Double, demandCorrelation: Double,
        containmentConcentration: Double, ahtSigma: Double
    ) {
        self.draws = draws
        self.seed = seed
        self.demandSigma = demandSigma
        self.demandCorrelation = demandCorrelation
        self.containmentConcentration = containmentConcentration
        self.ahtSigma = ahtSigma
    }

    /// σ of the log demand multiplier in month `month`: `σ·sqrt(1 + month/12)`.
    public func demandSigma(month: Int) -> Double {
        demandSigma * (1 + Double(month) / 12).squareRoot()
    }
}
