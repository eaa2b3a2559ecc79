/// Evaluates whether one workforce pool's queues meet a service-level target and a quality floor
/// in a month for a given hiring schedule, as ``ProjectionModel/project()`` would evaluate them
/// (used by ``CheapestPlan``). Hourly requirements, which do not depend on staffing, are computed
/// once.
struct PoolEvaluator {
    /// The model.
    let model: ProjectionModel
    /// The pool evaluated.
    let pool: Int
    /// Indices of the pool's queues.
    let queues: [Int]
    /// Service-level target per queue of ``queues``.
    let targets: [Double]
    /// Quality floor.
    let qualityFloor: Double
    /// Automation outcomes `[queue][month]`, over all queues of the model.
    let outcomes: [[AutomationOutcome]]
    /// Hourly requirements `[queue][month]`, over all queues of the model.
    let requirements: [[HourlyRequirement]]
    /// Required agent-hours of the pool per month.
    let poolRequired: [Double]

    /// Precomputes the automation outcomes and requirements of the pool's queues.
    init(model: ProjectionModel, pool: Int, serviceLevelTarget: Double?, qualityFloor: Double) throws(DecisionError) {
        self.model = model
        self.pool = pool
        queues = model.queues.indices.filter { model.queues[$0].pool == pool }
        targets = queues.map { serviceLevelTarget ?? model.queues[$0].service.target.serviceLevel }
        self.qualityFloor = qualityFloor
        var outcomes: [[AutomationOutcome]] = []
        var requirements: [[HourlyRequirement]] = []
        var poolRequired = [Double](repeating: 0, count: model.months)
        for queue in model.queues {
            let monthly = queue.automation.map { AutomationOutcome($0) }
            var required: [HourlyRequirement] = []
            if queue.pool == pool {
                for month in 0..<model.months {
                    do {
                        let requirement = try HourlyRequirement(
                            queue: queue.service, humanContacts: monthly[month].humanContacts,
                            agentSecondsPerContact: monthly[month].agentSecondsPerHumanContact
                        )
                        required.append(requirement)
                        poolRequired[month] += requirement.perDay * queue.service.operatingDaysPerMonth
                    } catch {
                        throw .projection(error)
                    }
                }
            }
            outcomes.append(monthly)
            requirements.append(required)
        }
        self.outcomes = outcomes
        self.requirements = requirements
        self.poolRequired = poolRequired
    }

    /// A number of hires starting in `month` that surely meets any reachable target: four times
    /// the pool's required FTE at first-month productivity, at least one.
    func hireCap(month: Int) -> Double {
        let assumptions = model.pools[pool].assumptions
        let requiredFTE = poolRequired[month] / assumptions.productiveHoursPerFTEMonth
        let firstMonth = max(assumptions.ramp.productivity(tenureMonth: 1), 0.01)
        return max(1, (4 * requiredFTE / firstMonth).rounded(.up))
    }

    /// Whether every queue of the pool meets its target and the floor in `month` when the pool
    /// orders `hires` (one entry per month of the horizon).
    func meetsTargets(month: Int, hires: [Double]) throws(DecisionError) -> Bool {
        let source = model.pools[pool]
        let workforce: [WorkforceMonth]
        do {
            let plan = try WorkforcePlan(
                startingCohorts: source.plan.startingCohorts, months: source.plan.months, hiresOrdered: hires,
                reductions: source.plan.reductions
            )
            workforce = try WorkforceProjection.project(plan, assumptions: source.assumptions, attrition: source.attrition)
        } catch {
            throw .planning(error)
        }
        let poolHours = workforce[month].productiveHours
        let perFTE = source.assumptions.productiveHoursPerFTEMonth
        for (position, index) in queues.enumerated() {
            let queue = model.queues[index]
            let requirement = requirements[index][month]
            let outcome = outcomes[index][month]
            let required = requirement.perDay * queue.service.operatingDaysPerMonth
            // The pool's hours shared in proportion to need, as in ProjectionModel.project().
            let available = poolRequired[month] > 0 ? poolHours * required / poolRequired[month] : poolHours / Double(queues.count)
            let service: ServiceOutcome
            do {
                service = try ServiceOutcome(
                    queue: queue.service, requirement: requirement, humanContacts: outcome.humanContacts,
                    agentSecondsPerContact: outcome.agentSecondsPerHumanContact, availableAgentHours: available,
                    productiveHoursPerFTEMonth: perFTE
                )
            } catch {
                throw .projection(error)
            }
            guard service.serviceLevel >= targets[position] else { return false }
            let quality: QualityScore
            do {
                quality = try outcome.qualityScore(
                    abandonmentRate: service.abandonmentRate, asaSeconds: service.asaSeconds, weights: model.qualityWeights
                )
            } catch {
                throw .planning(error)
            }
            guard quality.value >= qualityFloor else { return false }
        }
        return true
    }
}
