/// The `inputs` object of a golden case (see the fixture's `schema` key).
struct GoldenInputs: Decodable, Sendable {
    let calls: Double
    let intervalSeconds: Double
    let ahtSeconds: Double
    let answerTimeSeconds: Double
    let agents: Int?
    let targetServiceLevel: Double?
    let maximumAgents: Int?
    let patienceSeconds: Double?
    let maximumAbandonRate: Double?

    enum CodingKeys: String, CodingKey {
        case calls
        case intervalSeconds = "interval_s"
        case ahtSeconds = "aht_s"
        case answerTimeSeconds = "answer_time_s"
        case agents
        case targetServiceLevel = "target_sl"
        case maximumAgents = "max_agents"
        case patienceSeconds = "patience_s"
        case maximumAbandonRate = "max_abandon"
    }
}
