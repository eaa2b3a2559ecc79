/// Errors of the HTTP layer itself (as opposed to domain rules).
enum APIError: Error, Sendable {
    /// No, an unknown or a revoked API key (401).
    case unauthorized(String)
    /// The body exceeds the configured limit (413).
    case payloadTooLarge(limit: Int)
    /// The path exists, but not for this method (405).
    case methodNotAllowed(allowed: [String])
    /// A query, path or header parameter is invalid (400).
    case invalidParameter(name: String, detail: String)
    /// The request ran past the request timeout and was cancelled (503).
    case deadlineExceeded(after: Duration)
}
