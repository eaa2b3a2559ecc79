/// The open hours of a queue's average operating day with their scenarios and fractional
/// requirements (steps 1–2 of ``ServiceOutcome``).
struct HourlyRequirement: Sendable {
    /// One scenario per open hour, in hour order.
    let scenarios: [QueueScenario]
    /// The fractional agents each open hour needs.
    let required: [Double]

    /// Required agent-hours per operating day, summed unrounded.
    var perDay: Double { required.reduce(0, +) }

    /// The requirement of a month with `humanContacts` at `agentSecondsPerContact`.
    init(queue: ServiceQueue, humanContacts: Double, agentSecondsPerContact: Double) throws(ProjectionError) {
        let dailyContacts = humanContacts / queue.operatingDaysPerMonth
        var scenarios: [QueueScenario] = []
        var required: [Double] = []
        for hour in queue.profile.openHours {
            let scenario: QueueScenario
            do {
                scenario = try HourlyService.scenario(
                    contacts: dailyContacts * queue.profile.hourlyShares[hour], agentSeconds: agentSecondsPerContact,
                    answerTimeSeconds: queue.answerTimeSeconds
                )
            } catch {
                throw .queue(error)
            }
            scenarios.append(scenario)
            required.append(try HourlyService.requiredAgents(scenario, patienceSeconds: queue.patienceSeconds, target: queue.target))
        }
        self.scenarios = scenarios
        self.required = required
    }
}
