/// One queue of a projection: its service definition, its automation inputs month by month
/// (new issues are the demand) and the workforce pool that staffs it.
public struct ProjectedQueue: Sendable, Hashable {
    /// Opening hours, profile, target and patience.
    public let service: ServiceQueue
    /// Automation inputs for each month of the horizon (new issues, bot share, containment, AHT…).
    public let automation: [AutomationInputs]
    /// Index of the ``WorkforcePool`` staffing the queue, in the projection's pools.
    public let pool: Int

    /// Stores a queue; the projection checks the schedule length and the pool index.
    public init(service: ServiceQueue, automation: [AutomationInputs], pool: Int = 0) {
        self.service = service
        self.automation = automation
        self.pool = pool
    }
}
