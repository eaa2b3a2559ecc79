import Foundation

/// The service a human queue delivers in a month with the agents available, and the agents it
/// would need to meet its target (FORECASTING.md, "Service outcome").
///
/// Method, for a month with `H` human contacts at `s` agent-seconds each and `E` available
/// productive agent-hours:
/// 1. the average operating day has `H / days` contacts, spread over the open hours by the
///    queue's ``IntradayProfile``; hour `h` has traffic `A_h = contacts_h·s / 3600` Erlangs;
/// 2. each hour's requirement `R_h` is the smallest fractional number of agents meeting the target
///    under Erlang A (fractional agents: `n + f` agents are `n + 1` agents for a share `f` of the
///    hour, so metrics interpolate linearly between `n` and `n + 1`);
/// 3. required agent-hours `= days × Σ_h R_h` are summed before anything is rounded; required FTE
///    `=` required agent-hours / productive hours per FTE-month, and the heads to employ are that
///    FTE rounded up once (rounding each hour first would overstate staff);
/// 4. the available agent-hours are placed in proportion to need: hour `h` gets
///    `N_h = (E / days)·R_h / Σ R_h` agents, so every hour gets the same share of its requirement;
/// 5. Erlang A is evaluated per hour with `N_h` agents and aggregated weighted by contacts:
///    service level and abandonment are contact-weighted means, ASA is the mean wait of answered
///    contacts (weighted by answered contacts; 0 when none is answered), and occupancy is busy
///    agent-hours `Σ A_h·(1 - P_ab,h)` over placed agent-hours `Σ N_h`.
///
/// Units: productive hours per FTE-month are paid hours × (1 - shrinkage)
/// (``WorkforceAssumptions/productiveHoursPerFTEMonth``), so required FTE are heads of fully
/// productive agents; available FTE are ``WorkforceMonth/productiveHours`` in the same unit
/// (a ramping agent counts for its productivity).
public struct ServiceOutcome: Sendable, Hashable {
    /// Human contacts in the month.
    public let humanContacts: Double
    /// Agent-seconds per human contact (AHT / concurrency).
    public let agentSecondsPerContact: Double
    /// Contact-weighted share answered within the answer time.
    public let serviceLevel: Double
    /// Contact-weighted share abandoning.
    public let abandonmentRate: Double
    /// Mean wait of answered contacts, in seconds (0 when no contact is answered).
    public let asaSeconds: Double
    /// Busy agent-hours over placed agent-hours, in `[0, 1]`.
    public let occupancy: Double
    /// Agent-hours needed in the month to meet the target in every hour, summed unrounded.
    public let requiredAgentHours: Double
    /// Productive agent-hours available in the month.
    public let availableAgentHours: Double
    /// `requiredAgentHours / productive hours per FTE-month`, unrounded.
    public let requiredFTE: Double
    /// ``requiredFTE`` rounded up once: the heads of fully productive agents to employ.
    public let requiredHeads: Int
    /// `availableAgentHours / productive hours per FTE-month`.
    public let availableFTE: Double
    /// `requiredFTE - availableFTE`: positive is a shortfall, negative a surplus.
    public let gapFTE: Double
    /// The open hours of the average operating day, in hour order; empty when the outcome comes
    /// from a ``ServiceSurface`` approximation.
    public let hours: [ServiceHour]

    /// Evaluates a queue's month exactly, hour by hour (see the type's documentation).
    ///
    /// - Parameters:
    ///   - humanContacts: human contacts in the month (``AutomationOutcome/humanContacts``).
    ///   - agentSecondsPerContact: agent time per contact, in seconds
    ///     (``AutomationOutcome/agentSecondsPerHumanContact``).
    ///   - availableAgentHours: productive agent-hours available to the queue
    ///     (``WorkforceMonth/productiveHours``, or the queue's share of a pool).
    ///   - productiveHoursPerFTEMonth: productive hours of one FTE in the month.
    /// - Throws: ``ProjectionError`` for an invalid input, or from Erlang A.
    public init(
        queue: ServiceQueue,
        humanContacts: Double,
        agentSecondsPerContact: Double,
        availableAgentHours: Double,
        productiveHoursPerFTEMonth: Double
    ) throws(ProjectionError) {
        try Self.validateInputs(
            humanContacts: humanContacts, agentSecondsPerContact: agentSecondsPerContact,
            availableAgentHours: availableAgentHours, productiveHoursPerFTEMonth: productiveHoursPerFTEMonth
        )
        let requirement = try HourlyRequirement(queue: queue, humanContacts: humanContacts, agentSecondsPerContact: agentSecondsPerContact)
        try self.init(
            queue: queue, requirement: requirement, humanContacts: humanContacts, agentSecondsPerContact: agentSecondsPerContact,
            availableAgentHours: availableAgentHours, productiveHoursPerFTEMonth: productiveHoursPerFTEMonth
        )
    }

