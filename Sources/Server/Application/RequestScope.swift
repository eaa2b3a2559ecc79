import Domain
import Logging

/// Per-request values that OpenAPI handlers, which receive no Hummingbird context, read from the task.
enum RequestScope {
    /// The authenticated caller; nil outside `/v1`.
    @TaskLocal static var principal: Principal?
    /// The request's logger, carrying its request id.
    @TaskLocal static var logger = Logger(label: "workforce.request")

    /// The caller, or a 401 when the route was reached without authentication.
    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized("An API key is required.") }
        return principal
    }
}
