import Forecasting
import Foundation

/// Small projections for the decision tests: one voice queue with a bot in front, served by one
/// pool, over a short horizon.
enum DecisionFixtures {
    /// Months of the fixtures.
    static let months = 8

    /// The voice queue: open 8:00–20:00, 80 % in 20 s.
    static func voiceQueue() throws -> ServiceQueue {
        let businessHours = try IntradayProfile.standardSupport(openingHour: 8, closingHour: 20)
        return try ServiceQueue(answerTimeSeconds: 20, target: try StaffingTarget(serviceLevel: 0.8), profile: businessHours)
    }

    /// Automation inputs growing 3 % a month from `volume` new issues.
    static func automation(volume: Double = 40_000, botShare: Double = 0.4) throws -> [AutomationInputs] {
        try (0..<months).map { month in
            try AutomationInputs(
                newIssues: volume * pow(1.03, Double(month)), botFirstShare: botShare, trueContainment: 0.5,
                falseContainment: 0.1, humanAHTSeconds: 300, botCostPerConversation: Decimal(string: "0.5")!
            )
        }
    }

    /// The model with `headcount` tenured agents and `hires` ordered every month.
    static func model(headcount: Double = 60, hires: [Double] = []) throws -> ProjectionModel {
        let plan = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 24, headcount: headcount)], months: months, hiresOrdered: hires
        )
        return try ProjectionModel(
            queues: [ProjectedQueue(service: try voiceQueue(), automation: try automation())],
            pools: [WorkforcePool(plan: plan)],
            rates: try CostRates(annualBaseSalary: 42_000, benefitsRate: 0.25, hiringCostPerHire: 4_000)
        )
    }
}
