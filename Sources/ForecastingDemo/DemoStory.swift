import Forecasting
import Foundation

/// The chat queue of FORECASTING.md, "The story as demo data": 2.3 million chats a month, every
/// chat meeting the bot first, true containment 0.55, false containment 0.12, human chat AHT
/// 11 minutes at concurrency 3, 80 % answered within 60 s.
struct DemoStory {
    /// Months projected.
    static let months = 18
    /// Chats in the first month, repeats included, with the bot live.
    static let chats = 2_300_000.0
    /// True containment `c`.
    static let trueContainment = 0.55
    /// False containment `f`.
    static let falseContainment = 0.12
    /// Human chat AHT, in seconds of conversation.
    static let ahtSeconds = 11.0 * 60
    /// Chats one agent serves at once.
    static let concurrency = 3.0

    /// The chat queue: open around the clock on the standard support curve, 80 % within 60 s.
    let service: ServiceQueue
    /// The prices: base salary, benefits and hiring cost.
    let rates: CostRates
    /// New issues per month: the chats divided by the model's contacts per issue with the bot live.
    let newIssues: Double

    /// Builds the queue, the prices and the monthly issues.
    init() throws {
        service = try ServiceQueue(answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8))
        rates = try CostRates(annualBaseSalary: 40_000, benefitsRate: Decimal(string: "0.25")!, hiringCostPerHire: 4_000)
        let perIssue = AutomationOutcome(try Self.inputs(newIssues: 1, botFirstShare: 1)).contactsPerIssue
        newIssues = Self.chats / perIssue
    }

    /// The month's automation inputs for `newIssues` issues at bot-first share `botFirstShare`.
    static func inputs(newIssues: Double, botFirstShare: Double) throws -> AutomationInputs {
        try AutomationInputs(
            newIssues: newIssues, botFirstShare: botFirstShare, trueContainment: trueContainment,
            falseContainment: falseContainment, humanAHTSeconds: ahtSeconds,
            botCostPerConversation: Decimal(string: "0.10")!, concurrency: concurrency
        )
    }

    /// The demo month's automation inputs at bot-first share `botFirstShare`.
    func inputs(botFirstShare: Double) throws -> AutomationInputs {
        try Self.inputs(newIssues: newIssues, botFirstShare: botFirstShare)
    }

    /// One month with the same issues and no bot: the month the workforce was sized for.
    func preAutomationMonth() throws -> ProjectionMonth {
        let plan = try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 36, headcount: 1)], months: 1)
        let model = try ProjectionModel(
            queues: [ProjectedQueue(service: service, automation: [try inputs(botFirstShare: 0)])],
            pools: [WorkforcePool(plan: plan)], rates: rates
        )
        return try model.project()[0]
    }

    /// A scenario: `headcount` tenured agents, an optional cut of `reduction` agents, attrition
    /// backfilled one for one at the level `held` (hires ordered each month), and an optional
    /// rehire order (after which the backfill holds `held + hires`).
    func model(headcount: Double, reductionMonth: Int?, reduction: Double, held: Double, rehire: (month: Int, hires: Double)?) throws -> ProjectionModel {
        let rate = ExpectedAttrition.standard.monthlyRate
                var hires = [Double](repeating: held * rate, count: Self.months)
        var reductions = [Double](repeating: 0, count: Self.months)
        if let reductionMonth { reductions[reductionMonth] = reduction }
        if let rehire {
            hires[rehire.month] += rehire.hires
            let rehired = held + rehire.hires
            for month in (rehire.month + 1)..<Self.months { hires[month] = rehired * rate }
        }
        let plan = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 36, headcount: headcount)], months: Self.months,
            hiresOrdered: hires, reductions: reductions
        )
        let automation = try (0..<Self.months).map { _ in try inputs(botFirstShare: 1) }
        return try ProjectionModel(
            queues: [ProjectedQueue(service: service, automation: automation)], pools: [WorkforcePool(plan: plan)], rates: rates
        )
    }
}
