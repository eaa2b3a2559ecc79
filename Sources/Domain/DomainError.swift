/// A rule of the domain was broken. The server maps each case to one HTTP status in one place.
public enum DomainError: Error, Sendable, Equatable {
    /// Input is malformed; each entry names a JSON pointer and what is wrong there (400).
    case invalid([FieldProblem])
    /// The caller's role lacks the permission (403).
    case forbidden(String)
    /// The resource does not exist or is outside the caller's scope (404).
    case notFound(String)
    /// The request conflicts with the current state (409).
    case conflict(String)
    /// The `If-Match` precondition failed: the resource changed (412).
    case preconditionFailed(String)
    /// Well-formed but semantically impossible (422).
    case unprocessable(String)
    /// Well-formed, but the named fields refer to records that do not exist or are outside the caller's scope (422).
    case unresolvedReferences([FieldProblem])
}

/// One problem with one field of a request.
public struct FieldProblem: Sendable, Equatable {
    /// JSON pointer (RFC 6901) to the field, e.g. `/lines/0/month`.
    public let pointer: String
    /// What is wrong with it.
    public let detail: String

    /// Creates a field problem.
    public init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }
}
