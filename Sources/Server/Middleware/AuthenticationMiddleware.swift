import Foundation
import Logging
import Domain
import Hummingbird
import Store

/// Requires `Authorization: Bearer <key>` on every `/v1` route and makes the key's principal available to
/// handlers through ``RequestScope``. Secrets are never logged.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: any APIKeyRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/v1" || request.uri.path.hasPrefix("/v1/") else {
            return try await RequestScope.$logger.withValue(context.logger) {
                try await next(request, context)
            }
        }
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("Send an API key as `Authorization: Bearer <key>`.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let secret = APIKeySecret(String(parts[1]).trimmingCharacters(in: .whitespaces))
        else {
            throw APIError.unauthorized("The Authorization header must be `Bearer <key>`.")
        }
        guard let record = try await keys.authenticate(secret) else {
            throw APIError.unauthorized("The API key is unknown or revoked.")
        }
        let keyID = record.id.uuidString.lowercased()
        RequestScope.caller?.keyID = keyID
        var context = context
        context.logger[metadataKey: "key_id"] = .string(keyID)
        return try await RequestScope.$principal.withValue(record.principal) {
            try await RequestScope.$logger.withValue(context.logger) {
                try await next(request, context)
            }
        }
    }
}
