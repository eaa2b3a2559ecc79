import Foundation

/// The fewest hires for one workforce pool that meet a service-level target and a quality floor
/// in every month its queues can reach, by a greedy month-by-month search (issue 3, part 7).
///
/// Method (deterministic: expected attrition, the inputs as given):
/// 1. start from the pool's plan; its hires are kept as already committed and the search adds
///    whole hires on top of them;
/// 2. for each month `m` in order, project the pool's workforce (``WorkforceProjection``: lead
///    time, ramp, attrition, shrinkage) and evaluate each of the pool's queues as
///    ``ProjectionModel/project()`` does (pool hours shared in proportion to need, exact hourly
///    Erlang A); the month meets the targets when every queue's service level is at least the
///    target and its quality score at least the floor;
/// 3. if it misses, add the fewest whole hires ordered in month `m − leadTime` that make it meet
///    them (binary search: service level and quality never fall as staff rises); if
///    `m − leadTime < 0` the month is reported ``InfeasibilityReason/withinLeadTime``, and if four
///    times the pool's required FTE at first-month productivity is not enough it is reported
///    ``InfeasibilityReason/targetUnreachable``; either way no hire is added for it.
///
/// Hires added for month `m` start in `m` and only help later months, so earlier months stay met,
/// and removing any added hire makes the month it was added for miss: the plan is minimal
/// hire by hire. It is not always the global minimum cost: ordering earlier, so that hires are
/// past the steep part of their ramp when needed, can occasionally need fewer paid FTE-months;
/// the greedy search orders as late as possible (the usual practice, which also minimises paid
/// months before the need).
public struct CheapestPlan: Sendable, Hashable {
    /// The pool planned.
    public let pool: Int
    /// Hires ordered per month: the plan's committed hires plus ``addedHires``.
    public let hiresOrdered: [Double]
    /// Hires the search added, per order month.
    public let addedHires: [Double]
    /// Months that still miss the targets, in order.
    public let infeasibleMonths: [InfeasibleMonth]
    /// The whole model projected with the planned hires.
    public let projection: [ProjectionMonth]
    /// Total cost of ``projection`` over the horizon (every pool and queue of the model).
    public let totalCost: Decimal

    /// Plans the hires of pool `pool` of `model`.
    ///
    /// - Parameters:
    ///   - serviceLevelTarget: the service level every queue of the pool must reach each month;
    ///     `nil` (default) uses each queue's own target (``ServiceQueue/target``).
    ///   - qualityFloor: the quality score every queue of the pool must reach each month (default
    ///     0: no floor).
    /// - Throws: ``DecisionError/unknownWorkforcePool(_:)``,
    ///   ``DecisionError/settingOutOfRange(name:)`` for a target outside `(0, 1)` or a floor
    ///   outside `[0, 1]`, or ``DecisionError/projection(_:)`` and ``DecisionError/planning(_:)``
    ///   from the models.
    public init(model: ProjectionModel, pool: Int, serviceLevelTarget: Double? = nil, qualityFloor: Double = 0) throws(DecisionError) {
        guard model.pools.indices.contains(pool) else { throw .unknownWorkforcePool(pool) }
        if let serviceLevelTarget {
            guard serviceLevelTarget > 0, serviceLevelTarget < 1 else { throw .settingOutOfRange(name: "serviceLevelTarget") }
        }
        guard qualityFloor >= 0, qualityFloor <= 1 else { throw .settingOutOfRange(name: "qualityFloor") }
        let evaluator = try PoolEvaluator(model: model, pool: pool, serviceLevelTarget: serviceLevelTarget, qualityFloor: qualityFloor)
        let plan = model.pools[pool].plan
        let lead = model.pools[pool].assumptions.leadTimeMonths
        let committed = (0..<model.months).map { plan.hiresOrdered(inMonth: $0) }
        var added = [Double](repeating: 0, count: model.months)
        var infeasible: [InfeasibleMonth] = []
        func meets(_ month: Int, extra: Double, order: Int) throws(DecisionError) -> Bool {
            var hires = added
            if order >= 0 { hires[order] += extra }
            return try evaluator.meetsTargets(month: month, hires: zip(committed, hires).map { $0 + $1 })
        }
        for month in 0..<model.months where try !meets(month, extra: 0, order: -1) {
            let order = month - lead
            guard order >= 0 else {
                infeasible.append(InfeasibleMonth(month: month, reason: .withinLeadTime))
                continue
            }
            var high = evaluator.hireCap(month: month)
            guard try meets(month, extra: high, order: order) else {
                infeasible.append(InfeasibleMonth(month: month, reason: .targetUnreachable))
                continue
            }
            var low = 0.0  // misses
            while high - low > 1 {
                let middle = ((low + high) / 2).rounded(.down)
                if try meets(month, extra: middle, order: order) { high = middle } else { low = middle }
            }
            added[order] += high
        }
        let hires = zip(committed, added).map { $0 + $1 }
        let newPlan: WorkforcePlan
        do {
            newPlan = try WorkforcePlan(
                startingCohorts: plan.startingCohorts, months: plan.months, hiresOrdered: hires, reductions: plan.reductions
            )
        } catch {
            throw .planning(error)
        }
        var pools = model.pools
        let old = pools[pool]
        pools[pool] = WorkforcePool(plan: newPlan, assumptions: old.assumptions, attrition: old.attrition)
        let projection: [ProjectionMonth]
        do {
            let planned = try ProjectionModel(queues: model.queues, pools: pools, rates: model.rates, qualityWeights: model.qualityWeights)
            projection = try planned.project()
        } catch {
            throw .projection(error)
        }
        self.pool = pool
        hiresOrdered = hires
        addedHires = added
        infeasibleMonths = infeasible
        self.projection = projection
        totalCost = projection.reduce(Decimal(0)) { $0 + $1.totalCost }
    }
}
