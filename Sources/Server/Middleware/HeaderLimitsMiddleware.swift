import HTTPTypes
import Hummingbird

/// Refuses oversized `If-Match` headers (the API description bounds them at 200 characters) before any handler.
struct HeaderLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maximumIfMatchLength: Int { 200 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let ifMatch = request.headers[.ifMatch], ifMatch.count > Self.maximumIfMatchLength {
            throw APIError.invalidParameter(name: "If-Match", detail: "must be at most \(Self.maximumIfMatchLength) characters")
        }
        return try await next(request, context)
    }
}