    /// Evaluates a month whose hourly requirement is already known (inputs already validated).
    init(
        queue: ServiceQueue,
        requirement: HourlyRequirement,
        humanContacts: Double,
        agentSecondsPerContact: Double,
        availableAgentHours: Double,
        productiveHoursPerFTEMonth: Double
    ) throws(ProjectionError) {
        let days = queue.operatingDaysPerMonth
        let scenarios = requirement.scenarios
        let required = requirement.required
        let requiredPerDay = required.reduce(0, +)
        let availablePerDay = availableAgentHours / days
        var serviceLevel = 0.0
        var abandonment = 0.0
        var answeredWait = 0.0
        var busy = 0.0
        var placedTotal = 0.0
        var hours: [ServiceHour] = []
        for (index, hour) in queue.profile.openHours.enumerated() {
            let scenario = scenarios[index]
            let share = queue.profile.hourlyShares[hour]
            let placed = requiredPerDay > 0 ? availablePerDay * required[index] / requiredPerDay : availablePerDay * share
            let metrics: HourMetrics
            do {
                metrics = try HourlyService.metrics(scenario, agents: placed, patienceSeconds: queue.patienceSeconds)
            } catch {
                throw .queue(error)
            }
            serviceLevel += share * metrics.serviceLevel
            abandonment += share * metrics.abandonment
            answeredWait += share * metrics.answeredWait
            busy += scenario.trafficErlangs * (1 - metrics.abandonment)
            placedTotal += placed
            let answered = 1 - metrics.abandonment
            hours.append(
                ServiceHour(
                    hour: hour, contacts: scenario.calls, trafficErlangs: scenario.trafficErlangs,
                    requiredAgents: required[index], agents: placed, serviceLevel: metrics.serviceLevel,
                    abandonmentRate: metrics.abandonment, asaSeconds: answered > 0 ? metrics.answeredWait / answered : 0
                )
            )
        }
        let answered = 1 - abandonment
        self.init(
            humanContacts: humanContacts,
            agentSecondsPerContact: agentSecondsPerContact,
            serviceLevel: min(1, max(0, serviceLevel)),
            abandonmentRate: min(1, max(0, abandonment)),
            asaSeconds: answered > 0 ? answeredWait / answered : 0,
            occupancy: placedTotal > 0 ? min(1, busy / placedTotal) : 0,
            requiredAgentHours: requiredPerDay * days,
            availableAgentHours: availableAgentHours,
            productiveHoursPerFTEMonth: productiveHoursPerFTEMonth,
            hours: hours
        )
    }

    /// Evaluates a queue's month from the automation model's outcome and the workforce month
    /// serving it alone: human contacts and agent-seconds per contact from `automation`, available
    /// hours from `workforce.productiveHours`, productive hours per FTE from `assumptions`.
    ///
    /// - Throws: ``ProjectionError/noProductiveHours(pool:)`` (pool 0) for a shrinkage of 100 %,
    ///   or as ``init(queue:humanContacts:agentSecondsPerContact:availableAgentHours:productiveHoursPerFTEMonth:)``.
    public init(
        queue: ServiceQueue,
        automation: AutomationOutcome,
        workforce: WorkforceMonth,
        assumptions: WorkforceAssumptions = .standard
    ) throws(ProjectionError) {
        guard assumptions.productiveHoursPerFTEMonth > 0 else { throw .noProductiveHours(pool: 0) }
        try self.init(
            queue: queue,
            humanContacts: automation.humanContacts,
            agentSecondsPerContact: automation.agentSecondsPerHumanContact,
            availableAgentHours: workforce.productiveHours,
            productiveHoursPerFTEMonth: assumptions.productiveHoursPerFTEMonth
        )
    }

    /// Stores an outcome and derives the FTE figures.
    init(
        humanContacts: Double,
        agentSecondsPerContact: Double,
        serviceLevel: Double,
        abandonmentRate: Double,
        asaSeconds: Double,
        occupancy: Double,
        requiredAgentHours: Double,
        availableAgentHours: Double,
        productiveHoursPerFTEMonth: Double,
        hours: [ServiceHour]
    ) {
        self.humanContacts = humanContacts
        self.agentSecondsPerContact = agentSecondsPerContact
        self.serviceLevel = serviceLevel
        self.abandonmentRate = abandonmentRate
        self.asaSeconds = asaSeconds
        self.occupancy = occupancy
        self.requiredAgentHours = requiredAgentHours
        self.availableAgentHours = availableAgentHours
        requiredFTE = requiredAgentHours / productiveHoursPerFTEMonth
        requiredHeads = Int(requiredFTE.rounded(.up))
        availableFTE = availableAgentHours / productiveHoursPerFTEMonth
        gapFTE = requiredFTE - availableFTE
        self.hours = hours
    }

    /// Checks the inputs shared by the exact outcome and the interpolation surface.
    static func validateInputs(
        humanContacts: Double, agentSecondsPerContact: Double, availableAgentHours: Double, productiveHoursPerFTEMonth: Double
    ) throws(ProjectionError) {
        do {
            _ = try PlanningValidation.nonNegative(humanContacts, name: "humanContacts")
            _ = try PlanningValidation.positive(agentSecondsPerContact, name: "agentSecondsPerContact")
            _ = try PlanningValidation.nonNegative(availableAgentHours, name: "availableAgentHours")
            _ = try PlanningValidation.positive(productiveHoursPerFTEMonth, name: "productiveHoursPerFTEMonth")
        } catch {
            throw .planning(error)
        }
    }
}
