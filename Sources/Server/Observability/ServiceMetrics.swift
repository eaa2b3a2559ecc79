import CoreMetrics
import Postgres
import Prometheus

/// The service's Prometheus metrics, rendered by `GET /metrics`.
///
/// HTTP traffic, migrations, projections and the job queue are recorded here; the database pools record theirs
/// through ``metricsFactory`` (swift-metrics), into the same registry. Nothing is bootstrapped globally: each
/// instance has its own registry, so tests can build as many applications as they like. Labels are bounded:
/// routes are templates of the API description, never raw paths.
public final class ServiceMetrics: Sendable {
    /// Names of the metrics this type records (the pools add those of `PoolMetricName`).
    public enum Name {
        /// Counter of HTTP requests by `method`, `route` and `status`.
        public static let httpRequests = "http_requests_total"
        /// Histogram of HTTP request durations by `method`, `route` and `status`.
        public static let httpRequestDuration = "http_request_duration_seconds"
        /// Gauge of requests being served.
        public static let httpRequestsInFlight = "http_requests_in_flight"
        /// Gauge of schema migrations applied.
        public static let migrationsApplied = "workforce_migrations_applied"
        /// Gauge of schema migrations known but not applied.
        public static let migrationsPending = "workforce_migrations_pending"
        /// Counter of projection runs.
        public static let projectionRuns = "workforce_projection_runs_total"
        /// Histogram of projection run durations.
        public static let projectionDuration = "workforce_projection_duration_seconds"
        /// Gauge of Monte Carlo draws per second in the last projection run.
        public static let monteCarloDrawsPerSecond = "workforce_monte_carlo_draws_per_second"
        /// Gauge of projection jobs waiting to run.
        public static let jobQueueDepth = "workforce_job_queue_depth"
    }

    /// The registry `GET /metrics` renders.
    public let registry: PrometheusCollectorRegistry
    /// A swift-metrics factory writing into ``registry``, for libraries such as the connection pools.
    public let metricsFactory: any MetricsFactory

    private let requestsInFlight: Prometheus.Gauge
    private let migrationsApplied: Prometheus.Gauge
    private let migrationsPending: Prometheus.Gauge
    private let projectionRuns: Prometheus.Counter
    private let projectionDuration: DurationHistogram
    private let drawsPerSecond: Prometheus.Gauge
    private let jobQueueDepth: Prometheus.Gauge

    /// Creates the metrics in `registry` (a new one by default), every unlabelled one at zero.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            PoolMetricName.queryDuration: Buckets.query,
            PoolMetricName.acquireWait: Buckets.acquireWait,
        ]
        metricsFactory = factory
        requestsInFlight = registry.makeGauge(descriptor: Self.describe(Name.httpRequestsInFlight, "HTTP requests being served."))
        migrationsApplied = registry.makeGauge(descriptor: Self.describe(Name.migrationsApplied, "Schema migrations applied."))
        migrationsPending = registry.makeGauge(descriptor: Self.describe(Name.migrationsPending, "Schema migrations not applied yet."))
        projectionRuns = registry.makeCounter(descriptor: Self.describe(Name.projectionRuns, "Projection runs completed."))
        projectionDuration = registry.makeDurationHistogram(
            descriptor: Self.describe(Name.projectionDuration, "Duration of projection runs."), buckets: Buckets.projection
        )
        drawsPerSecond = registry.makeGauge(
            descriptor: Self.describe(Name.monteCarloDrawsPerSecond, "Monte Carlo draws per second in the last projection run.")
        )
        jobQueueDepth = registry.makeGauge(descriptor: Self.describe(Name.jobQueueDepth, "Projection jobs waiting to run."))
    }

    /// Records a schema status (from `Migrator.status()`).
    public func setMigrations(applied: Int, pending: Int) {
        migrationsApplied.set(Int64(applied))
        migrationsPending.set(Int64(pending))
    }

    /// Records one finished projection run: its duration and the Monte Carlo draws it computed.
    public func recordProjectionRun(duration: Duration, draws: Int) {
        projectionRuns.increment()
        projectionDuration.record(duration)
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds > 0 { drawsPerSecond.set(Double(draws) / seconds) }
    }

    /// Records how many projection jobs wait to run.
    public func setJobQueueDepth(_ depth: Int) {
        jobQueueDepth.set(Int64(depth))
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    func requestStarted() {
        requestsInFlight.increment()
    }

    func requestFinished(method: String, route: String, status: Int, duration: Duration) {
        requestsInFlight.decrement()
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.describe(Name.httpRequests, "HTTP requests answered."), labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Self.describe(Name.httpRequestDuration, "Time to answer HTTP requests."), labels: labels,
            buckets: Buckets.request
        ).record(duration)
    }

    private static func describe(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private enum Buckets {
        static let request: [Duration] = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        static let query: [Duration] = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        static let acquireWait: [Duration] = [
            .microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        static let projection: [Duration] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300),
        ]
    }
}
