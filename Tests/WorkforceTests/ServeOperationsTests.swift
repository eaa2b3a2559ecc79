import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Postgres
import PostgresTesting
import Synchronization
import Testing

/// Set once a request task has ended, however it ended.
private final class RequestFinished: Sendable {
    private let state = Mutex(false)
    func mark() { state.withLock { $0 = true } }
    var isMarked: Bool { state.withLock { $0 } }
}

/// What operators rely on from the running binary: log lines on standard output, metrics, and a shutdown that
/// lets requests finish.
@Suite struct ServeOperationsTests {
    private func get(_ url: String, key: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// True when a new TCP connection to the port is accepted.
    private func acceptsConnections(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Polls `condition` until it holds, failing after 60 seconds.
    private func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw ChildProcessError.timedOut(what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func serveWritesOneJSONObjectPerLineToStandardOutput() async throws {
        let database = try await TestDatabase.create("jsonlogs")
        let key = "wfk_logs_\(UUID().uuidString)"
        let server = try ChildProcess(["serve", "--port", "0"], environment: [
            "DATABASE_URL": database.raw, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": key, "LOG_FORMAT": nil, "LOG_LEVEL": "info",
        ])
        let port = try await server.waitForListeningPort()
        let id = UUID().uuidString.lowercased()
        #expect(try await get("http://127.0.0.1:\(port)/v1/org-units/\(id)", key: key).status == 404)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)

        let lines = server.standardOutput.split(separator: "\n")
        let objects = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(objects.count == lines.count, "every line is a JSON object")
        #expect(objects.allSatisfy { $0["time"] is String && $0["level"] is String && $0["message"] is String })
        let request = try #require(objects.first { $0["message"] as? String == "request" })
        #expect(request["route"] as? String == "/v1/org-units/{id}")
        #expect(request["method"] as? String == "GET")
        #expect(request["status"] as? Int == 404)
        #expect(request["duration_ms"] is Double)
        #expect(request["request_id"] is String)
        #expect(request["key_id"] is String)
        #expect(!server.standardOutput.contains(id))
        #expect(!server.standardOutput.contains(key))
    }

    @Test func sigtermLetsTheRequestInFlightFinishThenExitsCleanly() async throws {
        let database = try await TestDatabase.create("drain")
        let key = "wfk_drain_\(UUID().uuidString)"
        let server = try ChildProcess(["serve", "--port", "0"], environment: [
            "DATABASE_URL": database.raw, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": key,
        ])
        let port = try await server.waitForListeningPort()
        // A real endpoint made slow by a lock the test holds: the request waits in the database until released.
        let status = try await TestDatabase.withPool(database) { pool in
            try await pool.withConnection { locker in
                try await locker.execute(script: "BEGIN; LOCK TABLE org_units IN ACCESS EXCLUSIVE MODE")
                let finished = RequestFinished()
                let request = Task {
                    defer { finished.mark() }
                    return try await get("http://127.0.0.1:\(port)/v1/org-units", key: key).status
                }
                try await waitUntil("the request waits for the lock") {
                    // A request that ended before reaching the lock says why at once instead of a timeout.
                    if finished.isMarked { throw ChildProcessError.exitedEarly("the request ended early: \(try await request.value)") }
                    // pg_stat_activity is read once per transaction unless the snapshot is cleared, and the locker
                    // stays in its transaction.
                    try await locker.execute(script: "SELECT pg_stat_clear_snapshot()")
                    let rows = try await locker.query("""
                        SELECT count(*)::integer AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND wait_event_type = 'Lock' AND query LIKE '%org_units%'
                        """)
                    return try rows[0].decode(Int.self, "n") >= 1
                }
                server.signal(SIGTERM)
                try await waitUntil("the listener closes") { !acceptsConnections(port: port) }
                #expect(server.isRunning)
                try await locker.execute(script: "ROLLBACK")
                return try await request.value
            }
        }
        #expect(status == 200)
        #expect(try await server.waitForExit() == 0)
    }

    @Test func aMetricsPortServesMetricsAndTheMainPortDoesNot() async throws {
        let database = try await TestDatabase.create("metricsport")
        let server = try ChildProcess(["serve", "--port", "0", "--metrics-port", "0"], environment: [
            "DATABASE_URL": database.raw, "WORKFORCE_BOOTSTRAP_ADMIN_KEY": "wfk_metrics_\(UUID().uuidString)",
        ])
        let mainPort = try await server.waitForListeningPort()
        let metricsPort = try await server.waitForPort(after: "serving metrics at http://127.0.0.1:")
        #expect(try await get("http://127.0.0.1:\(mainPort)/healthz").status == 200)
        #expect(try await get("http://127.0.0.1:\(mainPort)/metrics").status == 404)
        let metrics = try await get("http://127.0.0.1:\(metricsPort)/metrics")
        #expect(metrics.status == 200)
        for name in ["http_requests_total", "postgres_pool_connections", "workforce_migrations_applied", "workforce_job_queue_depth"] {
            #expect(metrics.body.contains(name), "missing \(name)")
        }
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}
