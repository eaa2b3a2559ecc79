import Hummingbird

/// Gives each request a deadline: past it, the work is cancelled (database statements with it) and
/// ``APIError/deadlineExceeded(after:)`` is thrown, which becomes a 503.
///
/// The responder it wraps runs in a child task racing a timer, so it must be `Sendable`; that is why the deadline
/// wraps the router rather than being a middleware, whose `next` closure cannot leave the current task.
struct DeadlineResponder<Next: HTTPResponder>: HTTPResponder where Next.Context: Sendable {
    let next: Next
    /// The longest a request may take; nil for no limit.
    let timeout: Duration?

    func respond(to request: Request, context: Next.Context) async throws -> Response {
        guard let timeout else { return try await next.respond(to: request, context: context) }
        return try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask {
                try await next.respond(to: request, context: context)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw APIError.deadlineExceeded(after: timeout)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
