import Foundation
import Logging
import ServiceLifecycle
import Store
import Synchronization

/// Projection runs computed by the process whose request created them.
///
/// A run is stored already claimed by this process, under the same lease the workers use, and computed in a
/// task of its own. The request waits for it at most `budget`: a run that finishes in time is answered at once
/// (201); one that does not is answered 202 and goes on in the background, so no request runs into its
/// deadline however large the organisation's queues are. At graceful shutdown the runs still computing are
/// released for the workers (``Drain``); if the process dies instead, their leases expire and a worker of any
/// replica computes them again.
final class InlineProjections: Sendable {
    /// What became of a run the request waited for.
    enum Outcome: Sendable {
        /// Finished within the budget (its result stored, unless a worker had taken the run over).
        case finished(UUID)
        /// Still computing in the background.
        case handedOff(ProjectionRecord)
    }

    /// How the runs are computed, as by the workers.
    let runner: ProjectionJobRunner
    /// The lease owner written on the runs this process computes.
    let owner: String
    /// The longest a request waits for its run.
    let budget: Duration
    /// Runs computed at once; beyond, runs are queued for the workers.
    let capacity: Int
    private let running = Mutex(0)
    /// The computations in flight, by run.
    private let tasks = Mutex<[UUID: Task<Void, Never>]>([:])

    init(runner: ProjectionJobRunner, owner: String, budget: Duration, capacity: Int) {
        self.runner = runner
        self.owner = owner
        self.budget = budget
        self.capacity = capacity
    }

    /// Stores `run` and computes it; nil (nothing stored) when `capacity` runs are already computing.
    ///
    /// Throws the computation's error when it fails within the budget (the run is then stored as failed), and
    /// `CancellationError` when the request is cancelled while waiting (the run goes on).
    func start(_ run: NewProjection, inputs: ProjectionInputs) async throws -> Outcome? {
        guard reserve() else { return nil }
        let record: ProjectionRecord
        do {
            record = try await runner.store.insertClaimed(run, owner: owner, lease: runner.lease)
        } catch {
            free()
            throw error
        }
        let (outcomes, continuation) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        // Not a child of the request: the computation outlives a request that stops waiting for it. Its handle is
        // stored under the lock its end takes to remove it, so a handle never outlives its computation.
        tasks.withLock { tasks in
            tasks[record.id] = Task.detached { [self] in
                defer {
                    self.tasks.withLock { _ = $0.removeValue(forKey: record.id) }
                    free()
                }
                do {
                    try await runner.compute(id: record.id, inputs: inputs, owner: owner)
                    continuation.yield(.success(()))
                } catch {
                    continuation.yield(.failure(error))
                }
                continuation.finish()
            }
        }
        let budget = self.budget
        let outcome = await withTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask {
                for await outcome in outcomes { return outcome }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: budget)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch outcome {
        case .success?:
            return .finished(record.id)
        case .failure(let error)?:
            throw error
        case nil:
            try Task.checkCancellation()
            runner.logger.info("projection continues in the background", metadata: ["projection_id": "\(record.id)"])
            return .handedOff(record)
        }
    }

    /// Cancels the computations in flight, which release their runs for the workers, and waits for them.
    func releaseAll() async {
        let running = tasks.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Releases the runs still computing when the service shuts down gracefully.
    struct Drain: Service {
        let projections: InlineProjections

        func run() async throws {
            try? await gracefulShutdown()
            await projections.releaseAll()
        }
    }

    /// Runs computing now.
    var runningCount: Int { running.withLock { $0 } }

    private func reserve() -> Bool {
        running.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
    }

    private func free() {
        running.withLock { $0 -= 1 }
    }
}
