/// Decides how many agents of a cohort leave during a month.
///
/// ``WorkforceProjection`` asks once per month and cohort, in month order and, within a month,
/// from the newest cohort to the most senior. ``ExpectedAttrition`` returns expected values; a
/// Monte Carlo draw can conform with a seeded generator and return binomial draws, and a caller can
/// supply rates per month or per tenure (new hires often leave more).
public protocol AttritionModel {
    /// Leavers from a cohort during `month` (0 is the plan's first month), given its tenure month
    /// during that month (1 = first month on the job) and its headcount after the month's
    /// reductions and hires. Must be finite and within `[0, headcount]`.
    mutating func leavers(month: Int, tenureMonth: Int, headcount: Double) -> Double
}
