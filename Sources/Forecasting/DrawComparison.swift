/// The probability, over Monte Carlo draws on common random numbers, that scenario B does
/// strictly better than scenario A in the same draw, month by month and over the horizon.
///
/// Draw `d` of both scenarios saw the same demand, containment, AHT and attrition random
/// numbers, so the share of draws where B beats A measures the effect of the decision, not noise.
/// Ties (equal values in a draw) count as "not better".
public struct DrawComparison: Sendable, Hashable {
    /// Per month: the share of draws in which B is strictly better than A.
    public let monthly: [Double]
    /// The share of draws in which B's horizon figure is strictly better than A's.
    public let horizon: Double

    /// Stores probabilities; values are taken as given.
    public init(monthly: [Double], horizon: Double) {
        self.monthly = monthly
        self.horizon = horizon
    }
}
