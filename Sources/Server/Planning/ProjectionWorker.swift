import Domain
import Foundation
import Logging
import ServiceLifecycle
import Store

/// Computes queued projection runs. Any number of workers, in any number of server replicas, share the
/// `projections` table: a job is claimed with `FOR UPDATE SKIP LOCKED` under a lease that the worker extends
/// while it computes; a job whose worker died is claimed again once its lease expires. On shutdown the
/// running job is released for another worker.
struct ProjectionWorker: Service {
    /// The lease owner written on the jobs this worker claims.
    let name: String
    /// How the claimed jobs are computed (store, lease, metrics, logger).
    var runner: ProjectionJobRunner
    /// Pause between polls of an empty queue.
    var idlePause: Duration = .seconds(1)

    init(store: ProjectionStore, name: String, logger: Logger, metrics: ServiceMetrics? = nil) {
        self.name = name
        runner = ProjectionJobRunner(store: store, logger: logger, metrics: metrics)
    }

    private var store: ProjectionStore { runner.store }
    private var logger: Logger { runner.logger }

    func run() async throws {
        logger.info("projection worker started", metadata: ["worker": "\(name)"])
        // Graceful shutdown cancels the loop: a running job is released for another worker.
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                do {
                    if try await runOne() { continue }
                    if let metrics = runner.metrics { metrics.setJobQueueDepth(try await store.queueDepth()) }
                } catch is CancellationError {
                    break
                } catch {
                    logger.error("projection worker could not reach the job table", metadata: ["error": "\(LoggedError.text(error))"])
                }
                try? await Task.sleep(for: idlePause)
            }
        }
        logger.info("projection worker stopped", metadata: ["worker": "\(name)"])
    }

    /// Claims and computes one job; false when none was waiting.
    func runOne() async throws -> Bool {
        guard let job = try await store.claim(owner: name, lease: runner.lease) else { return false }
        logger.info("projection job claimed", metadata: ["projection_id": "\(job.id)", "attempt": "\(job.attempt)"])
        let inputs: ProjectionInputs
        do {
            inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(job.inputs.utf8))
        } catch {
            logger.error("projection job failed", metadata: ["projection_id": "\(job.id)", "error": "\(LoggedError.text(error))"])
            try await store.fail(id: job.id, owner: name, error: ProjectionJobRunner.message(error))
            return true
        }
        do {
            try await runner.compute(id: job.id, inputs: inputs, owner: name)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Recorded as the job's failure (and logged) by compute.
        }
        return true
    }
}

/// How a claimed projection job is computed, for the workers and for the runs a request starts
/// (``InlineProjections``) alike.
struct ProjectionJobRunner: Sendable {
    let store: ProjectionStore
    let logger: Logger
    /// Where runs and their duration are reported.
    var metrics: ServiceMetrics?
    /// How long a claim lasts without renewal.
    var lease: Duration = .seconds(30)
    /// Minimum time between progress writes.
    var heartbeatInterval: Duration = .milliseconds(500)
    /// Parallel tasks of one simulation.
    var simulationWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    /// Computes a job `owner` holds and stores its result, extending the lease as it goes. A failure is stored
    /// as the job's error and thrown; on cancellation the job is released for another worker and
    /// `CancellationError` thrown.
    func compute(id: UUID, inputs: ProjectionInputs, owner: String) async throws {
        let (store, lease, simulationWorkers) = (store, lease, simulationWorkers)
        let started = ContinuousClock.now
        do {
            let beat = Heartbeat(store: store, id: id, owner: owner, lease: lease, interval: heartbeatInterval)
            let result = try await withThrowingTaskGroup(of: ProjectionResult?.self) { group in
                // Renews the lease while the run computes, also through stretches without progress: the service
                // surfaces of large queues are built before the first draw, and a lease lapsing then would let
                // another worker start the run over.
                group.addTask {
                    while true {
                        try await Task.sleep(for: lease / 3)
                        await beat.renew()
                    }
                }
                group.addTask {
                    try await ProjectionRunner.run(inputs, workers: simulationWorkers) { done in await beat.report(done) }
                }
                defer { group.cancelAll() }
                while let next = try await group.next() {
                    if let result = next { return result }
                }
                throw CancellationError()
            }
            let text = String(decoding: try result.encoded(), as: UTF8.self)
            let stored = try await store.complete(id: id, owner: owner, result: text)
            let duration = ContinuousClock.now - started
            metrics?.recordProjectionRun(duration: duration, draws: inputs.draws)
            logger.info("projection job completed", metadata: [
                "projection_id": "\(id)", "stored": "\(stored)", "duration_ms": "\(duration / .milliseconds(1))",
            ])
        } catch is CancellationError {
            // The current task is cancelled, and so would be its queries: release from a task of its own.
            try? await Task.detached { try await store.release(id: id, owner: owner) }.value
            logger.notice("projection job released at shutdown", metadata: ["projection_id": "\(id)"])
            throw CancellationError()
        } catch {
            logger.error("projection job failed", metadata: ["projection_id": "\(id)", "error": "\(LoggedError.text(error))"])
            do {
                try await store.fail(id: id, owner: owner, error: Self.message(error))
            } catch let storing {
                // The lease then expires and the job is tried again.
                logger.error("projection job failure could not be recorded", metadata: ["projection_id": "\(id)", "error": "\(LoggedError.text(storing))"])
            }
            throw error
        }
    }

    static func message(_ error: any Error) -> String {
        if case .unprocessable(let text) = error as? Domain.DomainError { return text }
        return "The projection could not be computed."
    }
}

/// Writes progress at most once per interval, and extends the lease each time.
private actor Heartbeat {
    let store: ProjectionStore
    let id: UUID
    let owner: String
    let lease: Duration
    let interval: Duration
    private var last = ContinuousClock.now
    private var done = 0

    init(store: ProjectionStore, id: UUID, owner: String, lease: Duration, interval: Duration) {
        self.store = store
        self.id = id
        self.owner = owner
        self.lease = lease
        self.interval = interval
    }

    func report(_ done: Int) async {
        self.done = done
        guard ContinuousClock.now - last >= interval else { return }
        await write()
    }

    /// Extends the lease now, with the progress last reported.
    func renew() async {
        await write()
    }

    private func write() async {
        last = ContinuousClock.now
        _ = try? await store.heartbeat(id: id, owner: owner, done: done, lease: lease)
    }
}
