import CoreMetrics

/// The instruments a ``ConnectionPool`` reports to, created through a swift-metrics factory and labelled with
/// the pool's name: open, leased and awaited connections, how long leases wait, and how long statements run.
struct PoolMetrics: Sendable {
    /// Connections open, idle or leased.
    let connections: Meter
    /// Connections leased (or being opened for a lease).
    let connectionsInUse: Meter
    /// The most connections the pool opens.
    let maximumConnections: Meter
    /// Leases waiting for a connection.
    let waiters: Meter
    /// Time from asking for a connection to getting one (or giving up).
    let acquireWait: Timer
    /// Time a statement, script or COPY takes, measured around the libpq call.
    let queryDuration: Timer

    init(factory: any MetricsFactory, poolName: String) {
        let dimensions = [("pool", poolName)]
        connections = Meter(label: PoolMetricName.connections, dimensions: dimensions, factory: factory)
        connectionsInUse = Meter(label: PoolMetricName.connectionsInUse, dimensions: dimensions, factory: factory)
        maximumConnections = Meter(label: PoolMetricName.maximumConnections, dimensions: dimensions, factory: factory)
        waiters = Meter(label: PoolMetricName.waiters, dimensions: dimensions, factory: factory)
        acquireWait = Timer(label: PoolMetricName.acquireWait, dimensions: dimensions, factory: factory)
        queryDuration = Timer(label: PoolMetricName.queryDuration, dimensions: dimensions, factory: factory)
    }
}

extension Timer {
    /// Records a `Duration` (swift-metrics timers take nanoseconds).
    func record(elapsed duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// The metrics every ``ConnectionPool`` reports, each labelled `pool`.
public enum PoolMetricName {
    /// Gauge of open connections, idle or leased.
    public static let connections = "postgres_pool_connections"
    /// Gauge of leased connections.
    public static let connectionsInUse = "postgres_pool_connections_in_use"
    /// Gauge of the most connections the pool opens.
    public static let maximumConnections = "postgres_pool_max_connections"
    /// Gauge of leases waiting for a connection.
    public static let waiters = "postgres_pool_waiters"
    /// Histogram of the time leases wait for a connection.
    public static let acquireWait = "postgres_pool_acquire_wait_seconds"
    /// Histogram of statement durations.
    public static let queryDuration = "postgres_query_duration_seconds"

    /// Every name above.
    public static let all = [connections, connectionsInUse, maximumConnections, waiters, acquireWait, queryDuration]
}
