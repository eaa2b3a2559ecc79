import Hummingbird
import NIOCore

/// Refuses request bodies over a size limit with 413, whether announced by `Content-Length` or streamed.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let defaultMaximumBytes: Int
    /// Larger limits for bulk routes, by exact path.
    let maximumBytesByPath: [String: Int]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let maximumBytes = maximumBytesByPath[request.uri.path] ?? defaultMaximumBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBytes {
            throw APIError.payloadTooLarge(limit: maximumBytes)
        }
        guard request.method == .post || request.method == .put || request.method == .patch else {
            return try await next(request, context)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: maximumBytes)
        }
        return try await RequestScope.$rawBody.withValue(Array(buffer: body)) {
            try await next(request, context)
        }
    }
}
