import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Server
import Testing

/// `GET /metrics` is what operators scrape: every metric is there, labelled by route template.
@Suite struct MetricsTests {
    let app: TestApplication
    let metrics = ServiceMetrics()

    init() async throws {
        app = try await TestApplication.make("metrics", metrics: metrics)
    }

    @Test func everyMetricIsListedAfterAFewRequests() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test(metrics: metrics) { client in
            #expect(try await client.send(.get, "/readyz").status == .ok)
            #expect(try await client.send(.get, "/v1/org-units/\(unit)", key: app.adminKey).status == .ok)
            let response = try await client.send(.get, "/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let names = [
                ServiceMetrics.Name.httpRequests, ServiceMetrics.Name.httpRequestDuration, ServiceMetrics.Name.httpRequestsInFlight,
                ServiceMetrics.Name.migrationsApplied, ServiceMetrics.Name.projectionRuns, ServiceMetrics.Name.projectionDuration,
                ServiceMetrics.Name.monteCarloDrawsPerSecond, ServiceMetrics.Name.jobQueueDepth,
            ] + PoolMetricName.all
            for name in names {
                #expect(response.text.contains("\n\(name)") || response.text.hasPrefix(name), "missing \(name)")
            }
        }
    }

    @Test func requestsAreLabelledByRouteTemplateNeverByPath() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test(metrics: metrics) { client in
            _ = try await client.send(.get, "/v1/org-units/\(unit)", key: app.adminKey)
            _ = try await client.send(.get, "/v1/org-units/\(UUID())", key: app.adminKey)
            _ = try await client.send(.get, "/nowhere/\(UUID())")
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains(#"http_requests_total{method="GET",route="/v1/org-units/{id}",status="200"} 1"#))
            #expect(text.contains(#"http_requests_total{method="GET",route="/v1/org-units/{id}",status="404"} 1"#))
            #expect(text.contains(#"route="unmatched",status="404""#))
            #expect(!text.contains(unit.uuidString.lowercased()))
        }
    }

    @Test func migrationsAppliedComesFromTheSchemaStatus() async throws {
        try await app.test(metrics: metrics) { client in
            _ = try await client.send(.get, "/readyz")
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains("\(ServiceMetrics.Name.migrationsApplied) \(TestApplication.migrations.count).0"))
            #expect(text.contains("\(ServiceMetrics.Name.migrationsPending) 0.0"))
        }
    }

    @Test func poolGaugesReportSizeAndLeases() async throws {
        try await app.test(metrics: metrics) { client in
            _ = try await client.send(.get, "/v1/me", key: app.adminKey)
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains(#"postgres_pool_max_connections{pool="primary"} 4.0"#))
            #expect(text.contains(#"postgres_pool_connections_in_use{pool="primary"} 0.0"#))
            #expect(text.contains(#"postgres_pool_waiters{pool="primary"} 0.0"#))
            #expect(text.contains(#"postgres_query_duration_seconds_count{pool="primary"}"#))
        }
    }

    @Test func projectionWorkerAPIRecordsRunsDrawRateAndQueueDepth() throws {
        let metrics = ServiceMetrics()
        let before = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(before.contains("\(ServiceMetrics.Name.projectionRuns) 0"))
        #expect(before.contains("\(ServiceMetrics.Name.jobQueueDepth) 0.0"))
        metrics.recordProjectionRun(duration: .seconds(2), draws: 1000)
        metrics.setJobQueueDepth(3)
        let after = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(after.contains("\(ServiceMetrics.Name.projectionRuns) 1"))
        #expect(after.contains("\(ServiceMetrics.Name.projectionDuration)_count 1"))
        #expect(after.contains("\(ServiceMetrics.Name.monteCarloDrawsPerSecond) 500.0"))
        #expect(after.contains("\(ServiceMetrics.Name.jobQueueDepth) 3.0"))
    }

    @Test func metricsNeedNoKey() async throws {
        try await app.test(metrics: metrics) { client in
            let response = try await client.send(.get, "/metrics")
            #expect(response.status == .ok)
        }
    }

    @Test func aMetricsPortTakesMetricsOffTheMainPort() async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        try await app.test(metricsPort: 0, metrics: metrics, onMetricsListening: { _, port in continuation.yield(port) }) { client in
            #expect(try await client.send(.get, "/metrics").status == .notFound)
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self).contains(ServiceMetrics.Name.httpRequests))
        }
    }
}
