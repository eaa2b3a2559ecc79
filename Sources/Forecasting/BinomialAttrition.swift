import Foundation

/// Attrition as random draws: each cohort's leavers in a month are Binomial(headcount, monthly
/// rate), for the Monte Carlo (FORECASTING.md, "Uncertainty").
///
/// Each `(month, tenure month)` pair, which identifies a cohort within a month, gets its own
/// uniform from the key (`SplitMix64` derivation), and the binomial is drawn from it by inversion
/// (see ``RandomVariates/binomial(trials:probability:uniform:)``: exact for a variance below 30,
/// normal approximation above). So the draws do not depend on how many cohorts exist or in which
/// order they are asked, and two plans compared with the same key see the same randomness: a
/// cohort that is larger in one plan loses at least as many agents and keeps at least as many
/// (up to one agent where its size crosses the switch from exact inversion to the normal
/// approximation).
///
/// Headcounts are fractional expected values in a plan; the whole part `n` is drawn binomially and
/// the fractional part `r` loses its expected `r·rate` (so the leavers stay within `[0, headcount]`).
/// Two cohorts with the same tenure in the same month (a starting cohort in its first month and
/// hires starting that month) share their uniform.
public struct BinomialAttrition: AttritionModel, Sendable, Hashable {
    /// Probability that an agent leaves during a month.
    public let monthlyRate: Double
    /// The key all uniforms derive from (a draw's substream).
    public let key: UInt64
    /// `log1p(-monthlyRate)`, precomputed.
    private let logComplement: Double
    /// Precomputed `(1 - rate)^n`, shared by the draws of a Monte Carlo (no effect on the values).
    private let table: BinomialTable?

    /// Binomial attrition at `monthlyRate` drawing from the substream `key`.
    ///
    /// - Throws: ``PlanningInputError/fractionOutOfRange(name:)`` outside `[0, 1]`.
    public init(monthlyRate: Double, key: UInt64) throws(PlanningInputError) {
        self.monthlyRate = try PlanningValidation.fraction(monthlyRate, name: "monthlyRate")
        self.key = key
        logComplement = log1p(-self.monthlyRate)
        table = nil
    }

    /// Binomial attrition with the monthly rate of an expected-attrition model.
    public init(_ expected: ExpectedAttrition, key: UInt64) {
        monthlyRate = expected.monthlyRate
        self.key = key
        logComplement = log1p(-expected.monthlyRate)
        table = nil
    }

    /// Binomial attrition whose `(1 - rate)^n` come from `table` (whose probability must be the
    /// rate); the draws are the same as without it.
    init(table: BinomialTable, key: UInt64) {
        monthlyRate = table.probability
        self.key = key
        logComplement = table.logComplement
        self.table = table
    }

    /// Equal when rate and key are equal (the table is only a cache).
    public static func == (left: BinomialAttrition, right: BinomialAttrition) -> Bool {
        left.monthlyRate == right.monthlyRate && left.key == right.key
    }

    /// Hashes the rate and the key.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(monthlyRate)
        hasher.combine(key)
    }

    /// A binomial draw of the leavers (see the type's documentation).
    public func leavers(month: Int, tenureMonth: Int, headcount: Double) -> Double {
        guard headcount > 0, monthlyRate > 0 else { return 0 }
        let whole = headcount.rounded(.down)
        let trials = whole < 9e18 ? Int(whole) : Int.max / 2
        let drawn: Int
        if trials == 0 {
            drawn = 0
        } else if monthlyRate >= 1 {
            drawn = trials
        } else {
            let word = SplitMix64.mix(
                SplitMix64.derive(SplitMix64.derive(key, UInt64(truncatingIfNeeded: month)), UInt64(truncatingIfNeeded: tenureMonth))
            )
            drawn = RandomVariates.binomial(
                trials: trials, probability: monthlyRate, logComplement: logComplement, uniform: RandomVariates.openUnit(word),
                table: table
            )
        }
        return min(headcount, Double(drawn) + (headcount - whole) * monthlyRate)
    }
}
