import Forecasting
import Testing

@Suite struct ServiceSurfaceCacheTests {
    /// A second run of the same queues takes every surface from the cache and gives the identical result.
    @Test func aSecondRunReusesTheSurfacesWithTheSameResult() async throws {
        let model = try ProjectionTests.model()
        let settings = try UncertaintySettings(draws: 300, seed: 5)
        let cache = ServiceSurfaceCache(capacity: 16)
        let first = try await model.simulate(settings, workers: 2, surfaces: cache)
        #expect(cache.statistics.hits == 0)
        #expect(cache.statistics.misses == model.queues.count)
        #expect(cache.count == model.queues.count)
        // Another seed keeps the tabulated ranges: the surfaces are shared, the draws differ.
        let second = try await model.simulate(settings, workers: 2, surfaces: cache)
        _ = try await model.simulate(try UncertaintySettings(draws: 300, seed: 6), workers: 2, surfaces: cache)
        #expect(cache.statistics.hits == 2 * model.queues.count)
        #expect(cache.statistics.misses == model.queues.count)
        #expect(second == first)
        let uncached = try await model.simulate(settings, workers: 2, surfaces: ServiceSurfaceCache(capacity: 0))
        #expect(uncached == first)
    }

    /// Past its capacity the cache drops its oldest surfaces: holding one, a run over several queues (built one
    /// after another) leaves only the last, which the next run's first queue pushes out before it is needed.
    @Test func theOldestSurfacesAreDroppedBeyondTheCapacity() async throws {
        let model = try ProjectionTests.model()
        #expect(model.queues.count > 1)
        let cache = ServiceSurfaceCache(capacity: 1)
        let settings = try UncertaintySettings(draws: 10, seed: 5)
        _ = try await model.simulate(settings, workers: 1, surfaces: cache)
        #expect(cache.count == 1)
        _ = try await model.simulate(settings, workers: 1, surfaces: cache)
        #expect(cache.count == 1)
        #expect(cache.statistics.hits == 0)
        #expect(cache.statistics.misses == 2 * model.queues.count)
    }
}
