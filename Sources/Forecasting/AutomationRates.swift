/// The automation equations of ``AutomationOutcome`` in plain `Double`s, for the Monte Carlo's hot
/// path (no validation, no `Decimal`). Same formulas (FORECASTING.md, "Automation").
struct AutomationRates {
    /// Contacts including repeats `X`.
    var contacts: Double
    /// Human contacts `H`.
    var humanContacts: Double
    /// Agent-seconds per human contact: effective AHT / concurrency.
    var agentSeconds: Double
    /// Bot conversations `b·X`.
    var botConversations: Double
    /// Issues resolved, `b·c·X + FCR·H`.
    var resolvedIssues: Double
    /// Bot-first share, true and false containment used.
    var botShare: Double
    var trueContainment: Double
    var falseContainment: Double

    /// Evaluates the model for `inputs` with new issues, true and false containment and the
    /// direct AHT replaced by the given values.
    init(_ inputs: AutomationInputs, newIssues: Double, trueContainment: Double, falseContainment: Double, ahtSeconds: Double) {
        let botShare = inputs.botFirstShare
        let escalation = max(0, 1 - trueContainment - falseContainment)
        let denominator = 1 - botShare * falseContainment * inputs.repeatAfterFalseContainment
            - (1 - botShare * (trueContainment + falseContainment)) * (1 - inputs.humanFirstContactResolution)
        let contacts = newIssues / max(denominator, 1e-9)
        let directShare = 1 - botShare
        let escalatedShare = botShare * escalation
        let humanShare = directShare + escalatedShare
        let effectiveAHT = humanShare > 0
            ? ahtSeconds * (directShare + escalatedShare * inputs.escalationAHTMultiplier) / humanShare
            : ahtSeconds
        self.contacts = contacts
        humanContacts = humanShare * contacts
        agentSeconds = effectiveAHT / inputs.concurrency
        botConversations = botShare * contacts
        resolvedIssues = botShare * trueContainment * contacts + inputs.humanFirstContactResolution * humanShare * contacts
        self.botShare = botShare
        self.trueContainment = trueContainment
        self.falseContainment = falseContainment
    }

    /// The quality score (``AutomationOutcome/qualityScore(abandonmentRate:asaSeconds:weights:)``).
    func quality(abandonmentRate: Double, asaSeconds: Double, weights: QualityWeights) -> Double {
        let answered = 1 - abandonmentRate
        let escalation = max(0, 1 - trueContainment - falseContainment)
        let satisfaction = botShare * trueContainment * weights.botResolved
            + botShare * falseContainment * weights.falseContainment
            + botShare * escalation * (answered * weights.escalatedThenResolved + abandonmentRate * weights.abandoned)
            + (1 - botShare) * (answered * weights.humanResolved + abandonmentRate * weights.abandoned)
        return min(1, max(0, satisfaction - weights.waitPenaltyPerMinute * asaSeconds / 60))
    }
}
