import Postgres
import Store
import WorkforceAPI

/// Implements the operations of `openapi.yaml`; one extension file per tag.
struct APIHandlers: APIProtocol {
    let pool: ConnectionPool
    let readPool: ConnectionPool
    let keys: any APIKeyRepository
    let orgUnits: any OrgUnitRepository
    let jobRoles: any JobRoleRepository
    let positions: any PositionRepository
    let headcount: HeadcountStore
    let positionImports: PositionImportStore
    let requisitions: RequisitionStore
    let queues: QueueStore
    let hiringPlans: HiringPlanStore
    let projections: ProjectionStore
    let projectionSyncLimit: Int
    let inlineProjections: InlineProjections
    /// The longest a comparison or recommendation computes in its request (nil: no limit).
    let decisionBudget: Duration?
    let migrator: Migrator
    let metrics: ServiceMetrics
}
