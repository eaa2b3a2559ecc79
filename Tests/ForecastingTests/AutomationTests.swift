import Forecasting
import Foundation
import Testing

@Suite("Automation")
struct AutomationTests {
    /// Rates covering no bot, partial and full bot routing, and extreme repeat probabilities.
    static let rates: [(b: Double, c: Double, f: Double, repeatAfterFalse: Double, fcr: Double)] = [
        (0, 0.5, 0.2, 0.9, 0.75), (0.4, 0.55, 0.12, 0.9, 0.75), (1, 0.55, 0.12, 0.9, 0.75),
        (0.7, 0.3, 0.5, 1, 0.6), (1, 0, 0, 0.9, 0.2), (0.5, 0.7, 0.3, 0.5, 1),
    ]

    static func inputs(
        _ rate: (b: Double, c: Double, f: Double, repeatAfterFalse: Double, fcr: Double),
        newIssues: Double = 10_000,
        aht: Double = 420
    ) throws -> AutomationInputs {
        try AutomationInputs(
            newIssues: newIssues, botFirstShare: rate.b, trueContainment: rate.c, falseContainment: rate.f,
            humanAHTSeconds: aht, botCostPerConversation: Decimal(string: "0.10")!,
            repeatAfterFalseContainment: rate.repeatAfterFalse, humanFirstContactResolution: rate.fcr
        )
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b), 1)
    }

    @Test("The fixed point equals a brute-force iteration of repeat generations")
    func fixedPointEqualsRepeatGenerations() throws {
        for rate in Self.rates {
            let inputs = try Self.inputs(rate)
            let outcome = AutomationOutcome(inputs)
            // Follow each generation of contacts through the bot and the human queue; the issues
            // that come back form the next generation.
            var generation = inputs.newIssues
            var contacts = 0.0, bot = 0.0, human = 0.0, escalated = 0.0, resolved = 0.0, dropped = 0.0
            var rounds = 0
            while generation > 1e-9, rounds < 10_000 {
                let toBot = rate.b * generation
                let toHuman = (1 - rate.b) * generation + toBot * (1 - rate.c - rate.f)
                contacts += generation
                bot += toBot
                human += toHuman
                escalated += toBot * (1 - rate.c - rate.f)
                resolved += toBot * rate.c + toHuman * rate.fcr
                dropped += toBot * rate.f * (1 - rate.repeatAfterFalse)
                generation = toBot * rate.f * rate.repeatAfterFalse + toHuman * (1 - rate.fcr)
                rounds += 1
            }
            let context = "\(rate)"
            #expect(Self.close(outcome.contacts, contacts, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.botConversations, bot, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.humanContacts, human, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.escalatedContacts, escalated, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.resolvedIssues, resolved, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.issuesDroppedAfterFalseContainment, dropped, relative: 1e-10), "\(context)")
            #expect(Self.close(outcome.contactsPerIssue, outcome.contacts / inputs.newIssues), "\(context)")
        }
    }

    @Test("Every new issue ends resolved by the bot, resolved by a human or dropped after a false containment")
    func issuesAreConserved() throws {
        for rate in Self.rates {
            let outcome = AutomationOutcome(try Self.inputs(rate))
            let ended = outcome.issuesResolvedByBot + outcome.issuesResolvedByHumans + outcome.issuesDroppedAfterFalseContainment
            #expect(Self.close(ended, outcome.inputs.newIssues), "\(rate)")
            #expect(Self.close(outcome.humanContacts, outcome.directHumanContacts + outcome.escalatedContacts))
            #expect(Self.close(
                outcome.contacts,
                outcome.botResolvedContacts + outcome.falselyContainedContacts + outcome.humanContacts
            ))
        }
    }

    @Test("Without a bot there are no bot conversations and every contact is a human contact")
    func noBotMeansAllHumanContacts() throws {
        let outcome = AutomationOutcome(try Self.inputs((0, 0.55, 0.12, 0.9, 0.75)))
        #expect(outcome.botConversations == 0)
        #expect(outcome.botCost == 0)
        #expect(outcome.fteEquivalentHandledByAutomation == 0)
        #expect(outcome.escalatedContacts == 0)
        #expect(outcome.humanContacts == outcome.contacts)
        #expect(outcome.directHumanContacts == outcome.contacts)
        // Only human repeats remain: X = V / FCR.
        #expect(Self.close(outcome.contacts, outcome.inputs.newIssues / outcome.inputs.humanFirstContactResolution))
        #expect(outcome.effectiveAHTSeconds == outcome.inputs.humanAHTSeconds)
    }

    @Test("True plus false containment above 1 is rejected, as are rates outside [0, 1]")
    func containmentAboveOneIsRejected() {
        #expect(throws: PlanningInputError.containmentAboveOne) {
            try Self.inputs((0.5, 0.7, 0.31, 0.9, 0.75))
        }
        #expect(throws: PlanningInputError.fractionOutOfRange(name: "botFirstShare")) {
            try Self.inputs((1.2, 0.5, 0.1, 0.9, 0.75))
        }
        #expect(throws: PlanningInputError.fractionOutOfRange(name: "falseContainment")) {
            try Self.inputs((0.5, 0.5, -0.1, 0.9, 0.75))
        }
        #expect(throws: PlanningInputError.nonFiniteValue(name: "trueContainment")) {
            try Self.inputs((0.5, .nan, 0.1, 0.9, 0.75))
        }
        #expect(throws: PlanningInputError.negativeValue(name: "newIssues")) {
            try Self.inputs((0.5, 0.5, 0.1, 0.9, 0.75), newIssues: -1)
        }
        #expect(throws: PlanningInputError.valueNotPositive(name: "humanAHTSeconds")) {
            try Self.inputs((0.5, 0.5, 0.1, 0.9, 0.75), aht: 0)
        }
        #expect(throws: PlanningInputError.concurrencyBelowOne) {
            try AutomationInputs(
                newIssues: 1, botFirstShare: 0, trueContainment: 0, falseContainment: 0, humanAHTSeconds: 60,
                botCostPerConversation: 0, concurrency: 0.5
            )
        }
        #expect(throws: PlanningInputError.negativeValue(name: "botCostPerConversation")) {
            try AutomationInputs(
                newIssues: 1, botFirstShare: 0, trueContainment: 0, falseContainment: 0, humanAHTSeconds: 60,
                botCostPerConversation: -1
            )
        }
    }

    @Test("Rates under which repeats never end are rejected")
    func unboundedRepeatsAreRejected() {
        // Every bot conversation is falsely contained and always comes back.
        #expect(throws: PlanningInputError.repeatsNeverEnd) {
            try Self.inputs((1, 0, 1, 1, 0.75))
        }
        // Humans never resolve and every contact reaches a human.
        #expect(throws: PlanningInputError.repeatsNeverEnd) {
            try Self.inputs((0, 0.5, 0.2, 0.9, 0))
        }
    }

    @Test("Workload and effective AHT weight escalations by the multiplier and divide agent time by the concurrency")
    func workloadAndEffectiveAHTUseMultiplier() throws {
        let aht = 600.0, multiplier = 1.4, concurrency = 2.5
        let inputs = try AutomationInputs(
            newIssues: 50_000, botFirstShare: 0.6, trueContainment: 0.5, falseContainment: 0.1, humanAHTSeconds: aht,
            botCostPerConversation: 0, escalationAHTMultiplier: multiplier, concurrency: concurrency
        )
        let outcome = AutomationOutcome(inputs)
        let handleSeconds = outcome.directHumanContacts * aht + outcome.escalatedContacts * aht * multiplier
        #expect(Self.close(outcome.humanWorkloadSeconds, handleSeconds / concurrency))
        #expect(Self.close(outcome.effectiveAHTSeconds, handleSeconds / outcome.humanContacts))
        #expect(Self.close(outcome.agentSecondsPerHumanContact, outcome.effectiveAHTSeconds / concurrency))
        #expect(outcome.effectiveAHTSeconds > aht && outcome.effectiveAHTSeconds < aht * multiplier)
        #expect(Self.close(
            outcome.humanWorkloadFTE,
            outcome.humanWorkloadSeconds / 3_600 / WorkforceAssumptions.defaultProductiveHoursPerFTEMonth
        ))

        // All human contacts are escalations when every contact meets the bot first.
        let allBot = AutomationOutcome(try AutomationInputs(
            newIssues: 50_000, botFirstShare: 1, trueContainment: 0.5, falseContainment: 0.1, humanAHTSeconds: aht,
            botCostPerConversation: 0, escalationAHTMultiplier: multiplier
        ))
        #expect(Self.close(allBot.effectiveAHTSeconds, aht * multiplier))
        #expect(allBot.directHumanContacts == 0)
    }

    @Test("The FTE-equivalent of automation is the bot-resolved contacts' human workload")
    func fteEquivalentIsBotResolvedWorkload() throws {
        let hours = 150.0
        let inputs = try AutomationInputs(
            newIssues: 80_000, botFirstShare: 0.8, trueContainment: 0.5, falseContainment: 0.2, humanAHTSeconds: 480,
            botCostPerConversation: Decimal(string: "0.25")!, concurrency: 2, productiveHoursPerFTEMonth: hours
        )
        let outcome = AutomationOutcome(inputs)
        let resolvedWorkloadHours = outcome.botResolvedContacts * 480 / 2 / 3_600
        #expect(Self.close(outcome.fteEquivalentHandledByAutomation, resolvedWorkloadHours / hours))
        #expect(outcome.fteEquivalentClosedByAutomation > outcome.fteEquivalentHandledByAutomation)
        #expect(outcome.botCost == Decimal(outcome.botConversations) * Decimal(string: "0.25")!)
    }

    @Test("The quality score is the contact-weighted satisfaction minus the wait penalty, clamped to [0, 1]")
    func qualityScoreWeightsAndWaitPenalty() throws {
        let weights = QualityWeights.standard
        // Humans only, nobody abandons, no wait: the human-resolved satisfaction.
        let human = AutomationOutcome(try Self.inputs((0, 0.5, 0.2, 0.9, 0.75)))
        #expect(try human.qualityScore(abandonmentRate: 0, asaSeconds: 0).value == weights.humanResolved)
        // Two minutes of ASA cost two penalties.
        let waited = try human.qualityScore(abandonmentRate: 0, asaSeconds: 120)
        #expect(Self.close(waited.waitPenalty, 2 * weights.waitPenaltyPerMinute))
        #expect(Self.close(waited.value, weights.humanResolved - 2 * weights.waitPenaltyPerMinute))
        // Abandoned contacts get the abandoned satisfaction.
        let abandoning = try human.qualityScore(abandonmentRate: 0.1, asaSeconds: 0)
        #expect(Self.close(abandoning.value, 0.9 * weights.humanResolved + 0.1 * weights.abandoned))
        // A long wait cannot push the score below zero.
        #expect(try human.qualityScore(abandonmentRate: 0.5, asaSeconds: 6_000).value == 0)

        // Each outcome gets its weight: isolate them with distinct custom weights.
        let custom = try QualityWeights(
            humanResolved: 0.9, botResolved: 0.7, escalatedThenResolved: 0.5, falseContainment: 0.3, abandoned: 0.1,
            waitPenaltyPerMinute: 0.02
        )
        let rate = (b: 0.6, c: 0.5, f: 0.2, repeatAfterFalse: 0.9, fcr: 0.75)
        let mixed = AutomationOutcome(try Self.inputs(rate))
        let abandon = 0.04
        let expected = rate.b * rate.c * 0.7 + rate.b * rate.f * 0.3
            + rate.b * (1 - rate.c - rate.f) * ((1 - abandon) * 0.5 + abandon * 0.1)
            + (1 - rate.b) * ((1 - abandon) * 0.9 + abandon * 0.1)
        let score = try mixed.qualityScore(abandonmentRate: abandon, asaSeconds: 45, weights: custom)
        #expect(Self.close(score.meanSatisfaction, expected))
        #expect(Self.close(score.value, expected - 0.02 * 45 / 60))

        // The score does not depend on the volume: an empty month is scored too.
        let empty = AutomationOutcome(try Self.inputs(rate, newIssues: 0))
        #expect(try empty.qualityScore(abandonmentRate: abandon, asaSeconds: 45, weights: custom) == score)

        #expect(throws: PlanningInputError.fractionOutOfRange(name: "abandonmentRate")) {
            try mixed.qualityScore(abandonmentRate: 1.5, asaSeconds: 0)
        }
        #expect(throws: PlanningInputError.negativeValue(name: "asaSeconds")) {
            try mixed.qualityScore(abandonmentRate: 0, asaSeconds: -1)
        }
        #expect(throws: PlanningInputError.fractionOutOfRange(name: "botResolved")) {
            try QualityWeights(botResolved: 1.1)
        }
    }

    @Test("The default quality weights are those of FORECASTING.md")
    func defaultQualityWeights() throws {
        let weights = QualityWeights.standard
        #expect(weights == (try QualityWeights()))
        #expect(weights.humanResolved == 0.85)
        #expect(weights.botResolved == 0.80)
        #expect(weights.escalatedThenResolved == 0.65)
        #expect(weights.falseContainment == 0.20)
        #expect(weights.abandoned == 0.05)
        #expect(weights.waitPenaltyPerMinute == 0.01)
    }
}
