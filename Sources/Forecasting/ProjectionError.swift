/// Why a service outcome, a projection or a Monte Carlo run could not be computed.
///
/// Wraps the errors of the models it combines (queueing and planning) and adds its own checks.
public enum ProjectionError: Error, Equatable, Sendable {
    /// A queueing input was rejected (see ``QueueInputError``).
    case queue(QueueInputError)
    /// A planning input was rejected (see ``PlanningInputError``).
    case planning(PlanningInputError)
    /// An intraday profile did not have 24 hourly weights.
    case intradayProfileNotTwentyFourHours
    /// An intraday profile had a negative or non-finite weight.
    case intradayWeightInvalid
    /// An intraday profile had no positive weight: the queue would never be open.
    case intradayProfileClosed
    /// A service target of 100 %, or a zero abandonment ceiling, can never be met with random
    /// arrivals, so no staffing requirement exists.
    case serviceTargetUnreachable
    /// A queue's schedule of automation inputs did not have one entry per month of the horizon.
    case automationScheduleLength(queue: Int)
    /// A queue named a workforce pool that does not exist.
    case unknownWorkforcePool(queue: Int)
    /// The workforce pools' plans did not all cover the projection's horizon.
    case horizonMismatch
    /// A projection had no queue or no workforce pool.
    case nothingToProject
    /// A workforce pool's shrinkage was 100 %: its agents have no productive hours, so required
    /// agent-hours cannot be expressed in FTE.
    case noProductiveHours(pool: Int)
    /// A Monte Carlo setting was out of range; `name` identifies it.
    case uncertaintySettingOutOfRange(name: String)
    /// The four state words of a xoshiro256** generator were all zero.
    case generatorStateAllZero
    /// The task running the simulation was cancelled before every draw was done.
    case cancelled
}

extension ProjectionError: CustomStringConvertible {
    /// A sentence describing the problem, suitable for an error response.
    public var description: String {
        switch self {
        case .queue(let error): error.description
        case .planning(let error): error.description
        case .intradayProfileNotTwentyFourHours: "the intraday profile needs exactly 24 hourly weights"
        case .intradayWeightInvalid: "intraday weights must be finite and not negative"
        case .intradayProfileClosed: "the intraday profile needs at least one open hour (a positive weight)"
        case .serviceTargetUnreachable:
            "a 100 % service level or a zero abandonment ceiling cannot be met; no staffing requirement exists"
        case .automationScheduleLength(let queue): "queue \(queue) needs one set of automation inputs per month"
        case .unknownWorkforcePool(let queue): "queue \(queue) names a workforce pool that does not exist"
        case .horizonMismatch: "every workforce plan must cover the projection's horizon"
        case .nothingToProject: "a projection needs at least one queue and one workforce pool"
        case .noProductiveHours(let pool): "workforce pool \(pool) has a shrinkage of 100 % and no productive hours"
        case .uncertaintySettingOutOfRange(let name): "the Monte Carlo setting \(name) is out of range"
        case .generatorStateAllZero: "a xoshiro256** state must not be all zero"
        case .cancelled: "the simulation was cancelled"
        }
    }
}
