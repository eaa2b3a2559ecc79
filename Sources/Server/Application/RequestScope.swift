import Domain
import Foundation
import Logging

/// Per-request values that OpenAPI handlers, which receive no Hummingbird context, read from the task.
enum RequestScope {
    /// The authenticated caller; nil outside `/v1`.
    @TaskLocal static var principal: Principal?
    /// The request's logger, carrying its request id.
    @TaskLocal static var logger = Logger(label: "workforce.request")

    /// The request body as received (bodies are collected, bounded, before routing).
    @TaskLocal static var rawBody: [UInt8] = []

    /// The top-level keys of the JSON body, to tell a field sent as `null` from one left out.
    static func presentKeys() -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(rawBody)) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    /// The caller, or a 401 when the route was reached without authentication.
    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized("An API key is required.") }
        return principal
    }
}
