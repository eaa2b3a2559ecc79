import Domain
import Foundation
import Hummingbird
import OpenAPIRuntime
import Postgres

/// The one place where errors become HTTP responses.
enum ProblemMapping {
    /// Seconds clients are told to wait when the database is unavailable.
    static let retryAfterSeconds = 5

    /// The problem for an error; `isServerFault` tells whether it must be logged as a 5xx.
    static func problem(for error: any Error) -> Problem {
        switch error {
        case let error as ServerError:
            return problem(forOperationError: error)
        case let error as APIError:
            return problem(for: error)
        case let error as DomainError:
            return problem(for: error)
        case let error as ImportRejected:
            return Problem(
                status: 422, slug: "import-rejected", title: "Unprocessable Content",
                detail: "\(Set(error.problems.map(\.row)).count) of \(error.rowCount) rows have problems; nothing was imported.",
                errors: error.problems.prefix(100).map { .init(row: $0.row, column: $0.column, detail: $0.detail) }
            )
        case let error as DecodingError:
            return Problem(
                status: 400, slug: "invalid-request", title: "Bad Request",
                detail: "The request could not be decoded.", errors: [fieldError(for: error)]
            )
        case let error as PostgresError where error.isUnavailable:
            return unavailable
        case let error as PostgresError where error.isQueryCanceled:
            return Problem(
                status: 503, slug: "timeout", title: "Service Unavailable",
                detail: "The database did not finish the request in time; retry later.", retryAfterSeconds: retryAfterSeconds
            )
        case let error as PostgresError where error.isUndefinedObject:
            return schemaNotReady
        case let error as PostgresError where error.kind == .invalidParameter:
            return Problem(status: 400, slug: "invalid-request", title: "Bad Request", detail: "A text value contains a NUL character.")
        case is CancellationError:
            return unavailable
        case let error as HTTPError:
            return problem(status: Int(error.status.code), detail: error.body)
        default:
            return internalError
        }
    }

    static let internalError = Problem(
        status: 500, slug: "internal", title: "Internal Server Error",
        detail: "The server failed to handle the request; the failure is logged with the request id."
    )

    /// The database lacks tables or columns this server uses: its migrations are pending (`serve --no-migrate`
    /// started before `workforce migrate` ran, or an older schema was restored).
    static let schemaNotReady = Problem(
        status: 503, slug: "schema-not-ready", title: "Service Unavailable",
        detail: "The database schema is older than this server: migrations are pending. Retry once `workforce migrate` has run.",
        retryAfterSeconds: retryAfterSeconds
    )

    static let unavailable = Problem(
        status: 503, slug: "unavailable", title: "Service Unavailable",
        detail: "The database is unavailable; retry later.", retryAfterSeconds: retryAfterSeconds
    )

    private static func problem(forOperationError error: ServerError) -> Problem {
        let underlying = error.underlyingError
        if let decodingError = underlying as? DecodingError,
            let parameter = queryParameter(named: decodingError, in: error.request.path ?? "")
        {
            return Problem(
                status: 400, slug: "invalid-request", title: "Bad Request", detail: "A query parameter is invalid.",
                errors: [.init(parameter: parameter, detail: fieldError(for: decodingError).detail)]
            )
        }
        if let decodingError = underlying as? DecodingError, fieldError(for: decodingError).pointer == "",
            let query = error.request.path?.split(separator: "?", maxSplits: 1).dropFirst().first
        {
            // The runtime decodes each query parameter as a root value, so the error carries no key: name
            // the parameters the request sent instead.
            let names = query.split(separator: "&").compactMap { $0.split(separator: "=").first.map(String.init) }
            return Problem(
                status: 400, slug: "invalid-request", title: "Bad Request",
                detail: "A query parameter has a value of the wrong type or outside its allowed values.",
                errors: Set(names).sorted().prefix(20).map {
                    .init(parameter: String($0.prefix(100)), detail: "check this value against the API description")
                }
            )
        }
        if underlying is DomainError || underlying is DecodingError || underlying is ImportRejected || underlying is PostgresError
            || underlying is APIError || underlying is CancellationError
        {
            return problem(for: underlying)
        }
        let status = Int(error.httpStatus.code)
        if status == 415 {
            let received = error.request.headerFields[.contentType] ?? "none"
            return Problem(
                status: 415, slug: "unsupported-media-type", title: "Unsupported Media Type",
                detail: "This operation does not accept the content type \(received.prefix(100))."
            )
        }
        return problem(status: status, detail: nil)
    }

