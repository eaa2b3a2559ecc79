/// One hour of the average operating day of a ``ServiceOutcome``.
///
/// Agents are fractional: `n + f` agents mean `n + 1` agents for a share `f` of the hour and `n`
/// for the rest, so every metric is `(1 - f)·metric(n) + f·metric(n + 1)` (see ``ServiceOutcome``).
public struct ServiceHour: Sendable, Hashable {
    /// Hour of the day, 0…23.
    public let hour: Int
    /// Contacts arriving in this hour of the average day.
    public let contacts: Double
    /// Offered traffic, `contacts × agent-seconds per contact / 3600`, in Erlangs.
    public let trafficErlangs: Double
    /// Fractional agents the hour needs to meet the queue's target.
    public let requiredAgents: Double
    /// Agents placed in the hour: the day's available agent-hours shared in proportion to the
    /// hours' required agents.
    public let agents: Double
    /// Share of contacts answered within the answer time.
    public let serviceLevel: Double
    /// Share of contacts abandoning.
    public let abandonmentRate: Double
    /// Average speed of answer of answered contacts, in seconds; 0 when none is answered.
    public let asaSeconds: Double

    /// Stores one hour; values are taken as given.
    public init(
        hour: Int, contacts: Double, trafficErlangs: Double, requiredAgents: Double, agents: Double,
        serviceLevel: Double, abandonmentRate: Double, asaSeconds: Double
    ) {
        self.hour = hour
        self.contacts = contacts
        self.trafficErlangs = trafficErlangs
        self.requiredAgents = requiredAgents
        self.agents = agents
        self.serviceLevel = serviceLevel
        self.abandonmentRate = abandonmentRate
        self.asaSeconds = asaSeconds
    }
}
