/// Hourly metrics of one scenario by integer number of agents, each evaluated once (the service
/// surface asks for the same counts at several staffing ratios when requirements are small).
struct IntegerMetricsCache {
    let scenario: QueueScenario
    let patienceSeconds: Double
    private var known: [Int: HourMetrics] = [:]

    init(scenario: QueueScenario, patienceSeconds: Double) {
        self.scenario = scenario
        self.patienceSeconds = patienceSeconds
    }

    /// The metrics with `agents` agents, evaluated on first use.
    mutating func metrics(agents: Int) throws(ProjectionError) -> HourMetrics {
        if let metrics = known[agents] { return metrics }
        do {
            let metrics = try HourlyService.metrics(scenario, agents: agents, patienceSeconds: patienceSeconds)
            known[agents] = metrics
            return metrics
        } catch {
            throw .queue(error)
        }
    }
}
