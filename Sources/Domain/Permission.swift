/// Actions the API authorises. Handlers ask ``Principal/require(_:)`` before doing any of them.
public enum Permission: Sendable, CaseIterable {
    /// Create, list, read and revoke API keys.
    case manageKeys
    /// Read one's own identity.
    case readIdentity
    /// Read org units (managers within their subtree).
    case readOrgUnits
    /// Create, change and delete org units.
    case writeOrgUnits
    /// Read roles (job profiles).
    case readJobRoles
    /// Create, change and delete roles.
    case writeJobRoles
    /// Read positions (managers within their subtree).
    case readPositions
    /// Create, change and close positions (managers within their subtree).
    case writePositions
    /// Bulk-import positions.
    case importPositions
    /// Read headcount aggregates (managers within their subtree).
    case readHeadcount
    /// See costs as aggregates (headcount reports, projections).
    case seeCostAggregates
    /// Read requisitions (managers within their subtree).
    case readRequisitions
    /// Create and move requisitions (managers within their subtree).
    case writeRequisitions
    /// Approve a requisition waiting for approval.
    case approveRequisitions
    /// Read hiring plans and their events (managers within their subtree).
    case readHiringPlans
    /// Draft, change, delete, submit and revise hiring plans (managers within their subtree).
    case writeHiringPlans
    /// Approve or reject a submitted hiring plan (never one's own).
    case approveHiringPlans
    /// Use the stateless calculators.
    case useCalculators
    /// See individual compensation (salaries, rates, hiring costs).
    case seeCompensation
    /// Read work queues, their demand and automation coverage (managers: their subtree).
    case readQueues
    /// Create and change work queues, their demand and automation coverage.
    case writeQueues
    /// Read projection runs (costs only with ``seeCostAggregates``; managers: their subtree).
    case readProjections
    /// Run projections (managers: their subtree).
    case runProjections

    /// The roles allowed to perform this action.
    public var allowedRoles: Set<Role> {
        switch self {
        case .manageKeys: [.admin]
        case .readIdentity, .readOrgUnits, .readJobRoles, .readPositions, .readHeadcount, .useCalculators: Set(Role.allCases)
        case .seeCostAggregates: [.admin, .hr, .finance, .manager]
        case .importPositions: [.admin, .hr]
        case .readRequisitions: Set(Role.allCases)
        case .writeRequisitions: [.admin, .hr, .manager]
        case .approveRequisitions: [.admin, .hr, .finance]
        case .readHiringPlans: Set(Role.allCases)
        case .writeHiringPlans: [.admin, .hr, .manager]
        case .approveHiringPlans: [.admin, .hr, .finance]
        case .writePositions: [.admin, .hr, .manager]
        case .writeOrgUnits, .writeJobRoles: [.admin, .hr]
        case .seeCompensation: [.admin, .hr, .finance]
        case .readQueues: Set(Role.allCases)
        case .writeQueues: [.admin, .hr]
        case .readProjections: Set(Role.allCases)
        case .runProjections: [.admin, .hr, .finance, .manager]
        }
    }
}
