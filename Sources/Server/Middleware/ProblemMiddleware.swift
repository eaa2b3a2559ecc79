import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime

/// Turns every error thrown below it (routing, authentication, decoding, handlers, database) into an
/// `application/problem+json` response, and logs server faults with the request id.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = ProblemMapping.problem(for: error)
            problem.instance = request.uri.path
            if problem.status >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(Self.loggable(error))"]
                )
            }
            var headers: HTTPFields = [.contentType: "application/problem+json"]
            if let retryAfter = problem.retryAfterSeconds {
                headers[.retryAfter] = String(retryAfter)
            }
            if let allowed = problem.allowedMethods {
                headers[.allow] = allowed.joined(separator: ", ")
            }
            if problem.status == 401 {
                headers[.wwwAuthenticate] = "Bearer"
            }
            return Response(
                status: .init(code: problem.status),
                headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: problem.encoded()))
            )
        }
    }

    /// What to log of a failure: never a `ServerError`'s own description, which repeats the request's headers
    /// (and so the API key) and its decoded input.
    private static func loggable(_ error: any Error) -> String {
        if let serverError = error as? ServerError {
            return "operation \(serverError.operationID): \(String(reflecting: serverError.underlyingError))"
        }
        return String(reflecting: error)
    }
}
