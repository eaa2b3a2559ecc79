import Logging
import Foundation
import HTTPTypes
import Hummingbird

/// Gives every request an id (the client's `X-Request-Id` when it is sane, else a new one), adds it to the
/// request's logger, and echoes it on every response, errors included.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestID = request.headers[Self.headerName].flatMap(Self.acceptable) ?? UUID().uuidString.lowercased()
        var context = context
        // Hummingbird's own per-connection counter would sit beside the id clients and logs share.
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(requestID)
        var response = try await next(request, context)
        response.headers[Self.headerName] = requestID
        return response
    }

    /// A client-supplied id is kept when short and made of visible ASCII, so it cannot forge log lines.
    private static func acceptable(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else { return nil }
        return value
    }
}
