/// The assumptions of the workforce-supply projection other than attrition (which is supplied as
/// an ``AttritionModel``), each with a documented default.
///
/// Defaults and their sources (FORECASTING.md, "Workforce supply"):
/// - lead time 2 months: about 34 days to fill a contact-centre position plus initial training;
/// - ramp: ``RampCurve/standard`` (0.53 in month 1, linear to 1.0 by month 9);
/// - shrinkage 0.30: paid time not available for contacts (leave, sickness, training, meetings),
///   reported at 20–35 %;
/// - paid hours per FTE per month 173.3 = 40 h × 52 weeks / 12.
public struct WorkforceAssumptions: Sendable, Hashable {
    /// Default months between ordering a hire and the hire's first month on the job.
    public static let defaultLeadTimeMonths = 2
    /// Default share of paid time not available for handling contacts.
    public static let defaultShrinkage = 0.30
    /// Default paid hours of one FTE in one month: 40 h × 52 / 12.
    public static let defaultPaidHoursPerFTEMonth = 40.0 * 52 / 12
    /// Productive hours of one fully productive FTE per month under the defaults:
    /// ``defaultPaidHoursPerFTEMonth`` × (1 - ``defaultShrinkage``).
    public static let defaultProductiveHoursPerFTEMonth = defaultPaidHoursPerFTEMonth * (1 - defaultShrinkage)

    /// The assumptions with every default.
    public static let standard = WorkforceAssumptions(
        uncheckedLeadTimeMonths: defaultLeadTimeMonths, ramp: .standard, shrinkage: defaultShrinkage,
        paidHoursPerFTEMonth: defaultPaidHoursPerFTEMonth
    )

    /// Hires ordered in month `m` start in month `m + leadTimeMonths`.
    public let leadTimeMonths: Int
    /// Productivity by tenure month.
    public let ramp: RampCurve
    /// Share of paid time not available for handling contacts, in `[0, 1]`.
    public let shrinkage: Double
    /// Paid hours of one FTE in one month.
    public let paidHoursPerFTEMonth: Double

    /// Validates and stores the assumptions; every argument has its documented default.
    ///
    /// - Throws: ``PlanningInputError`` for a negative lead time, a shrinkage outside `[0, 1]` or
    ///   non-positive paid hours.
    public init(
        leadTimeMonths: Int = WorkforceAssumptions.defaultLeadTimeMonths,
        ramp: RampCurve = .standard,
        shrinkage: Double = WorkforceAssumptions.defaultShrinkage,
        paidHoursPerFTEMonth: Double = WorkforceAssumptions.defaultPaidHoursPerFTEMonth
    ) throws(PlanningInputError) {
        guard leadTimeMonths >= 0 else { throw .negativeValue(name: "leadTimeMonths") }
        self.leadTimeMonths = leadTimeMonths
        self.ramp = ramp
        self.shrinkage = try PlanningValidation.fraction(shrinkage, name: "shrinkage")
        self.paidHoursPerFTEMonth = try PlanningValidation.positive(paidHoursPerFTEMonth, name: "paidHoursPerFTEMonth")
    }

    /// Stores values already known to be valid.
    private init(uncheckedLeadTimeMonths leadTimeMonths: Int, ramp: RampCurve, shrinkage: Double, paidHoursPerFTEMonth: Double) {
        self.leadTimeMonths = leadTimeMonths
        self.ramp = ramp
        self.shrinkage = shrinkage
        self.paidHoursPerFTEMonth = paidHoursPerFTEMonth
    }

    /// Productive hours of one fully productive FTE per month: paid hours × (1 - shrinkage).
    public var productiveHoursPerFTEMonth: Double { paidHoursPerFTEMonth * (1 - shrinkage) }
}
