import Foundation

/// The inputs of the automation model for one queue and one month: new issues, how the bot
/// handles them, and how the human queue handles what the bot passes on.
///
/// Notation of FORECASTING.md ("Automation"): new issues `V`, bot-first share `b`, true
/// containment `c` (the bot solved the issue), false containment `f` (the bot closed the
/// conversation without solving the issue), escalations `e = 1 - c - f`, repeat probability after
/// false containment `r_f`, human first-contact resolution `FCR` with `r_h = 1 - FCR`, escalation
/// AHT multiplier `κ`.
///
/// Defaults (FORECASTING.md; calibrate on your own data):
/// - `r_f` 0.9: a customer whose issue the bot closed unsolved almost always comes back;
/// - `FCR` 0.75: a common contact-centre first-contact resolution rate;
/// - `κ` 1.25: practitioners report a 15–40 % rise in human AHT once bots take the easy contacts;
/// - concurrency 1 (voice); chat agents serving `n` conversations at once use `n`;
/// - productive hours per FTE per month: ``WorkforceAssumptions/defaultProductiveHoursPerFTEMonth``
///   (173.3 paid hours × (1 - 0.30 shrinkage)).
public struct AutomationInputs: Sendable, Hashable {
    /// Default probability that a falsely contained issue comes back as a new contact.
    public static let defaultRepeatAfterFalseContainment = 0.9
    /// Default share of human contacts that resolve the issue.
    public static let defaultHumanFirstContactResolution = 0.75
    /// Default ratio of the AHT of escalated contacts to the AHT of direct human contacts.
    public static let defaultEscalationAHTMultiplier = 1.25

    /// New issues `V` in the month (contacts before repeats).
    public let newIssues: Double
    /// Bot-first share `b`: the share of contacts routed to the bot first, in `[0, 1]`.
    public let botFirstShare: Double
    /// True containment `c`: the share of bot conversations that solve the issue, in `[0, 1]`.
    public let trueContainment: Double
    /// False containment `f`: the share of bot conversations closed without solving the issue.
    public let falseContainment: Double
    /// Repeat probability after false containment `r_f`, in `[0, 1]`.
    public let repeatAfterFalseContainment: Double
    /// Human first-contact resolution `FCR`, in `[0, 1]`; a human contact that does not resolve
    /// the issue always comes back (`r_h = 1 - FCR`).
    public let humanFirstContactResolution: Double
    /// Average handle time of a direct human contact, in seconds (elapsed time of one
    /// conversation, not divided by concurrency).
    public let humanAHTSeconds: Double
    /// Escalation AHT multiplier `κ`: an escalated contact takes `κ × humanAHTSeconds`.
    public let escalationAHTMultiplier: Double
    /// Conversations one agent serves at once (1 for voice). Agent time per contact is
    /// `AHT / concurrency`: an approximation that ignores the slowdown of each conversation
    /// when an agent juggles several.
    public let concurrency: Double
    /// Cost of one bot conversation, in the plan's currency.
    public let botCostPerConversation: Decimal
    /// Productive hours of one FTE in the month, used to express workloads in FTE.
    public let productiveHoursPerFTEMonth: Double

    /// Validates and stores the inputs.
    ///
    /// - Throws: ``PlanningInputError/nonFiniteValue(name:)``,
    ///   ``PlanningInputError/negativeValue(name:)``, ``PlanningInputError/valueNotPositive(name:)``
    ///   or ``PlanningInputError/fractionOutOfRange(name:)`` for a value out of range;
    ///   ``PlanningInputError/containmentAboveOne`` when `c + f > 1`;
    ///   ``PlanningInputError/concurrencyBelowOne``; ``PlanningInputError/repeatsNeverEnd`` when
    ///   `1 - b·f·r_f - (1 - b·(c + f))·r_h <= 0` (contacts per issue would be unbounded).
    public init(
        newIssues: Double,
        botFirstShare: Double,
        trueContainment: Double,
        falseContainment: Double,
        humanAHTSeconds: Double,
        botCostPerConversation: Decimal,
        repeatAfterFalseContainment: Double = AutomationInputs.defaultRepeatAfterFalseContainment,
        humanFirstContactResolution: Double = AutomationInputs.defaultHumanFirstContactResolution,
        escalationAHTMultiplier: Double = AutomationInputs.defaultEscalationAHTMultiplier,
        concurrency: Double = 1,
        productiveHoursPerFTEMonth: Double = WorkforceAssumptions.defaultProductiveHoursPerFTEMonth
    ) throws(PlanningInputError) {
        self.newIssues = try PlanningValidation.nonNegative(newIssues, name: "newIssues")
        self.botFirstShare = try PlanningValidation.fraction(botFirstShare, name: "botFirstShare")
        self.trueContainment = try PlanningValidation.fraction(trueContainment, name: "trueContainment")
        self.falseContainment = try PlanningValidation.fraction(falseContainment, name: "falseContainment")
        guard trueContainment + falseContainment <= 1 else { throw .containmentAboveOne }
        self.humanAHTSeconds = try PlanningValidation.positive(humanAHTSeconds, name: "humanAHTSeconds")
        self.botCostPerConversation = try PlanningValidation.nonNegative(botCostPerConversation, name: "botCostPerConversation")
        self.repeatAfterFalseContainment = try PlanningValidation.fraction(
            repeatAfterFalseContainment, name: "repeatAfterFalseContainment"
        )
        self.humanFirstContactResolution = try PlanningValidation.fraction(
            humanFirstContactResolution, name: "humanFirstContactResolution"
        )
        self.escalationAHTMultiplier = try PlanningValidation.positive(escalationAHTMultiplier, name: "escalationAHTMultiplier")
        guard concurrency.isFinite else { throw .nonFiniteValue(name: "concurrency") }
        guard concurrency >= 1 else { throw .concurrencyBelowOne }
        self.concurrency = concurrency
        self.productiveHoursPerFTEMonth = try PlanningValidation.positive(
            productiveHoursPerFTEMonth, name: "productiveHoursPerFTEMonth"
        )
        guard repeatDenominator > 0 else { throw .repeatsNeverEnd }
    }

    /// Escalations `e = 1 - c - f`: the share of bot conversations handed to a human
    /// (never negative: `c + f <= 1` is validated; rounding is clamped at zero).
    public var escalation: Double { max(0, 1 - trueContainment - falseContainment) }

    /// Repeat probability after a human contact, `r_h = 1 - FCR`.
    public var repeatAfterHumanContact: Double { 1 - humanFirstContactResolution }

    /// `1 - b·f·r_f - (1 - b·(c + f))·r_h`: the share of contacts that do not come back, so that
    /// contacts including repeats are `X = V / repeatDenominator`.
    var repeatDenominator: Double {
        let botShare = botFirstShare
        let closedByBot = botShare * (trueContainment + falseContainment)
        return 1 - botShare * falseContainment * repeatAfterFalseContainment - (1 - closedByBot) * repeatAfterHumanContact
    }
}
