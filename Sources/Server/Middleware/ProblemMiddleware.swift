import Foundation
import Hummingbird
import Logging
import NIOCore

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
                    metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(String(reflecting: error))"]
                )
            }
            var headers: HTTPFields = [.contentType: "application/problem+json"]
            if let retryAfter = problem.retryAfterSeconds {
                headers[.retryAfter] = String(retryAfter)
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
}
