/// Hard limits that keep every queueing computation bounded in time and memory.
///
/// The engine is exact and stable well beyond these sizes; the limits only stop a single request
/// from running for seconds. Inputs above them are rejected with a ``QueueInputError``.
public enum QueueLimits {
    /// The largest number of agents that can be evaluated, and the implicit cap of a staffing search.
    public static let maximumAgents = 1_000_000
    /// The largest offered traffic, in Erlangs.
    public static let maximumTrafficErlangs = 1_000_000.0
    /// The largest number of queue states Erlang A sums before giving up
    /// (reached only by heavily overloaded queues whose callers almost never abandon).
    public static let maximumQueueStates = 20_000_000
}

extension QueueLimits {
    /// Checks a number of agents to evaluate: at least one, at most ``maximumAgents``.
    static func validate(agents: Int) throws(QueueInputError) {
        guard agents >= 1 else { throw .agentsNotPositive }
        guard agents <= maximumAgents else { throw .agentsAboveLimit }
    }

    /// The cap of a staffing search: the caller's, checked like a number of agents, or
    /// ``maximumAgents`` when the caller gave none.
    static func staffingCap(_ maximumAgents: Int?) throws(QueueInputError) -> Int {
        guard let maximumAgents else { return self.maximumAgents }
        try validate(agents: maximumAgents)
        return maximumAgents
    }
}
