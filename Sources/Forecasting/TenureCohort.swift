/// Agents who joined in the same month: their completed months of service and their headcount.
///
/// Headcount is in full-time equivalents and may be fractional: the deterministic projection
/// carries expected values (see ``WorkforceProjection``).
public struct TenureCohort: Sendable, Hashable {
    /// Completed months of service at the start of the month the cohort describes; during that
    /// month the cohort is in tenure month `tenureMonths + 1` of the ``RampCurve``.
    /// A hire in the first month on the job has 0.
    public let tenureMonths: Int
    /// Headcount of the cohort, in FTE.
    public let headcount: Double

    /// Validates and stores a cohort.
    ///
    /// - Throws: ``PlanningInputError/negativeValue(name:)`` or
    ///   ``PlanningInputError/nonFiniteValue(name:)``.
    public init(tenureMonths: Int, headcount: Double) throws(PlanningInputError) {
        guard tenureMonths >= 0 else { throw .negativeValue(name: "tenureMonths") }
        self.tenureMonths = tenureMonths
        self.headcount = try PlanningValidation.nonNegative(headcount, name: "headcount")
    }

    /// Stores values already known to be valid.
    init(uncheckedTenureMonths tenureMonths: Int, headcount: Double) {
        self.tenureMonths = tenureMonths
        self.headcount = headcount
    }
}
