/// Why a scenario comparison, a trade-off frontier or a cheapest plan could not be computed.
public enum DecisionError: Error, Equatable, Sendable {
    /// Neither deterministic runs nor Monte Carlo distributions were given to compare.
    case nothingToCompare
    /// The two scenarios did not cover the same number of months.
    case horizonMismatch
    /// The two Monte Carlo runs used different settings (seed or draws): their draws are not
    /// common random numbers, so draw-by-draw comparisons would be noise.
    case notCommonRandomNumbers
    /// A queue index was outside the model's queues.
    case unknownQueue(Int)
    /// A workforce pool index was outside the model's pools.
    case unknownWorkforcePool(Int)
    /// A month was outside the model's horizon.
    case monthOutOfRange(Int)
    /// A sweep grid or target setting was empty, not finite or out of range; `name` identifies it.
    case settingOutOfRange(name: String)
    /// The projection model rejected an input (see ``ProjectionError``).
    case projection(ProjectionError)
    /// A planning input was rejected (see ``PlanningInputError``).
    case planning(PlanningInputError)
}

extension DecisionError: CustomStringConvertible {
    /// A sentence describing the problem, suitable for an error response.
    public var description: String {
        switch self {
        case .nothingToCompare: "a comparison needs two deterministic runs or two Monte Carlo distributions"
        case .horizonMismatch: "the two scenarios must cover the same number of months"
        case .notCommonRandomNumbers:
            "the two Monte Carlo runs must use the same settings (seed and draws) to be compared draw by draw"
        case .unknownQueue(let queue): "queue \(queue) does not exist in the projection"
        case .unknownWorkforcePool(let pool): "workforce pool \(pool) does not exist in the projection"
        case .monthOutOfRange(let month): "month \(month) is outside the projection's horizon"
        case .settingOutOfRange(let name): "the decision setting \(name) is out of range"
        case .projection(let error): error.description
        case .planning(let error): error.description
        }
    }
}
