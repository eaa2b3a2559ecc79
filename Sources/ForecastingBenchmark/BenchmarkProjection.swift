import Forecasting
import Foundation

/// The benchmark's projection: 20 queues (voice and chat, some automated, some open 8–20 h),
/// each staffed by its own workforce pool (the costliest case: 20 attrition simulations per draw)
/// sized to its month-0 requirement and hiring 5 % a month growing 1 % a month, over 36 months
/// with demand growing 1 % a month and a yearly seasonality.
enum BenchmarkProjection {
    static func model() throws -> ProjectionModel {
        var queues: [ProjectedQueue] = []
        var pools: [WorkforcePool] = []
        let businessHours = try IntradayProfile.standardSupport(openingHour: 8, closingHour: 20)
        for index in 0..<20 {
            let isChat = index % 3 == 0
            let volume = 15_000.0 + Double(index) * 18_000
            let aht = isChat ? 600.0 : 240 + Double(index % 5) * 60
            let botShare = index % 4 == 0 ? 0 : 0.3 + Double(index % 4) * 0.2
            let service = try ServiceQueue(
                answerTimeSeconds: isChat ? 60 : 20,
                target: try StaffingTarget(serviceLevel: 0.8),
                patienceSeconds: isChat ? 300 : 180,
                profile: index % 2 == 0 ? .standardSupport : businessHours
            )
            let automation = try (0..<36).map { month in
                let seasonal = 1 + 0.08 * sin(Double(month) * 2 * Double.pi / 12)
                return try AutomationInputs(
                    newIssues: volume * pow(1.01, Double(month)) * seasonal, botFirstShare: botShare,
                    trueContainment: 0.45, falseContainment: 0.1, humanAHTSeconds: aht,
                    botCostPerConversation: Decimal(string: "0.10")!, concurrency: isChat ? 2.5 : 1
                )
            }
            let first = AutomationOutcome(automation[0])
            let requirement = try ServiceOutcome(
                queue: service, humanContacts: first.humanContacts, agentSecondsPerContact: first.agentSecondsPerHumanContact,
                availableAgentHours: 0, productiveHoursPerFTEMonth: WorkforceAssumptions.defaultProductiveHoursPerFTEMonth
            )
            let heads = requirement.requiredFTE * 1.03
            let plan = try WorkforcePlan(
                startingCohorts: [try TenureCohort(tenureMonths: 24, headcount: heads.rounded())],
                months: 36,
                hiresOrdered: (0..<36).map { (heads * 0.05 * pow(1.01, Double($0))).rounded() }
            )
            pools.append(WorkforcePool(plan: plan))
            queues.append(ProjectedQueue(service: service, automation: automation, pool: index))
        }
        return try ProjectionModel(
            queues: queues, pools: pools,
            rates: try CostRates(annualBaseSalary: 42_000, benefitsRate: 0.22, payrollTaxRate: 0.0765, hiringCostPerHire: 4_000)
        )
    }
    /// `count` copies of a large chat queue (2.3 million issues a month, two-thirds first handled by a bot, 11
    /// minutes per human contact), each with its own pool sized to its month-0 requirement, over `months` months:
    /// the case where building the service surfaces, before the first draw, dominates a projection.
    static func largeQueues(count: Int, months: Int = 24) throws -> ProjectionModel {
        try queues(count: count, months: months, hours: 720, peak: 1.4, answerSeconds: 60, target: 0.8, patience: 300) { month in
            try AutomationInputs(
                newIssues: 2_300_000 * pow(1.005, Double(month)), botFirstShare: 0.67, trueContainment: 0.75,
                falseContainment: 0.08, humanAHTSeconds: 660, botCostPerConversation: Decimal(string: "0.05")!, concurrency: 1.5
            )
        }
    }

    /// `count` email queues answered within a day (200,000 issues a month, patience three days, 10 minutes per
    /// contact, half first handled by a bot).
    static func emailQueues(count: Int, months: Int = 24) throws -> ProjectionModel {
        try queues(count: count, months: months, hours: 360, peak: 1.2, answerSeconds: 86_400, target: 0.9, patience: 259_200) { month in
            try AutomationInputs(
                newIssues: 200_000 * pow(1.005, Double(month)), botFirstShare: 0.5, trueContainment: 0.35,
                falseContainment: 0.05, humanAHTSeconds: 600, botCostPerConversation: Decimal(string: "0.05")!
            )
        }
    }

    private static func queues(
        count: Int, months: Int, hours: Double, peak: Double, answerSeconds: Double, target: Double, patience: Double,
        automation monthInputs: (Int) throws -> AutomationInputs
    ) throws -> ProjectionModel {
        var queues: [ProjectedQueue] = []
        var pools: [WorkforcePool] = []
        let calendar = try QueueCalendar(operatingHoursPerMonth: hours, peakFactor: peak)
        for index in 0..<count {
            let service = try ServiceQueue(
                answerTimeSeconds: answerSeconds, target: try StaffingTarget(serviceLevel: target), patienceSeconds: patience,
                profile: calendar.profile, operatingDaysPerMonth: calendar.daysPerMonth
            )
            let automation = try (0..<months).map(monthInputs)
            let first = AutomationOutcome(automation[0])
            let requirement = try ServiceOutcome(
                queue: service, humanContacts: first.humanContacts, agentSecondsPerContact: first.agentSecondsPerHumanContact,
                availableAgentHours: 0, productiveHoursPerFTEMonth: WorkforceAssumptions.defaultProductiveHoursPerFTEMonth
            )
            let plan = try WorkforcePlan(
                startingCohorts: [try TenureCohort(tenureMonths: 24, headcount: requirement.requiredFTE.rounded())], months: months
            )
            pools.append(WorkforcePool(plan: plan))
            queues.append(ProjectedQueue(service: service, automation: automation, pool: index))
        }
        return try ProjectionModel(
            queues: queues, pools: pools,
            rates: try CostRates(annualBaseSalary: 42_000, benefitsRate: 0.22, payrollTaxRate: 0.0765, hiringCostPerHire: 4_000)
        )
    }
}
