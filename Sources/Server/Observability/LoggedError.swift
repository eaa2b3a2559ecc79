import OpenAPIRuntime
import Postgres

/// What logs may show of an error.
enum LoggedError {
    /// Never a `ServerError`'s own description, which repeats the request's headers (and so the API key) and
    /// its decoded input, nor a database error's detail, which may quote a row's values (compensation among
    /// them).
    static func text(_ error: any Error) -> String {
        switch error {
        case let serverError as ServerError:
            "operation \(serverError.operationID): \(text(serverError.underlyingError))"
        case let databaseError as PostgresError:
            "PostgresError: \(databaseError.summary)"
        default:
            String(reflecting: error)
        }
    }
}
