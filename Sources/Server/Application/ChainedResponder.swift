import Hummingbird

/// A middleware in front of a responder. Hummingbird chains middleware only inside a router; the application
/// wraps its router this way so that the outer middleware also sees the answers of ``DeadlineResponder``.
struct ChainedResponder<Context>: HTTPResponder {
    let middleware: any RouterMiddleware<Context>
    let next: any HTTPResponder<Context>

    init(_ middleware: any RouterMiddleware<Context>, next: any HTTPResponder<Context>) {
        self.middleware = middleware
        self.next = next
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        try await middleware.handle(request, context: context) { request, context in
            try await next.respond(to: request, context: context)
        }
    }
}
