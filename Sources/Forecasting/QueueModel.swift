/// A queueing model together with its parameters.
public enum QueueModel: Sendable, Hashable {
    /// Erlang C (M/M/N): callers wait as long as it takes. Stable only with more agents than Erlangs.
    case erlangC
    /// Erlang A (M/M/N+M): each caller abandons after an exponentially distributed patience with
    /// the given mean, in seconds. Any number of agents is allowed, fewer than the traffic included.
    case erlangA(patienceSeconds: Double)

    /// Builds a model from its name and an optional patience, as they arrive in a request.
    ///
    /// - Throws: ``QueueInputError/patienceMissing`` when Erlang A comes without a patience,
    ///   ``QueueInputError/patienceNotPositive`` or ``QueueInputError/nonFiniteValue(name:)`` for an
    ///   invalid one. The patience is ignored for Erlang C.
    public init(kind: QueueModelKind, patienceSeconds: Double?) throws(QueueInputError) {
        switch kind {
        case .erlangC:
            self = .erlangC
        case .erlangA:
            guard let patienceSeconds else { throw .patienceMissing }
            try ErlangA.validate(patienceSeconds: patienceSeconds)
            self = .erlangA(patienceSeconds: patienceSeconds)
        }
    }

    /// The model's name without its parameters.
    public var kind: QueueModelKind {
        switch self {
        case .erlangC: .erlangC
        case .erlangA: .erlangA
        }
    }

    /// Queue metrics of `scenario` served by `agents` agents under this model.
    ///
    /// - Throws: ``QueueInputError`` for fewer than one agent, more than
    ///   ``QueueLimits/maximumAgents``, or an invalid patience.
    public func evaluate(_ scenario: QueueScenario, agents: Int) throws(QueueInputError) -> QueueMetrics {
        switch self {
        case .erlangC:
            try ErlangC.evaluate(scenario, agents: agents)
        case .erlangA(let patienceSeconds):
            try ErlangA.evaluate(scenario, agents: agents, patienceSeconds: patienceSeconds)
        }
    }

    /// The smallest number of agents meeting `target` under this model, searched up to
    /// `maximumAgents` (or ``QueueLimits/maximumAgents`` when `nil`).
    ///
    /// - Throws: ``QueueInputError`` for a cap below one or above the limit, or an invalid patience.
    public func staff(
        _ scenario: QueueScenario,
        target: StaffingTarget,
        maximumAgents: Int? = nil
    ) throws(QueueInputError) -> StaffingResult {
        switch self {
        case .erlangC:
            try ErlangC.staff(scenario, target: target, maximumAgents: maximumAgents)
        case .erlangA(let patienceSeconds):
            try ErlangA.staff(scenario, patienceSeconds: patienceSeconds, target: target, maximumAgents: maximumAgents)
        }
    }
}
