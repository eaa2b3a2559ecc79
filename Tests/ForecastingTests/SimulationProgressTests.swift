import Forecasting
import Synchronization
import Testing

@Suite struct SimulationProgressTests {
    /// Progress reports rise to the number of draws and never change the result.
    @Test func progressCountsDrawsWithoutChangingTheResult() async throws {
        let model = try ProjectionTests.model()
        let settings = try UncertaintySettings(draws: 600, seed: 3)
        let reports = Mutex<[Int]>([])
        let reported = try await model.simulate(settings, workers: 2) { done in reports.withLock { $0.append(done) } }
        let silent = try await model.simulate(settings, workers: 2)
        #expect(reported == silent)
        let values = reports.withLock { $0 }
        #expect(values.last == 600)
        #expect(values == values.sorted())
        #expect(values.count > 1)
    }

    /// A cancelled simulation starts no further batch and throws `cancelled`.
    @Test func cancellationStopsTheSimulation() async throws {
        let model = try ProjectionTests.model()
        let settings = try UncertaintySettings(draws: 50_000, seed: 3)
        let task = Task { try await model.simulate(settings, workers: 1) { _ in withUnsafeCurrentTask { $0?.cancel() } } }
        await #expect(throws: ProjectionError.cancelled) { try await task.value }
    }
}
