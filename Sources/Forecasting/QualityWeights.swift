/// Satisfaction by contact outcome, in `[0, 1]`, and the penalty per minute of waiting, used by
/// ``AutomationOutcome/qualityScore(abandonmentRate:asaSeconds:weights:)``.
///
/// Defaults (FORECASTING.md, "Automation"): human resolved 0.85, bot resolved 0.80, escalated
/// then resolved 0.65, false containment 0.20, abandoned 0.05; 0.01 per minute of ASA. They are
/// assumptions: no published model links containment to satisfaction, so calibrate them on your
/// own survey data.
public struct QualityWeights: Sendable, Hashable {
    /// The default weights listed in the type's documentation.
    public static let standard = QualityWeights(
        uncheckedHumanResolved: 0.85, botResolved: 0.80, escalatedThenResolved: 0.65,
        falseContainment: 0.20, abandoned: 0.05, waitPenaltyPerMinute: 0.01
    )

    /// Satisfaction of a contact a human handled directly.
    public let humanResolved: Double
    /// Satisfaction of a bot conversation that solved the issue.
    public let botResolved: Double
    /// Satisfaction of a bot conversation escalated to a human.
    public let escalatedThenResolved: Double
    /// Satisfaction of a bot conversation closed without solving the issue.
    public let falseContainment: Double
    /// Satisfaction of a contact abandoned in the human queue.
    public let abandoned: Double
    /// Score subtracted per minute of average speed of answer, at least zero.
    public let waitPenaltyPerMinute: Double

    /// Validates and stores the weights; every argument defaults to its ``standard`` value.
    ///
    /// - Throws: ``PlanningInputError/fractionOutOfRange(name:)`` for a satisfaction outside
    ///   `[0, 1]`, ``PlanningInputError/negativeValue(name:)`` or
    ///   ``PlanningInputError/nonFiniteValue(name:)`` for an invalid penalty.
    public init(
        humanResolved: Double = QualityWeights.standard.humanResolved,
        botResolved: Double = QualityWeights.standard.botResolved,
        escalatedThenResolved: Double = QualityWeights.standard.escalatedThenResolved,
        falseContainment: Double = QualityWeights.standard.falseContainment,
        abandoned: Double = QualityWeights.standard.abandoned,
        waitPenaltyPerMinute: Double = QualityWeights.standard.waitPenaltyPerMinute
    ) throws(PlanningInputError) {
        self.humanResolved = try PlanningValidation.fraction(humanResolved, name: "humanResolved")
        self.botResolved = try PlanningValidation.fraction(botResolved, name: "botResolved")
        self.escalatedThenResolved = try PlanningValidation.fraction(escalatedThenResolved, name: "escalatedThenResolved")
        self.falseContainment = try PlanningValidation.fraction(falseContainment, name: "falseContainment")
        self.abandoned = try PlanningValidation.fraction(abandoned, name: "abandoned")
        self.waitPenaltyPerMinute = try PlanningValidation.nonNegative(waitPenaltyPerMinute, name: "waitPenaltyPerMinute")
    }

    /// Stores values already known to be valid.
    private init(
        uncheckedHumanResolved humanResolved: Double, botResolved: Double, escalatedThenResolved: Double,
        falseContainment: Double, abandoned: Double, waitPenaltyPerMinute: Double
    ) {
        self.humanResolved = humanResolved
        self.botResolved = botResolved
        self.escalatedThenResolved = escalatedThenResolved
        self.falseContainment = falseContainment
        self.abandoned = abandoned
        self.waitPenaltyPerMinute = waitPenaltyPerMinute
    }
}
