import Foundation

/// What the automation model predicts for one queue and one month: contacts including repeats,
/// the split between bot and humans, the human workload and the bot's cost.
///
/// Equations (FORECASTING.md, "Automation"; notation of ``AutomationInputs``):
/// - every contact is routed to the bot with probability `b`; a bot conversation ends solved (`c`),
///   closed unsolved (`f`, the customer comes back with probability `r_f`) or escalated to a human
///   (`e`); a human contact resolves the issue with probability `FCR` and otherwise comes back;
/// - contacts including repeats are the fixed point of `X = V + b·f·r_f·X + (1 - b·(c + f))·r_h·X`,
///   that is `X = V / (1 - b·f·r_f - (1 - b·(c + f))·r_h)` (the sum of the repeat generations
///   `V·q^k` with `q = b·f·r_f + (1 - b·(c + f))·r_h`);
/// - human contacts `H = (1 - b·(c + f))·X` = direct `(1 - b)·X` + escalated `b·e·X`;
/// - handle time `direct·AHT + escalated·AHT·κ`, effective AHT = handle time / `H`; agent time
///   divides by the concurrency;
/// - issues end solved by the bot (`b·c·X`), solved by a human (`FCR·H`) or dropped by a customer
///   after a false containment (`b·f·(1 - r_f)·X`); the three add up to `V`.
///
/// Abandonment in the human queue does not change the contact volume (abandoned customers are
/// assumed to retry within the month); it enters the ``qualityScore(abandonmentRate:asaSeconds:weights:)``.
public struct AutomationOutcome: Sendable, Hashable {
    /// The inputs the outcome was computed from (the assumptions used).
    public let inputs: AutomationInputs
    /// Contacts including repeats, `X`.
    public let contacts: Double
    /// Contacts per issue, `X / V = 1 / (1 - b·f·r_f - (1 - b·(c + f))·r_h)`; defined even when
    /// `V = 0`. Above 1 by the repeats, which are failures: a quality signal in itself.
    public let contactsPerIssue: Double
    /// Bot conversations `b·X`.
    public let botConversations: Double
    /// Bot conversations that solved the issue (true containment), `b·c·X`.
    public let botResolvedContacts: Double
    /// Bot conversations closed without solving the issue (false containment), `b·f·X`.
    public let falselyContainedContacts: Double
    /// Contacts routed straight to a human, `(1 - b)·X`.
    public let directHumanContacts: Double
    /// Bot conversations escalated to a human, `b·e·X`.
    public let escalatedContacts: Double
    /// Human contacts `H` = direct + escalated.
    public let humanContacts: Double
    /// Effective human AHT, in seconds of conversation: `(direct·AHT + escalated·AHT·κ) / H`,
    /// computed from the shares of `X` so that it is defined when `V = 0`. Equals the direct AHT
    /// when no contact reaches a human.
    public let effectiveAHTSeconds: Double
    /// Agent time per human contact, in seconds: effective AHT / concurrency. This is the handle
    /// time to give a ``QueueScenario`` for the human queue.
    public let agentSecondsPerHumanContact: Double
    /// Human workload in agent-seconds: `(direct·AHT + escalated·AHT·κ) / concurrency`.
    public let humanWorkloadSeconds: Double
    /// Human workload in FTE: workload hours / productive hours per FTE per month (pure workload,
    /// without the idle time a service-level target needs).
    public let humanWorkloadFTE: Double
    /// FTE-equivalent handled by automation: the human workload the bot-resolved contacts
    /// (`b·c·X`) would have needed at the direct AHT and the queue's concurrency, in FTE.
    public let fteEquivalentHandledByAutomation: Double
    /// The same for every conversation the bot closed, false containment included (`b·(c + f)·X`):
    /// the figure vendors usually announce, which counts unsolved issues as work saved.
    public let fteEquivalentClosedByAutomation: Double
    /// Issues solved by the bot, `b·c·X`.
    public let issuesResolvedByBot: Double
    /// Issues solved by a human, `FCR·H`.
    public let issuesResolvedByHumans: Double
    /// Issues dropped after a false containment (the customer did not come back),
    /// `b·f·(1 - r_f)·X`.
    public let issuesDroppedAfterFalseContainment: Double
    /// Cost of the bot conversations, `b·X × cost per conversation`, unrounded.
    public let botCost: Decimal

