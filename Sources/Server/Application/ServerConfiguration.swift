import Foundation

/// Settings of the HTTP server.
public struct ServerConfiguration: Sendable {
    /// Address to listen on.
    public var host: String
    /// Port to listen on; 0 picks a free one.
    public var port: Int
    /// Largest accepted request body, in bytes.
    public var maximumBodyBytes: Int
    /// Largest accepted import body, in bytes (100,000 rows fit well within the default).
    public var maximumImportBytes: Int
    /// The longest a request may take before it is cancelled and answered 503; nil for no limit.
    public var requestTimeout: Duration?
    /// Port of a separate listener for `GET /metrics` (0 picks a free one); nil serves it on ``port``.
    public var metricsPort: Int?
    /// The API contract served at `GET /openapi.yaml`.
    public var openAPIDocument: String
    /// Projection runs up to this size (queues × months × draws) are computed in the request; larger ones
    /// are queued for the workers.
    public var projectionSyncLimit: Int = 1_500_000
    /// The longest a request waits for the projection run it created before answering 202 and letting the run
    /// finish in the background; at most half of ``requestTimeout``.
    public var projectionInlineBudget: Duration = .seconds(20)
    /// Projection runs this process computes for requests at once; beyond, runs are queued for the workers.
    public var projectionInlineCapacity = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// The longest a comparison or recommendation, computed inside its request, may take before it is abandoned
    /// and answered 422; nil: three quarters of ``requestTimeout``.
    public var decisionBudget: Duration?
    /// Projection workers this process runs (0: none; other replicas compute queued runs).
    public var projectionWorkers: Int = 1

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1 << 20, maximumImportBytes: Int = 64 << 20,
        requestTimeout: Duration? = .seconds(60), metricsPort: Int? = nil, openAPIDocument: String
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumImportBytes = maximumImportBytes
        self.requestTimeout = requestTimeout
        self.metricsPort = metricsPort
        self.openAPIDocument = openAPIDocument
    }
}
