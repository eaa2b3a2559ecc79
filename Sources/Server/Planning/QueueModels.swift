import Domain
import Forecasting
import Foundation
import Store

/// Turns stored queues, demand and automation settings into the forecasting engine's inputs.
enum QueueModels {
    /// Productive hours of one FTE in a month for a queue's shrinkage.
    static func productiveHours(shrinkage: Double) -> Double {
        WorkforceAssumptions.defaultPaidHoursPerFTEMonth * (1 - shrinkage)
    }

    /// The queue's service definition: calendar from operating hours and peak factor, target, patience.
    static func service(_ queue: QueueDraft) throws -> ServiceQueue {
        try forecasting { () throws(ProjectionError) in
            try service(
                serviceLevelTarget: queue.serviceLevelTarget, serviceLevelSeconds: queue.serviceLevelSeconds,
                maximumAbandonment: queue.maximumAbandonment, meanPatienceSeconds: queue.meanPatienceSeconds,
                operatingHoursPerMonth: queue.operatingHoursPerMonth, peakFactor: queue.peakFactor
            )
        }
    }

    /// The service definition from a queue's fields, for stored queues and projection snapshots alike.
    static func service(
        serviceLevelTarget: Double, serviceLevelSeconds: Int, maximumAbandonment: Double?, meanPatienceSeconds: Double,
        operatingHoursPerMonth: Double, peakFactor: Double
    ) throws(ProjectionError) -> ServiceQueue {
        let calendar = try QueueCalendar(operatingHoursPerMonth: operatingHoursPerMonth, peakFactor: peakFactor)
        let target: StaffingTarget
        do {
            target = try StaffingTarget(serviceLevel: serviceLevelTarget, maximumAbandonRate: maximumAbandonment)
        } catch {
            throw .queue(error)
        }
        return try ServiceQueue(
            answerTimeSeconds: Double(serviceLevelSeconds), target: target, patienceSeconds: meanPatienceSeconds,
            profile: calendar.profile, operatingDaysPerMonth: calendar.daysPerMonth
        )
    }

    /// The automation model's inputs of a queue for a month's new issues; no setting means no bot.
    static func automation(
        _ queue: QueueDraft, newIssues: Double, setting: AutomationSettingDraft?, botCostPerConversation: Decimal? = nil
    ) throws -> AutomationInputs {
        do {
            return try AutomationInputs(
                newIssues: newIssues,
                botFirstShare: setting?.botFirstShare ?? 0,
                trueContainment: setting?.trueContainment ?? 0,
                falseContainment: setting?.falseContainment ?? 0,
                humanAHTSeconds: queue.humanAHTSeconds,
                botCostPerConversation: botCostPerConversation ?? setting?.botCostPerConversation.amount ?? 0,
                humanFirstContactResolution: queue.humanFirstContactResolution,
                escalationAHTMultiplier: setting?.escalationAHTMultiplier ?? AutomationSettingDraft.defaultEscalationAHTMultiplier,
                concurrency: queue.concurrency,
                productiveHoursPerFTEMonth: productiveHours(shrinkage: queue.shrinkage)
            )
        } catch {
            throw DomainError.unprocessable("The queue's automation inputs are invalid: \(error.description).")
        }
    }

    /// Runs a forecasting call, turning its error into a 422 that names the problem.
    static func forecasting<T>(_ body: () throws(ProjectionError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw DomainError.unprocessable("The forecasting inputs are invalid: \(error.description).")
        }
    }
}
