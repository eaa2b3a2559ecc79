import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import Postgres
import ServiceLifecycle
import Store
import WorkforceAPI

/// What the application needs from outside: the database pools, the repositories built on them and the metrics.
public struct ServerDependencies: Sendable {
    /// The database pool.
    public let pool: ConnectionPool
    /// The pool read-only reports use: a replica's (`DATABASE_READ_URL`), or ``pool``.
    public let readPool: ConnectionPool
    /// API keys.
    public let keys: any APIKeyRepository
    /// Org units.
    public let orgUnits: any OrgUnitRepository
    /// Roles (job profiles).
    public let jobRoles: any JobRoleRepository
    /// Effective-dated positions.
    public let positions: any PositionRepository
    /// Headcount aggregates (on ``readPool``).
    public let headcount: HeadcountStore
    /// Bulk position imports.
    public let positionImports: PositionImportStore
    /// Requisitions and their workflow.
    public let requisitions: RequisitionStore
    /// Work queues, demand and automation coverage.
    public let queues: QueueStore
    /// Hiring plans, their approval workflow and events.
    public let hiringPlans: HiringPlanStore
    /// Projection runs and their job queue.
    public let projections: ProjectionStore
    /// Stored responses of POST requests sent with an `Idempotency-Key`.
    public let idempotency: any IdempotencyRepository
    /// Reports whether the schema is current (for `/readyz`).
    public let migrator: Migrator
    /// The metrics `GET /metrics` serves; the pools should report into its `metricsFactory`.
    public let metrics: ServiceMetrics

    /// Creates the dependencies with the PostgreSQL repositories on `pool`, reports on `readPool` (by default
    /// `pool` too).
    public init(pool: ConnectionPool, migrator: Migrator, readPool: ConnectionPool? = nil, metrics: ServiceMetrics = ServiceMetrics()) {
        self.pool = pool
        self.readPool = readPool ?? pool
        self.keys = APIKeyStore(pool: pool)
        self.orgUnits = OrgUnitStore(pool: pool)
        self.jobRoles = JobRoleStore(pool: pool)
        self.positions = PositionStore(pool: pool)
        self.headcount = HeadcountStore(pool: readPool ?? pool)
        self.positionImports = PositionImportStore(pool: pool)
        self.requisitions = RequisitionStore(pool: pool)
        self.queues = QueueStore(pool: pool)
        self.hiringPlans = HiringPlanStore(pool: pool)
        self.projections = ProjectionStore(pool: pool)
        self.idempotency = IdempotencyStore(pool: pool)
        self.migrator = migrator
        self.metrics = metrics
    }
}

/// Builds the HTTP application: middleware, the OpenAPI operations, `GET /openapi.yaml` and `GET /metrics` (on a
/// listener of its own when ``ServerConfiguration/metricsPort`` is set).
///
/// Every request passes, in order: request id, observation (log line and metrics), problem mapping, the
/// request deadline, then the router's middleware (problem mapping again, 405, header checks, body limit,
/// authentication, idempotency). Each failure is mapped and logged once, by the innermost problem middleware.
/// `onListening` and `onMetricsListening` receive the bound addresses once the listeners run (useful with port 0).
public func buildApplication(
    _ dependencies: ServerDependencies,
    configuration: ServerConfiguration,
    logger: Logger,
    onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in },
    onMetricsListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }
) throws -> some ApplicationProtocol {
    let routes = RouteTable(
        openAPIDocument: configuration.openAPIDocument,
        extraRoutes: configuration.metricsPort == nil ? ["/openapi.yaml": ["GET"], "/metrics": ["GET"]] : ["/openapi.yaml": ["GET"]]
    )
    let inlineProjections = InlineProjections(
        runner: ProjectionJobRunner(store: dependencies.projections, logger: logger, metrics: dependencies.metrics),
        owner: "\(ProcessInfo.processInfo.hostName)-\(getpid())-inline",
        budget: configuration.requestTimeout.map { min(configuration.projectionInlineBudget, $0 / 2) } ?? configuration.projectionInlineBudget,
        capacity: configuration.projectionInlineCapacity
    )
    let router = try buildRouter(dependencies, configuration: configuration, routes: routes, inlineProjections: inlineProjections)
    typealias Context = BasicRequestContext
    let deadline = DeadlineResponder(next: router.buildResponder(), timeout: configuration.requestTimeout)
    let problems = ChainedResponder<Context>(ProblemMiddleware(), next: deadline)
    let observed = ChainedResponder<Context>(RequestObservationMiddleware(routes: routes, metrics: dependencies.metrics), next: problems)
    let responder = ChainedResponder<Context>(RequestIDMiddleware(), next: observed)
    let workers: [any Service] = (0..<max(0, configuration.projectionWorkers)).map { index in
        ProjectionWorker(
            store: dependencies.projections, name: "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(index)", logger: logger,
            metrics: dependencies.metrics
        )
    }
    let metricsListener = configuration.metricsPort.map { port in
        buildMetricsApplication(dependencies.metrics, host: configuration.host, port: port, logger: logger, onListening: onMetricsListening)
    }
    return Application(
        responder: responder,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "workforce"),
        services: workers + [InlineProjections.Drain(projections: inlineProjections)] + (metricsListener.map { [$0] } ?? []),
        onServerRunning: { channel in
            await onListening(channel.localAddress?.ipAddress ?? configuration.host, channel.localAddress?.port ?? configuration.port)
        },
        logger: logger
    )
}

/// The listener serving only `GET /metrics`, for a port of its own.
func buildMetricsApplication(
    _ metrics: ServiceMetrics, host: String, port: Int, logger: Logger,
    onListening: @escaping @Sendable (String, Int) async -> Void
) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self)
    router.get("/metrics") { _, _ in metricsResponse(metrics) }
    return Application(
        router: router,
        configuration: .init(address: .hostname(host, port: port), serverName: "workforce-metrics"),
        onServerRunning: { channel in
            await onListening(channel.localAddress?.ipAddress ?? host, channel.localAddress?.port ?? port)
        },
        logger: logger
    )
}

/// Wires the router's middleware and routes.
func buildRouter(
    _ dependencies: ServerDependencies, configuration: ServerConfiguration, routes: RouteTable, inlineProjections: InlineProjections
) throws -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    // Also inside the router: Hummingbird's router turns the errors of its own kind (a 404 for an unknown path)
    // into plain responses before they could reach the problem middleware outside it.
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
    if configuration.metricsPort == nil {
        let metrics = dependencies.metrics
        router.get("/metrics") { _, _ in metricsResponse(metrics) }
    }
    let handlers = APIHandlers(
        pool: dependencies.pool, readPool: dependencies.readPool, keys: dependencies.keys, orgUnits: dependencies.orgUnits,
        jobRoles: dependencies.jobRoles, positions: dependencies.positions, headcount: dependencies.headcount,
        positionImports: dependencies.positionImports, requisitions: dependencies.requisitions,
        queues: dependencies.queues, hiringPlans: dependencies.hiringPlans, projections: dependencies.projections,
        projectionSyncLimit: configuration.projectionSyncLimit,
        inlineProjections: inlineProjections,
        decisionBudget: configuration.decisionBudget ?? configuration.requestTimeout.map { $0 * 3 / 4 },
        migrator: dependencies.migrator, metrics: dependencies.metrics
    )
    try handlers.registerHandlers(on: router)
    return router
}

/// The Prometheus text exposition of `metrics`.
private func metricsResponse(_ metrics: ServiceMetrics) -> Response {
    Response(
        status: .ok,
        headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition()))
    )
}
