import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime
import Postgres

/// Turns every error thrown below it (routing, authentication, decoding, handlers, database) into an
/// `application/problem+json` response, and logs each server fault once, at error level, with its cause and the
/// request id.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = ProblemMapping.problem(for: error)
            problem.instance = request.uri.path
            if problem.status >= 500 {
                var metadata: Logger.Metadata = ["status": .stringConvertible(problem.status), "error": .string(LoggedError.text(error))]
                if let keyID = RequestScope.caller?.keyID { metadata["key_id"] = .string(keyID) }
                context.logger.error("request failed", metadata: metadata)
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
}
