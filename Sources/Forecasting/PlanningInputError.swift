/// Why an input of the planning models (automation, workforce supply, cost) was rejected.
///
/// Like ``QueueInputError`` for the queueing engine: every public entry point validates its inputs
/// and throws one of these cases instead of returning a meaningless number.
public enum PlanningInputError: Error, Equatable, Sendable {
    /// An input was NaN or infinite; `name` identifies it (for example `"newIssues"`).
    case nonFiniteValue(name: String)
    /// An input that must be at least zero was negative.
    case negativeValue(name: String)
    /// An input that must be greater than zero was zero or negative.
    case valueNotPositive(name: String)
    /// A share, rate or probability was outside `[0, 1]`.
    case fractionOutOfRange(name: String)
    /// True plus false containment exceeded 1, which would make escalations `1 - c - f` negative.
    case containmentAboveOne
    /// Repeat contacts never die out: `1 - b·f·r_f - (1 - b·(c + f))·r_h <= 0`, so the number of
    /// contacts per issue is unbounded.
    case repeatsNeverEnd
    /// A queue's concurrency (conversations an agent serves at once) was below 1.
    case concurrencyBelowOne
    /// A ramp curve had no productivity values.
    case rampCurveEmpty
    /// A monthly schedule (`name`) had more months than the plan's horizon.
    case scheduleLongerThanHorizon(name: String)
    /// An attrition model returned leavers that were not finite or outside `[0, headcount]` of
    /// the cohort, in the given month (0 is the plan's first month).
    case leaversOutOfRange(month: Int)
}

extension PlanningInputError: CustomStringConvertible {
    /// A sentence naming the rejected input, suitable for an error response.
    public var description: String {
        switch self {
        case .nonFiniteValue(let name): "\(name) must be a finite number"
        case .negativeValue(let name): "\(name) must not be negative"
        case .valueNotPositive(let name): "\(name) must be greater than zero"
        case .fractionOutOfRange(let name): "\(name) must lie in [0, 1]"
        case .containmentAboveOne: "true containment plus false containment must not exceed 1"
        case .repeatsNeverEnd:
            "repeat contacts never end with these rates (1 - b·f·r_f - (1 - b·(c + f))·r_h must be greater than zero)"
        case .concurrencyBelowOne: "the concurrency must be at least 1"
        case .rampCurveEmpty: "the ramp curve needs at least one productivity value"
        case .scheduleLongerThanHorizon(let name): "\(name) must not have more months than the plan's horizon"
        case .leaversOutOfRange(let month):
            "the attrition model returned leavers outside [0, headcount] in month \(month)"
        }
    }
}
