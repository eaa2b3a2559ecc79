import Synchronization

/// The service surfaces built most recently, by queue and tabulated ranges.
///
/// A surface depends only on its queue and ranges, and building one is most of a projection's fixed cost
/// (up to seconds for a queue answered within a day). Runs of the same queues share them: the two sides of a
/// comparison that differ in hiring only, or repeated projections of one org unit with other plans or seeds.
/// A surface from the cache is the one that would be built, so results never depend on it.
public final class ServiceSurfaceCache: Sendable {
    /// The cache every projection uses unless given another.
    public static let shared = ServiceSurfaceCache(capacity: 128)

    /// Surfaces kept; the oldest is dropped first. A surface takes about 0.1 MB, rarely more than 1 MB.
    public let capacity: Int

    private struct Key: Hashable {
        let queue: ServiceQueue
        let workload: ClosedRange<Double>
        let seconds: ClosedRange<Double>
    }

    private struct State {
        var surfaces: [Key: ServiceSurface] = [:]
        var order: [Key] = []
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())

    /// A cache of at most `capacity` surfaces (0 keeps none).
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The surface of `queue` over the ranges, built unless a run built it recently.
    func surface(
        queue: ServiceQueue, dailyWorkloadHours: ClosedRange<Double>, agentSecondsPerContact: ClosedRange<Double>
    ) throws(ProjectionError) -> ServiceSurface {
        let key = Key(queue: queue, workload: dailyWorkloadHours, seconds: agentSecondsPerContact)
        let cached = state.withLock { state -> ServiceSurface? in
            let surface = state.surfaces[key]
            if surface == nil { state.misses += 1 } else { state.hits += 1 }
            return surface
        }
        if let cached { return cached }
        let built = try ServiceSurface(queue: queue, dailyWorkloadHours: dailyWorkloadHours, agentSecondsPerContact: agentSecondsPerContact)
        guard capacity > 0 else { return built }
        state.withLock { state in
            guard state.surfaces[key] == nil else { return }
            state.surfaces[key] = built
            state.order.append(key)
            if state.order.count > capacity { state.surfaces[state.order.removeFirst()] = nil }
        }
        return built
    }

    /// Lookups answered from the cache, and lookups that built a surface.
    public var statistics: (hits: Int, misses: Int) {
        state.withLock { ($0.hits, $0.misses) }
    }

    /// Surfaces held now.
    public var count: Int {
        state.withLock { $0.surfaces.count }
    }
}
