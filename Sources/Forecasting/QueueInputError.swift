/// Why a queueing input was rejected.
///
/// Every public entry point of the queueing engine validates its inputs and throws one of these
/// cases instead of returning a meaningless number (NaN, infinity or a negative wait).
public enum QueueInputError: Error, Equatable, Sendable {
    /// An input was NaN or infinite; `name` identifies it (for example `"calls"`).
    case nonFiniteValue(name: String)
    /// The interval length was zero or negative.
    case intervalNotPositive
    /// The number of contacts per interval was negative.
    case callsNegative
    /// The average handle time was zero or negative.
    case ahtNotPositive
    /// The answer-time threshold of the service-level target was negative.
    case answerTimeNegative
    /// Erlang A was requested without a mean patience.
    case patienceMissing
    /// The mean patience for Erlang A was zero or negative.
    case patienceNotPositive
    /// The number of agents to evaluate, or the staffing cap, was below one.
    case agentsNotPositive
    /// A number of servers was negative (Erlang B accepts zero servers).
    case agentsNegative
    /// The number of agents, or the staffing cap, exceeded ``QueueLimits/maximumAgents``.
    case agentsAboveLimit
    /// The offered traffic exceeded ``QueueLimits/maximumTrafficErlangs``.
    case trafficAboveLimit
    /// The target service level was outside `[0, 1]`.
    case targetServiceLevelOutOfRange
    /// The maximum abandonment rate was outside `[0, 1]`.
    case maximumAbandonRateOutOfRange
    /// Erlang A would need more queue states than ``QueueLimits/maximumQueueStates`` to reach
    /// its truncation threshold (a heavily overloaded queue with callers of near-infinite patience).
    case queueStatesAboveLimit
}

extension QueueInputError: CustomStringConvertible {
    /// A sentence naming the rejected input, suitable for an error response.
    public var description: String {
        switch self {
        case .nonFiniteValue(let name): "\(name) must be a finite number"
        case .intervalNotPositive: "the interval length must be greater than zero"
        case .callsNegative: "the number of calls must not be negative"
        case .ahtNotPositive: "the average handle time (AHT) must be greater than zero"
        case .answerTimeNegative: "the answer-time threshold must not be negative"
        case .patienceMissing: "Erlang A needs a mean patience"
        case .patienceNotPositive: "the mean patience must be greater than zero"
        case .agentsNotPositive: "the number of agents must be at least one"
        case .agentsNegative: "the number of agents must not be negative"
        case .agentsAboveLimit: "the number of agents must not exceed \(QueueLimits.maximumAgents)"
        case .trafficAboveLimit: "the offered traffic must not exceed \(QueueLimits.maximumTrafficErlangs) Erlangs"
        case .targetServiceLevelOutOfRange: "the target service level must lie in [0, 1]"
        case .maximumAbandonRateOutOfRange: "the maximum abandonment rate must lie in [0, 1]"
        case .queueStatesAboveLimit:
            "the queue is too overloaded for the patience given (more than \(QueueLimits.maximumQueueStates) queue states)"
        }
    }
}
