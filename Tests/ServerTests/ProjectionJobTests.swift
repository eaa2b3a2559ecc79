import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
@testable import Server
import Store
import Testing

@Suite struct ProjectionJobTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("projectionjobs")
    }

    /// Queues a run of 20,000 draws over `horizon` months, long enough to be watched while a worker computes it.
    private func queueLongRun(horizon: Int) async throws {
        try await app.test(projectionSyncLimit: 1, projectionWorkers: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            _ = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: horizon, draws: 20_000))
        }
    }

    /// Polls the run at `location` until it is completed (at most a minute), failing on the way if it fails.
    private func pollUntilCompleted(_ client: some TestClientProtocol, _ location: String, from first: TestResponse) async throws -> TestResponse {
        var polled = first
        for _ in 0..<600 where polled.json["status"] as? String != "completed" {
            try await Task.sleep(for: .milliseconds(100))
            polled = try await client.send(.get, location, key: app.adminKey)
            #expect(polled.json["status"] as? String != "failed")
        }
        #expect(polled.json["status"] as? String == "completed")
        return polled
    }

    /// Above the size threshold a run is queued (202 + Location); the application's worker computes it and
    /// the client polls until it is completed, with the numbers of an immediate run of the same inputs.
    @Test func largeRunsAreQueuedAndPolledUntilCompleted() async throws {
        try await app.test(projectionSyncLimit: 100, projectionWorkers: 1) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let queued = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 400))
            #expect(queued.status == .accepted)
            let location = try #require(queued.headers[.location])
            // The answer is the row as inserted, before any worker could take it.
            #expect(queued.json["status"] as? String == "queued")
            #expect(queued.json["progress"] as? [String: Int] == ["done": 0, "total": 400])
            let polled = try await pollUntilCompleted(client, location, from: queued)
            #expect(polled.json["progress"] as? [String: Int] == ["done": 400, "total": 400])
            let csv = try await client.send(.get, location, key: app.adminKey, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            let stored = try await app.pool.query("SELECT inputs::text AS inputs FROM projections")
            let inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(try stored[0].decode(String.self, "inputs").utf8))
            let direct = try await ProjectionRunner.run(inputs, workers: 1)
            let shown = try #require((polled.json["result"] as? [String: Any])?["totals"] as? [String: [String: Double]])
            #expect(shown["total_cost"]?["p50"].map { abs($0 - direct.totals["total_cost"]!.p50) <= 1e-9 * $0 } == true)
        }
    }

    /// A run that outlasts the request's budget is answered 202 while it goes on in the process that accepted it:
    /// no worker runs here, yet the client polls it to completion, with the numbers of a run answered at once.
    @Test func aRunPastTheInlineBudgetFinishesInTheBackground() async throws {
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        let immediate = try await app.test { client in
            try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 300))
        }
        #expect(immediate.status == .created)
        #expect(immediate.json["status"] as? String == "completed")
        try await app.test(projectionWorkers: 0, projectionInlineBudget: .zero) { client in
            let accepted = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 300))
            #expect(accepted.status == .accepted)
            #expect(accepted.json["status"] as? String == "running")
            let location = try #require(accepted.headers[.location])
            let polled = try await pollUntilCompleted(client, location, from: accepted)
            let shown = try JSONSerialization.data(withJSONObject: polled.json["result"] ?? [:], options: .sortedKeys)
            let expected = try JSONSerialization.data(withJSONObject: immediate.json["result"] ?? [:], options: .sortedKeys)
            #expect(shown == expected)
            let rows = try await app.pool.query(
                "SELECT attempts, lease_owner IS NULL AS released FROM projections WHERE id = $1::uuid",
                [UUID(uuidString: try #require(polled.json["id"] as? String))!]
            )
            #expect(try rows[0].decode(Int.self, "attempts") == 1)
            #expect(try rows[0].decode(Bool.self, "released"))
        }
    }

    /// Shutting down gracefully while a run computes in the background releases it for the workers at once,
    /// rather than leaving it to a lease that has to expire first.
    @Test func gracefulShutdownReleasesARunComputingInTheBackground() async throws {
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        let id = try await app.test(projectionWorkers: 0, projectionInlineBudget: .zero) { client in
            let accepted = try await client.send(
                .post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 60, draws: 20_000)
            )
            #expect(accepted.status == .accepted)
            #expect(accepted.json["status"] as? String == "running")
            return try #require((accepted.json["id"] as? String).flatMap(UUID.init(uuidString:)))
        }
        let rows = try await app.pool.query(
            "SELECT status, lease_owner IS NULL AS released FROM projections WHERE id = $1::uuid", [id]
        )
        #expect(try rows[0].decode(String.self, "status") == "queued")
        #expect(try rows[0].decode(Bool.self, "released"))
    }

    /// A run accepted while this process computes as many runs as it may is queued for the workers instead.
    @Test func runsBeyondTheInlineCapacityAreQueued() async throws {
        try await app.test(projectionWorkers: 0, projectionInlineCapacity: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let queued = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 50))
            #expect(queued.status == .accepted)
            #expect(queued.json["status"] as? String == "queued")
        }
    }

    /// A run accepted by a process that then dies (its lease left to expire) is computed by a worker.
    @Test func aWorkerTakesOverARunWhoseProcessDied() async throws {
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        let store = ProjectionStore(pool: app.pool)
        let accepted = try await app.test { client in
            try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 50))
        }
        let id = try #require((accepted.json["id"] as? String).flatMap(UUID.init(uuidString:)))
        let rows = try await app.pool.query(
            "SELECT inputs::text AS inputs, inputs_hash, created_by FROM projections WHERE id = $1::uuid", [id]
        )
        let run = NewProjection(
            orgUnitID: fixture.unit, inputs: try rows[0].decode(String.self, "inputs"), inputsHash: try rows[0].decode(String.self, "inputs_hash"),
            engineVersion: ProjectionInputs.engineVersion, seed: 7, draws: 50, startMonth: CalendarMonth("2026-06")!, horizonMonths: 4,
            createdBy: try rows[0].decode(UUID.self, "created_by")
        )
        let orphan = try await store.insertClaimed(run, owner: "a-process-that-died", lease: .milliseconds(1))
        #expect(orphan.status == .running)
        try await Task.sleep(for: .milliseconds(20))
        let worker = ProjectionWorker(store: store, name: "survivor", logger: Logger(label: "test"))
        #expect(try await worker.runOne())
        let finished = try #require(try await store.find(id: orphan.id, scope: .everything))
        #expect(finished.status == .completed)
        #expect(finished.result != nil)
    }

    /// Runs computed in the request and by a worker are both counted in /metrics.
    @Test func projectionRunsAreCounted() async throws {
        let metrics = ServiceMetrics()
        let fixture = try await app.test { client in try await ProjectionFixture.make(app, client: client) }
        try await app.test(projectionSyncLimit: 1_000, projectionWorkers: 1, metrics: metrics) { client in
            let small = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 2, draws: 50))
            #expect(small.status == .created)
            let large = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(horizon: 4, draws: 2_000))
            #expect(large.status == .accepted)
            let location = try #require(large.headers[.location])
            _ = try await pollUntilCompleted(client, location, from: large)
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains("\(ServiceMetrics.Name.projectionRuns) 2"))
            #expect(text.contains("\(ServiceMetrics.Name.projectionDuration)_count 2"))
        }
    }

    @Test func csvOfAQueuedRunIsAConflict() async throws {
        try await app.test(projectionSyncLimit: 1, projectionWorkers: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            let queued = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request())
            let location = try #require(queued.headers[.location])
            let csv = try await client.send(.get, location, key: app.adminKey, headers: [.accept: "text/csv"])
            #expect(csv.status == .conflict)
            let json = try await client.send(.get, location, key: app.adminKey)
            #expect(json.json["status"] as? String == "queued")
        }
    }

    /// Two workers race over the same queue: every job is computed exactly once.
    @Test func twoWorkersComputeEachJobOnce() async throws {
        try await app.test(projectionSyncLimit: 1, projectionWorkers: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            for seed in 1...6 {
                let queued = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 50, seed: seed))
                #expect(queued.status == .accepted)
            }
        }
        let store = ProjectionStore(pool: app.pool)
        let counts = await withTaskGroup(of: Int.self) { group in
            for name in ["worker-a", "worker-b"] {
                group.addTask {
                    let worker = ProjectionWorker(store: store, name: name, logger: Logger(label: "test.worker"))
                    var done = 0
                    while (try? await worker.runOne()) == true { done += 1 }
                    return done
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.reduce(0, +) == 6)
        let rows = try await app.pool.query("SELECT status, attempts, result IS NOT NULL AS has_result FROM projections")
        #expect(rows.count == 6)
        for row in rows {
            #expect(try row.decode(String.self, "status") == "completed")
            #expect(try row.decode(Int.self, "attempts") == 1)
        }
    }

    /// A job whose worker died (lease expired) is taken again; the dead worker can no longer store a result.
    @Test func expiredLeasesAreTakenAgain() async throws {
        try await app.test(projectionSyncLimit: 1, projectionWorkers: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            _ = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 50))
        }
        let store = ProjectionStore(pool: app.pool)
        let lost = try #require(try await store.claim(owner: "dead", lease: .milliseconds(1)))
        try await Task.sleep(for: .milliseconds(20))
        let worker = ProjectionWorker(store: store, name: "alive", logger: Logger(label: "test.worker"))
        #expect(try await worker.runOne())
        #expect(try await store.complete(id: lost.id, owner: "dead", result: "{}") == false)
        let row = try await app.pool.query("SELECT status, attempts FROM projections WHERE id = $1::uuid", [lost.id])
        #expect(try row[0].decode(String.self, "status") == "completed")
        #expect(try row[0].decode(Int.self, "attempts") == 2)
    }

    /// A run whose worker died on every attempt is failed with a message, not taken again forever.
    @Test func aRunThatKeepsKillingItsWorkerIsFailedAfterTheLastAttempt() async throws {
        try await app.test(projectionSyncLimit: 1, projectionWorkers: 0) { client in
            let fixture = try await ProjectionFixture.make(app, client: client)
            _ = try await client.send(.post, "/v1/projections", key: app.adminKey, json: fixture.request(draws: 50))
        }
        let store = ProjectionStore(pool: app.pool)
        for attempt in 1...ProjectionStore.maximumAttempts {
            let job = try #require(try await store.claim(owner: "crashing-\(attempt)", lease: .milliseconds(1)))
            #expect(job.attempt == attempt)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await store.claim(owner: "next", lease: .seconds(30)) == nil)
        let row = try await app.pool.query("SELECT status, error, lease_owner FROM projections")
        #expect(try row[0].decode(String.self, "status") == "failed")
        #expect(try row[0].decode(String.self, "error").contains("\(ProjectionStore.maximumAttempts) times"))
        #expect(try row[0].decode(String?.self, "lease_owner") == nil)
    }

    /// Shutdown (cancellation) during a run puts the job back in the queue for another worker.
    @Test func cancelledWorkReleasesTheJob() async throws {
        try await queueLongRun(horizon: 24)
        let store = ProjectionStore(pool: app.pool)
        var worker = ProjectionWorker(store: store, name: "stopping", logger: Logger(label: "test.worker"))
        worker.runner.heartbeatInterval = .milliseconds(10)
        worker.runner.simulationWorkers = 1
        let running = Task { [worker] in try await worker.runOne() }
        for _ in 0..<300 {
            let progress = try await app.pool.query("SELECT progress_done FROM projections")
            if try progress[0].decode(Int.self, "progress_done") > 0 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        running.cancel()
        await #expect(throws: CancellationError.self) { try await running.value }
        let row = try await app.pool.query("SELECT status, lease_owner FROM projections")
        #expect(try row[0].decode(String.self, "status") == "queued")
        #expect(try row[0].decode(String?.self, "lease_owner") == nil)
    }

    /// The lease is renewed while a run computes even when no progress is written: no other worker can take the
    /// run over meanwhile.
    @Test func theLeaseIsRenewedWhileARunComputes() async throws {
        try await queueLongRun(horizon: 60)
        let store = ProjectionStore(pool: app.pool)
        var worker = ProjectionWorker(store: store, name: "slow", logger: Logger(label: "test.worker"))
        worker.runner.lease = .milliseconds(300)
        worker.runner.heartbeatInterval = .seconds(3_600)
        worker.runner.simulationWorkers = 1
        let running = Task { [worker] in try await worker.runOne() }
        for _ in 0..<300 {
            let status = try await app.pool.query("SELECT status FROM projections")
            if try status[0].decode(String.self, "status") == "running" { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        // Four leases long, a thief keeps trying to claim the run.
        for _ in 0..<12 {
            try await Task.sleep(for: .milliseconds(100))
            let stolen = try await store.claim(owner: "thief", lease: .seconds(60))
            #expect(stolen?.id == nil, "another worker took the run over")
        }
        let state = try await app.pool.query("SELECT status, lease_owner, attempts FROM projections")
        let status = try state[0].decode(String.self, "status")
        #expect(status == "running" || status == "completed")
        #expect(try state[0].decode(Int.self, "attempts") == 1)
        running.cancel()
        _ = try? await running.value
    }
}
