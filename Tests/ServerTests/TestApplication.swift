import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import PostgresTesting
import Server
import Store
import Synchronization

/// The real application on a fresh, migrated database, with one admin key.
struct TestApplication {
    let pool: ConnectionPool
    let keys: APIKeyStore
    let adminKey: String
    let migrator: Migrator

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let migrations = (try? Migration.load(from: repositoryRoot.appendingPathComponent("sql"))) ?? []
    static let openAPIDocument = (try? String(contentsOf: repositoryRoot.appendingPathComponent("openapi.yaml"), encoding: .utf8)) ?? ""

    /// A migrated database with one admin key; the pool reports to `metrics` when given.
    static func make(
        _ prefix: String, maximumConnections: Int = 4, acquireTimeout: Duration = .seconds(10), metrics: ServiceMetrics? = nil
    ) async throws -> TestApplication {
        let configuration = ConnectionPool.Configuration(
            connectionString: try await TestDatabase.create(prefix), maximumConnections: maximumConnections,
            acquireTimeout: acquireTimeout
        )
        let pool = metrics.map { ConnectionPool(configuration: configuration, metricsFactory: $0.metricsFactory) }
            ?? ConnectionPool(configuration: configuration)
        let migrator = Migrator(pool: pool, migrations: migrations)
        try await migrator.migrate()
        let keys = APIKeyStore(pool: pool)
        let secret = APIKeySecret.generate()
        _ = try await keys.createFirstAdmin(name: "test admin", secret: secret)
        return TestApplication(pool: pool, keys: keys, adminKey: secret.value, migrator: migrator)
    }

    /// Creates a key of another role and returns its secret.
    func key(_ role: Role, orgUnit: UUID? = nil) async throws -> String {
        let secret = APIKeySecret.generate()
        _ = try await keys.create(try APIKeyDraft(name: "\(role) key", role: role, orgUnitID: orgUnit?.uuidString), secret: secret)
        return secret.value
    }

    /// Creates an org unit directly in the store.
    func orgUnit(_ name: String, parent: UUID? = nil, externalID: String? = nil) async throws -> UUID {
        let draft = try OrgUnitDraft(name: name, parentID: parent?.uuidString, costCenter: nil, externalID: externalID)
        return try await OrgUnitStore(pool: pool).create(draft).id
    }

    /// Runs `body` against the application served over HTTP on a free port.
    func test<T>(
        maximumBodyBytes: Int = 1 << 20,
        projectionSyncLimit: Int = 1_500_000,
        projectionWorkers: Int = 0,
        projectionInlineBudget: Duration = .seconds(20),
        projectionInlineCapacity: Int = 2,
        decisionBudget: Duration? = nil,
        maximumImportBytes: Int = 64 << 20,
        requestTimeout: Duration? = .seconds(60),
        metricsPort: Int? = nil,
        migrator: Migrator? = nil,
        pool: ConnectionPool? = nil,
        readPool: ConnectionPool? = nil,
        metrics: ServiceMetrics = ServiceMetrics(),
        logHandler recorder: LogRecorder? = nil,
        logLines: LogLineRecorder? = nil,
        onMetricsListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in },
        _ body: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "test.server")
        if let recorder {
            logger = Logger(label: "test.server") { _ in RecordingLogHandler(recorder: recorder) }
        } else if let logLines {
            logger = Logger(label: "test.server") { _ in LogLineHandler(format: .json, output: logLines.output, logLevel: .trace) }
        }
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, maximumBodyBytes: maximumBodyBytes, maximumImportBytes: maximumImportBytes,
            requestTimeout: requestTimeout, metricsPort: metricsPort, openAPIDocument: Self.openAPIDocument
        )
        configuration.projectionSyncLimit = projectionSyncLimit
        configuration.projectionWorkers = projectionWorkers
        configuration.projectionInlineBudget = projectionInlineBudget
        configuration.projectionInlineCapacity = projectionInlineCapacity
        configuration.decisionBudget = decisionBudget
        let app = try buildApplication(
            ServerDependencies(pool: pool ?? self.pool, migrator: migrator ?? self.migrator, readPool: readPool, metrics: metrics),
            configuration: configuration,
            logger: logger,
            onMetricsListening: onMetricsListening
        )
        return try await app.test(.live, body)
    }
}

extension TestClientProtocol {
    /// Sends a request with an optional bearer key and JSON body.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        key: String? = nil,
        json: String? = nil,
        contentType: String = "application/json",
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(key)" }
        if json != nil { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// The `errors` entries of a problem document.
    var problemErrors: [[String: String]] {
        (json["errors"] as? [[String: Any]] ?? []).map { $0.compactMapValues { $0 as? String } }
    }
}

/// Collects log lines written through ``RecordingLogHandler``.
final class LogRecorder: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }
}

/// A log handler that records each message with its metadata.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.append("\(event.level) \(event.message) \(merged)")
    }
}

/// Collects the lines a ``LogLineHandler`` writes, each parsed as a JSON object.
final class LogLineRecorder: Sendable {
    private let storage = Mutex<[String]>([])

    var output: LogOutput {
        LogOutput { bytes in self.storage.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
    }

    /// Every line as written.
    var lines: [String] { storage.withLock { $0 } }

    /// Every line as a JSON object.
    var objects: [[String: Any]] {
        lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }
}
