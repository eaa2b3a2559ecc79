import Foundation
import HTTPTypes
import Hummingbird

/// Answers 405 with `Allow` when a path exists in the API description but not for the request's method
/// (the router alone would answer 404).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = routes.methods(forPath: request.uri.path), !allowed.isEmpty else { throw error }
            throw APIError.methodNotAllowed(allowed: allowed)
        }
    }
}
