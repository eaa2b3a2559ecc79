import Forecasting
import Foundation
import Testing

/// The demo of FORECASTING.md, "The story as demo data": a chat queue of 2.3 million chats a month,
/// every chat meeting the bot first, c = 0.55, f = 0.12, human chat AHT 11 minutes at concurrency 3.
@Suite("Demo story")
struct DemoStoryTests {
    static let chats = 2_300_000.0
    static let botFirstShare = 1.0
    static let trueContainment = 0.55
    static let falseContainment = 0.12
    static let ahtSeconds = 11.0 * 60
    static let concurrency = 3.0

    static func inputs(newIssues: Double, botFirstShare: Double = botFirstShare) throws -> AutomationInputs {
        try AutomationInputs(
            newIssues: newIssues, botFirstShare: botFirstShare, trueContainment: trueContainment,
            falseContainment: falseContainment, humanAHTSeconds: ahtSeconds,
            botCostPerConversation: Decimal(string: "0.10", locale: Locale(identifier: "en_US_POSIX"))!,
            concurrency: concurrency
        )
    }

    /// The month whose contacts, repeats included, are the 2.3 million chats: new issues are the
    /// chats divided by the model's own contacts per issue.
    static func february() throws -> AutomationOutcome {
        let perIssue = AutomationOutcome(try inputs(newIssues: 1)).contactsPerIssue
        return AutomationOutcome(try inputs(newIssues: chats / perIssue))
    }

    @Test("The demo month: every chat meets the bot, and automation takes the work of hundreds of agents")
    func demoMonthRelations() throws {
        let month = try Self.february()
        #expect(abs(month.contacts - Self.chats) <= 1e-9 * Self.chats)
        #expect(month.botConversations == month.contacts)
        #expect(month.directHumanContacts == 0)
        // Humans see only escalations, a third of the chats, at the escalation AHT.
        let escalation = 1 - Self.trueContainment - Self.falseContainment
        #expect(abs(month.humanContacts - escalation * month.contacts) <= 1e-9 * month.contacts)
        #expect(abs(month.effectiveAHTSeconds - Self.ahtSeconds * month.inputs.escalationAHTMultiplier) < 1e-9)
        #expect(month.agentSecondsPerHumanContact == month.effectiveAHTSeconds / Self.concurrency)
        // The bot's share of the work is worth hundreds of full-time agents; counting false
        // containment as work saved inflates it.
        #expect(month.fteEquivalentHandledByAutomation >= 100 && month.fteEquivalentHandledByAutomation < 1_000)
        #expect(month.fteEquivalentClosedByAutomation > month.fteEquivalentHandledByAutomation)
        #expect(month.fteEquivalentClosedByAutomation < 1_000)
        // Repeats are the price of false containment: more than one contact per issue.
        #expect(month.contactsPerIssue > 1)
        #expect(month.botCost == Decimal(month.botConversations) * month.inputs.botCostPerConversation)
    }

    @Test("Against an all-human month with the same issues, the bot cuts human workload but lowers quality")
    func demoAgainstAllHuman() throws {
        let month = try Self.february()
        let allHuman = AutomationOutcome(try Self.inputs(newIssues: month.inputs.newIssues, botFirstShare: 0))
        #expect(month.humanWorkloadFTE < allHuman.humanWorkloadFTE)
        #expect(month.humanContacts < allHuman.humanContacts)
        let automated = try month.qualityScore(abandonmentRate: 0.02, asaSeconds: 60)
        let human = try allHuman.qualityScore(abandonmentRate: 0.02, asaSeconds: 60)
        #expect(automated.value < human.value)
        #expect(automated.value > 0)
    }

    @Test("A cut from 5,000 to 3,800 agents lowers labour cost and productive hours")
    func demoWorkforceCut() throws {
        let rates = try CostRates(annualBaseSalary: 40_000, benefitsRate: 0, payrollTaxRate: 0, hiringCostPerHire: 3_000)
        let cohorts = [try TenureCohort(tenureMonths: 36, headcount: 5_000)]
        let noAttrition = try ExpectedAttrition(monthlyRate: 0)
        let kept = try WorkforceProjection.project(try WorkforcePlan(startingCohorts: cohorts, months: 3), attrition: noAttrition)
        let cut = try WorkforceProjection.project(
            try WorkforcePlan(startingCohorts: cohorts, months: 3, reductions: [0, 1_200]), attrition: noAttrition
        )
        #expect(cut[2].endHeadcount == 3_800)
        #expect(cut[0] == kept[0])
        #expect(cut[1].productiveHours < kept[1].productiveHours)
        let keptCost = MonthlyCost(workforce: kept[1], automation: [], rates: rates)
        let cutCost = MonthlyCost(workforce: cut[1], automation: [], rates: rates)
        #expect(DecimalApproximation.close(keptCost.total - cutCost.total, 1_200 * rates.annualBaseSalary / 12))
    }
}