    private static func problem(for error: APIError) -> Problem {
        switch error {
        case .unauthorized(let detail):
            Problem(status: 401, slug: "unauthorized", title: "Unauthorized", detail: detail)
        case .payloadTooLarge(let limit):
            Problem(
                status: 413, slug: "payload-too-large", title: "Content Too Large",
                detail: "The request body exceeds the limit of \(limit) bytes."
            )
        case .methodNotAllowed(let allowed):
            Problem(
                status: 405, slug: "method-not-allowed", title: "Method Not Allowed",
                detail: "This path supports \(allowed.joined(separator: ", ")).", allowedMethods: allowed
            )
        case .invalidParameter(let name, let detail):
            Problem(
                status: 400, slug: "invalid-request", title: "Bad Request", detail: "A parameter is invalid.",
                errors: [.init(parameter: name, detail: detail)]
            )
        case .deadlineExceeded(let timeout):
            Problem(
                status: 503, slug: "timeout", title: "Service Unavailable",
                detail: "The request took longer than \(secondsText(timeout)) seconds and was cancelled; retry later.",
                retryAfterSeconds: retryAfterSeconds
            )
        }
    }

    private static func problem(for error: DomainError) -> Problem {
        switch error {
        case .invalid(let problems):
            Problem(
                status: 400, slug: "invalid-request", title: "Bad Request", detail: "The request has invalid fields.",
                errors: problems.map { .init(pointer: $0.pointer, detail: $0.detail) }
            )
        case .forbidden(let detail):
            Problem(status: 403, slug: "forbidden", title: "Forbidden", detail: detail)
        case .notFound(let detail):
            Problem(status: 404, slug: "not-found", title: "Not Found", detail: detail)
        case .conflict(let detail):
            Problem(status: 409, slug: "conflict", title: "Conflict", detail: detail)
        case .preconditionFailed(let detail):
            Problem(status: 412, slug: "precondition-failed", title: "Precondition Failed", detail: detail)
        case .unprocessable(let detail):
            Problem(status: 422, slug: "unprocessable", title: "Unprocessable Content", detail: detail)
        case .unresolvedReferences(let problems):
            Problem(
                status: 422, slug: "unprocessable", title: "Unprocessable Content",
                detail: "The request refers to records that do not exist or are outside your scope.",
                errors: problems.map { .init(pointer: $0.pointer, detail: $0.detail) }
            )
        }
    }

    private static func problem(status: Int, detail: String?) -> Problem {
        switch status {
        case 400:
            Problem(status: 400, slug: "invalid-request", title: "Bad Request", detail: detail ?? "The request is malformed or misses a required part.")
        case 404:
            Problem(status: 404, slug: "not-found", title: "Not Found", detail: detail ?? "No resource at this path.")
        case 405:
            Problem(status: 405, slug: "method-not-allowed", title: "Method Not Allowed", detail: detail ?? "This path does not support the method.")
        case 406:
            Problem(status: 406, slug: "not-acceptable", title: "Not Acceptable", detail: detail ?? "No representation matches the Accept header.")
        case 413:
            Problem(status: 413, slug: "payload-too-large", title: "Content Too Large", detail: detail ?? "The request body is too large.")
        case 415:
            Problem(status: 415, slug: "unsupported-media-type", title: "Unsupported Media Type", detail: detail ?? "The content type is not supported.")
        case 400..<500:
            Problem(status: status, slug: "client-error", title: "Client Error", detail: detail ?? "The request cannot be served.")
        case 503:
            unavailable
        default:
            internalError
        }
    }

    /// `60`, `0.5`: a duration in seconds as people write it.
    static func secondsText(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return String(seconds) }
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// The query parameter a decoding failure is about, when its coding path starts with one.
    private static func queryParameter(named error: DecodingError, in path: String) -> String? {
        let context: DecodingError.Context? =
            switch error {
            case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                .dataCorrupted(let context):
                context
            @unknown default:
                nil
            }
        guard let name = context?.codingPath.first?.stringValue, let query = path.split(separator: "?", maxSplits: 1).last,
            path.contains("?")
        else { return nil }
        let names = query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "" }
        return names.contains(name) ? name : nil
    }

    /// A field error naming the JSON pointer of a decoding failure, built from its coding path.
    static func fieldError(for error: DecodingError) -> Problem.FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return .init(pointer: pointer(context.codingPath + [key]), detail: "is required")
        case .typeMismatch(_, let context):
            return .init(pointer: pointer(context.codingPath), detail: "has the wrong type")
        case .valueNotFound(_, let context):
            return .init(pointer: pointer(context.codingPath), detail: "must not be null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .init(pointer: "", detail: "is not valid JSON")
            }
            return .init(pointer: pointer(context.codingPath), detail: "has an invalid value")
        @unknown default:
            return .init(pointer: "", detail: "is invalid")
        }
    }

    /// RFC 6901 pointer for a coding path (`~` and `/` escaped).
    static func pointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }
}
