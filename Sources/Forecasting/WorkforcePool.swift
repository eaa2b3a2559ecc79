/// A workforce serving one or more queues: its plan, its assumptions and its attrition.
///
/// Queues of a pool share its productive hours in proportion to their required agent-hours (the
/// same "in proportion to need" rule that places agents over the hours of a day).
public struct WorkforcePool: Sendable, Hashable {
    /// Starting cohorts, hires and reductions.
    public let plan: WorkforcePlan
    /// Lead time, ramp, shrinkage and paid hours.
    public let assumptions: WorkforceAssumptions
    /// Expected attrition (the Monte Carlo draws binomially at its monthly rate).
    public let attrition: ExpectedAttrition

    /// Stores a pool.
    public init(plan: WorkforcePlan, assumptions: WorkforceAssumptions = .standard, attrition: ExpectedAttrition = .standard) {
        self.plan = plan
        self.assumptions = assumptions
        self.attrition = attrition
    }
}
