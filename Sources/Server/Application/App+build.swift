import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import Postgres
import Store
import WorkforceAPI

/// What the application needs from outside: the database pool and the repositories built on it.
public struct ServerDependencies: Sendable {
    /// The database pool.
    public let pool: ConnectionPool
    /// API keys.
    public let keys: any APIKeyRepository
    /// Org units.
    public let orgUnits: any OrgUnitRepository
    /// Roles (job profiles).
    public let jobRoles: any JobRoleRepository
    /// Effective-dated positions.
    public let positions: any PositionRepository
    /// Headcount aggregates.
    public let headcount: HeadcountStore
    /// Bulk position imports.
    public let positionImports: PositionImportStore
    /// Requisitions and their workflow.
    public let requisitions: RequisitionStore
    /// Stored responses of POST requests sent with an `Idempotency-Key`.
    public let idempotency: any IdempotencyRepository
    /// Reports whether the schema is current (for `/readyz`).
    public let migrator: Migrator

    /// Creates the dependencies with the PostgreSQL repositories on `pool`.
    public init(pool: ConnectionPool, migrator: Migrator) {
        self.pool = pool
        self.keys = APIKeyStore(pool: pool)
        self.orgUnits = OrgUnitStore(pool: pool)
        self.jobRoles = JobRoleStore(pool: pool)
        self.positions = PositionStore(pool: pool)
        self.headcount = HeadcountStore(pool: pool)
        self.positionImports = PositionImportStore(pool: pool)
        self.requisitions = RequisitionStore(pool: pool)
        self.idempotency = IdempotencyStore(pool: pool)
        self.migrator = migrator
    }
}

/// Builds the HTTP application: middleware, the OpenAPI operations and `GET /openapi.yaml`.
///
/// `onListening` receives the bound address once the server runs (useful with port 0).
public func buildApplication(
    _ dependencies: ServerDependencies,
    configuration: ServerConfiguration,
    logger: Logger,
    onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(dependencies, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "workforce"),
        onServerRunning: { channel in
            await onListening(channel.localAddress?.ipAddress ?? configuration.host, channel.localAddress?.port ?? configuration.port)
        },
        logger: logger
    )
}

/// Wires middleware and routes.
public func buildRouter(_ dependencies: ServerDependencies, configuration: ServerConfiguration) throws -> Router<BasicRequestContext> {
    let routes = RouteTable(openAPIDocument: configuration.openAPIDocument, extraRoutes: ["/openapi.yaml": ["GET"]])
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestObservationMiddleware(routes: routes))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    router.add(middleware: HeaderEncodingMiddleware())
    router.add(middleware: HeaderLimitsMiddleware())
    router.add(middleware: BodyLimitMiddleware(
        defaultMaximumBytes: configuration.maximumBodyBytes,
        maximumBytesByPath: ["/v1/positions/import": configuration.maximumImportBytes]
    ))
    router.add(middleware: AuthenticationMiddleware(keys: dependencies.keys))
    router.add(middleware: IdempotencyMiddleware(store: dependencies.idempotency))
    let document = configuration.openAPIDocument
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "application/yaml"],
            body: .init(byteBuffer: ByteBuffer(string: document))
        )
    }
    let handlers = APIHandlers(
        pool: dependencies.pool, keys: dependencies.keys, orgUnits: dependencies.orgUnits, jobRoles: dependencies.jobRoles,
        positions: dependencies.positions, headcount: dependencies.headcount,
        positionImports: dependencies.positionImports, requisitions: dependencies.requisitions, migrator: dependencies.migrator
    )
    try handlers.registerHandlers(on: router)
    return router
}
