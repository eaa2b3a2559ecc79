/// Runs `operation` for at most `budget` (nil: without limit); nil when the budget ran out first, the operation
/// then being cancelled.
///
/// For work computed inside a request that cannot be handed to a worker: past the budget the client gets a
/// clear answer instead of running into the request deadline. The operation must honour cancellation.
func withinBudget<T: Sendable>(_ budget: Duration?, _ operation: @escaping @Sendable () async throws -> T) async throws -> T? {
    guard let budget else { return try await operation() }
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await Task.sleep(for: budget)
            return nil
        }
        group.addTask { try await operation() }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { return nil }
        return first
    }
}
