import Foundation

/// Attrition as expected values: every cohort loses the same share of its headcount each month.
///
/// Default (``standard``): 35 % a year, `1 - 0.65^(1/12)` a month, so twelve months without
/// hiring keep exactly 65 %. Contact centres report 30–45 % a year (FORECASTING.md,
/// "Workforce supply").
public struct ExpectedAttrition: AttritionModel, Sendable, Hashable {
    /// Default annual attrition: 35 %.
    public static let defaultAnnualRate = 0.35
    /// The default model: ``defaultAnnualRate`` compounded monthly.
    public static let standard = ExpectedAttrition(uncheckedMonthlyRate: monthlyRate(annual: defaultAnnualRate))

    /// Share of each cohort leaving each month, in `[0, 1]`.
    public let monthlyRate: Double

    /// Attrition of `monthlyRate` per month.
    ///
    /// - Throws: ``PlanningInputError/fractionOutOfRange(name:)`` outside `[0, 1]`.
    public init(monthlyRate: Double) throws(PlanningInputError) {
        self.monthlyRate = try PlanningValidation.fraction(monthlyRate, name: "monthlyRate")
    }

    /// Attrition losing `annualRate` of a cohort over twelve months: `1 - (1 - annualRate)^(1/12)`
    /// per month.
    ///
    /// - Throws: ``PlanningInputError/fractionOutOfRange(name:)`` outside `[0, 1]`.
    public init(annualRate: Double) throws(PlanningInputError) {
        let annual = try PlanningValidation.fraction(annualRate, name: "annualRate")
        monthlyRate = Self.monthlyRate(annual: annual)
    }

    /// `headcount × monthlyRate`, whatever the month and tenure.
    public func leavers(month: Int, tenureMonth: Int, headcount: Double) -> Double {
        headcount * monthlyRate
    }

    /// Stores a rate already known to be valid.
    private init(uncheckedMonthlyRate: Double) {
        monthlyRate = uncheckedMonthlyRate
    }

    /// `1 - (1 - annual)^(1/12)`, computed as `-expm1(log1p(-annual) / 12)` for accuracy.
    private static func monthlyRate(annual: Double) -> Double {
        -expm1(log1p(-annual) / 12)
    }
}
