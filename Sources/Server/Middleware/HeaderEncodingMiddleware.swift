import Foundation
import HTTPTypes
import Hummingbird

/// Undoes the percent-encoding the OpenAPI runtime applies to response header values (it serialises headers
/// in the `simple` style), so that `ETag: "abc"` and `Location: /v1/…` reach clients as written.
struct HeaderEncodingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for name in [HTTPField.Name.eTag, .location] {
            if let value = response.headers[name], value.contains("%"), let decoded = value.removingPercentEncoding {
                response.headers[name] = decoded
            }
        }
        return response
    }
}
