/// Productivity of an agent by tenure month, as a fraction of a fully productive agent.
///
/// Tenure month 1 is a hire's first month on the job. Months past the end of the curve keep its
/// last value.
///
/// Default (``standard``): 0.53 in month 1 rising linearly to 1.0 by month 9. Source: a study of
/// 1,800 contact-centre agents reporting 53 % productivity in month 1 and full productivity after
/// 8–12 months (see FORECASTING.md, "Workforce supply").
public struct RampCurve: Sendable, Hashable {
    /// Productivity in tenure months 1, 2, …: element `i` applies to tenure month `i + 1`.
    public let productivityByTenureMonth: [Double]

    /// The default ramp: 0.53 in month 1, linear to 1.0 in month 9 and after.
    public static let standard = RampCurve(
        uncheckedProductivity: linearValues(firstMonth: 0.53, fullFromMonth: 9)
    )

    /// Validates and stores a ramp curve.
    ///
    /// - Parameter productivityByTenureMonth: productivity in tenure months 1, 2, …; at least one
    ///   finite value of at least zero. Values above 1 are allowed (an agent faster than the
    ///   reference).
    /// - Throws: ``PlanningInputError/rampCurveEmpty``, ``PlanningInputError/nonFiniteValue(name:)``
    ///   or ``PlanningInputError/negativeValue(name:)``.
    public init(productivityByTenureMonth: [Double]) throws(PlanningInputError) {
        guard !productivityByTenureMonth.isEmpty else { throw .rampCurveEmpty }
        for value in productivityByTenureMonth {
            _ = try PlanningValidation.nonNegative(value, name: "productivityByTenureMonth")
        }
        self.productivityByTenureMonth = productivityByTenureMonth
    }

    /// A ramp rising linearly from `firstMonth` in tenure month 1 to 1.0 in tenure month
    /// `fullFromMonth`, and 1.0 after.
    ///
    /// - Throws: ``PlanningInputError`` when `firstMonth` is outside `[0, 1]` or `fullFromMonth`
    ///   is below 1.
    public static func linear(firstMonth: Double, fullFromMonth: Int) throws(PlanningInputError) -> RampCurve {
        _ = try PlanningValidation.fraction(firstMonth, name: "firstMonth")
        guard fullFromMonth >= 1 else { throw .valueNotPositive(name: "fullFromMonth") }
        return RampCurve(uncheckedProductivity: linearValues(firstMonth: firstMonth, fullFromMonth: fullFromMonth))
    }

    /// Productivity during tenure month `tenureMonth` (1 = first month); the last value of the
    /// curve beyond its end, the first value for months below 1.
    public func productivity(tenureMonth: Int) -> Double {
        let index = min(max(tenureMonth, 1), productivityByTenureMonth.count) - 1
        return productivityByTenureMonth[index]
    }

    /// Stores values already known to be valid.
    private init(uncheckedProductivity: [Double]) {
        productivityByTenureMonth = uncheckedProductivity
    }

    /// `firstMonth + (1 - firstMonth)·(t - 1)/(fullFromMonth - 1)` for `t = 1…fullFromMonth`.
    private static func linearValues(firstMonth: Double, fullFromMonth: Int) -> [Double] {
        guard fullFromMonth > 1 else { return [1] }
        let steps = Double(fullFromMonth - 1)
        return (1...fullFromMonth).map { month in
            month == fullFromMonth ? 1 : firstMonth + (1 - firstMonth) * Double(month - 1) / steps
        }
    }
}
