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
        let calendar = try forecasting { () throws(ProjectionError) in
            try QueueCalendar(operatingHoursPerMonth: queue.operatingHoursPerMonth, peakFactor: queue.peakFactor)
        }
        let target: StaffingTarget
        do {
            target = try StaffingTarget(serviceLevel: queue.serviceLevelTarget, maximumAbandonRate: queue.maximumAbandonment)
        } catch {
            throw DomainError.unprocessable("The queue's service target is invalid: \(error.description).")
        }
        return try forecasting { () throws(ProjectionError) in
            try ServiceQueue(
                answerTimeSeconds: Double(queue.serviceLevelSeconds), target: target, patienceSeconds: queue.meanPatienceSeconds,
                profile: calendar.profile, operatingDaysPerMonth: calendar.daysPerMonth
            )
        }
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
