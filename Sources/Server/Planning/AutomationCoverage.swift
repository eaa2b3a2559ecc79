import Domain
import Forecasting
import Foundation
import Store

/// Automation coverage of one queue in one month (``AutomationCoverage/evaluate(_:)``).
struct QueueCoverage: Sendable {
    /// The queue's stored inputs.
    let inputs: QueueMonthInputs
    /// Which demand figure was used: `actual`, `forecast` or `none`.
    let volumeSource: String
    /// New issues of the month.
    let newIssues: Double
    /// The automation model's outcome.
    let outcome: AutomationOutcome
    /// Human FTE the service-level target needs for the human contacts.
    let humanFTERequired: Double
    /// Service level the staffed FTE give.
    let serviceLevel: Double

    /// Issues the bot solved over new issues, and the workload it took over the workload with and without it
    /// in FTE terms (0 without demand): for one queue or for sums over queues.
    static func shares(
        newIssues: Double, resolvedByBot: Double, automationFTE: Double, humanWorkloadFTE: Double
    ) -> (issues: Double, workload: Double) {
        let workload = automationFTE + humanWorkloadFTE
        return (newIssues > 0 ? resolvedByBot / newIssues : 0, workload > 0 ? automationFTE / workload : 0)
    }
}

/// The coverage report: per queue, then rolled up.
enum AutomationCoverage {
    /// Evaluates one queue: the actual volume of the month when recorded, otherwise its forecast.
    static func evaluate(_ inputs: QueueMonthInputs) throws -> QueueCoverage {
        let queue = inputs.queue.fields
        let (source, volume): (String, Int64) =
            if let actual = inputs.demand?.actualVolume { ("actual", actual) }
            else if let forecast = inputs.demand?.forecastVolume { ("forecast", forecast) }
            else { ("none", 0) }
        let automation = try QueueModels.automation(queue, newIssues: Double(volume), setting: inputs.automation?.fields)
        let outcome = AutomationOutcome(automation)
        let service = try QueueModels.service(queue)
        let productive = QueueModels.productiveHours(shrinkage: queue.shrinkage)
        let evaluated = try QueueModels.forecasting { () throws(ProjectionError) in
            try ServiceOutcome(
                queue: service, humanContacts: outcome.humanContacts, agentSecondsPerContact: outcome.agentSecondsPerHumanContact,
                availableAgentHours: inputs.staffedFTE * productive, productiveHoursPerFTEMonth: productive
            )
        }
        return QueueCoverage(
            inputs: inputs, volumeSource: source, newIssues: Double(volume), outcome: outcome,
            humanFTERequired: evaluated.requiredFTE, serviceLevel: evaluated.serviceLevel
        )
    }
}