    /// Evaluates the automation model (see the type's documentation for the equations).
    public init(_ inputs: AutomationInputs) {
        let volume = inputs.newIssues
        let botShare = inputs.botFirstShare
        let aht = inputs.humanAHTSeconds
        let contactsPerIssue = 1 / inputs.repeatDenominator
        let contacts = volume * contactsPerIssue
        let direct = (1 - botShare) * contacts
        let escalated = botShare * inputs.escalation * contacts
        let human = direct + escalated
        let handleSeconds = direct * aht + escalated * aht * inputs.escalationAHTMultiplier
        // From the shares of X, so that it is defined for an empty month and exact without escalations.
        let directShare = 1 - botShare
        let escalatedShare = botShare * inputs.escalation
        let humanShare = directShare + escalatedShare
        let effectiveAHT = humanShare > 0
            ? aht * (directShare + escalatedShare * inputs.escalationAHTMultiplier) / humanShare
            : aht
        let secondsPerFTE = inputs.productiveHoursPerFTEMonth * 3_600
        let agentSecondsPerDirectContact = aht / inputs.concurrency

        self.inputs = inputs
        self.contacts = contacts
        self.contactsPerIssue = contactsPerIssue
        botConversations = botShare * contacts
        botResolvedContacts = botShare * inputs.trueContainment * contacts
        falselyContainedContacts = botShare * inputs.falseContainment * contacts
        directHumanContacts = direct
        escalatedContacts = escalated
        humanContacts = human
        effectiveAHTSeconds = effectiveAHT
        agentSecondsPerHumanContact = effectiveAHT / inputs.concurrency
        humanWorkloadSeconds = handleSeconds / inputs.concurrency
        humanWorkloadFTE = humanWorkloadSeconds / secondsPerFTE
        fteEquivalentHandledByAutomation = botResolvedContacts * agentSecondsPerDirectContact / secondsPerFTE
        fteEquivalentClosedByAutomation =
            (botResolvedContacts + falselyContainedContacts) * agentSecondsPerDirectContact / secondsPerFTE
        issuesResolvedByBot = botResolvedContacts
        issuesResolvedByHumans = inputs.humanFirstContactResolution * human
        issuesDroppedAfterFalseContainment = falselyContainedContacts * (1 - inputs.repeatAfterFalseContainment)
        botCost = Decimal(botConversations) * inputs.botCostPerConversation
    }

    /// Issues resolved: by the bot plus by humans, `b·c·X + FCR·H` (every new issue except those
    /// dropped after a false containment). The denominator of the cost per resolved issue.
    public var resolvedIssues: Double { issuesResolvedByBot + issuesResolvedByHumans }

    /// The quality score of this outcome given the service the human queue delivers.
    ///
    /// Each contact (repeats included) counts once, with the satisfaction of its outcome:
    /// bot conversations as bot resolved (`c`) or false containment (`f`); escalated
    /// conversations (`e`) as escalated then resolved, or abandoned with probability
    /// `abandonmentRate`; direct human contacts as human resolved, or abandoned with probability
    /// `abandonmentRate`. Human contacts that do not resolve the issue keep the satisfaction of
    /// their path (no weight is published for them); their cost shows in the repeat contacts and
    /// ``contactsPerIssue``. The score is the contact-weighted mean satisfaction minus
    /// `weights.waitPenaltyPerMinute` per minute of ASA, clamped to `[0, 1]`.
    ///
    /// The outcome shares do not depend on `V`, so the score is defined for an empty month.
    ///
    /// - Parameters:
    ///   - abandonmentRate: share of human contacts abandoned in the queue, in `[0, 1]`
    ///     (from the service outcome).
    ///   - asaSeconds: average speed of answer of the human queue, in seconds (from the service
    ///     outcome).
    ///   - weights: satisfaction by outcome and wait penalty; ``QualityWeights/standard`` by default.
    /// - Throws: ``PlanningInputError`` for an abandonment rate outside `[0, 1]` or a negative or
    ///   non-finite ASA.
    public func qualityScore(
        abandonmentRate: Double,
        asaSeconds: Double,
        weights: QualityWeights = .standard
    ) throws(PlanningInputError) -> QualityScore {
        let abandoned = try PlanningValidation.fraction(abandonmentRate, name: "abandonmentRate")
        let asa = try PlanningValidation.nonNegative(asaSeconds, name: "asaSeconds")
        let botShare = inputs.botFirstShare
        let answered = 1 - abandoned
        let satisfaction =
            botShare * inputs.trueContainment * weights.botResolved
            + botShare * inputs.falseContainment * weights.falseContainment
            + botShare * inputs.escalation * (answered * weights.escalatedThenResolved + abandoned * weights.abandoned)
            + (1 - botShare) * (answered * weights.humanResolved + abandoned * weights.abandoned)
        let penalty = weights.waitPenaltyPerMinute * asa / 60
        return QualityScore(
            meanSatisfaction: satisfaction,
            waitPenalty: penalty,
            value: min(1, max(0, satisfaction - penalty))
        )
    }
}
