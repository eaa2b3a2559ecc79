/// An error from the PostgreSQL client: a failed connection, a statement the server rejected, the pool, or a
/// value that could not be encoded or decoded.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Equatable {
        /// The connection could not be established or was lost.
        case connection
        /// The server rejected a statement; `sqlState` says why.
        case server
        /// No connection became free within the pool's acquire timeout.
        case poolTimeout
        /// The pool was closed.
        case poolClosed
        /// A parameter cannot be sent (for example text containing a NUL byte).
        case invalidParameter
        /// A column value could not be decoded into the requested type.
        case decoding
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// The five-character SQLSTATE code, for server errors.
    public var sqlState: String?
    /// The primary message (never contains the connection password).
    public var message: String
    /// The server's detail message, if any.
    public var detail: String?
    /// The server's hint, if any.
    public var hint: String?
    /// The name of the violated constraint, if any.
    public var constraint: String?
    /// The table concerned, if any.
    public var table: String?
    /// The column concerned, if any.
    public var column: String?

    /// Creates an error.
    public init(
        kind: Kind,
        sqlState: String? = nil,
        message: String,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// True when the connection to the server is gone (lost link, server shut down or restarted).
    public var isConnectionLoss: Bool {
        if kind == .connection { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// True for serialization failures and deadlocks, which a transaction may retry.
    public var isSerializationFailure: Bool {
        sqlState == "40001" || sqlState == "40P01"
    }

    /// True when the server cancelled the statement on request (`57014`).
    public var isQueryCanceled: Bool { sqlState == "57014" }

    /// True when the statement names a table, column, function or type the database does not have
    /// (`42P01`, `42703`, `42883`, `42704`): the schema is older than the code, as when migrations are pending.
    public var isUndefinedObject: Bool {
        guard let sqlState else { return false }
        return ["42P01", "42703", "42883", "42704"].contains(sqlState)
    }

    /// True when no connection could be had: the pool timed out or is closed, or the server is unreachable.
    public var isUnavailable: Bool {
        kind == .poolTimeout || kind == .poolClosed || isConnectionLoss
    }

    /// The SQLSTATE and message without the detail, which may quote a row's values: what logs may show.
    public var summary: String {
        var text = sqlState.map { "\($0): \(message)" } ?? message
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }

    public var description: String {
        var text = sqlState.map { "\($0): \(message)" } ?? message
        if let detail { text += " (\(detail))" }
        return text
    }
}

extension PostgresError {
    /// Well-known SQLSTATE codes.
    public enum Code {
        /// `unique_violation`.
        public static let uniqueViolation = "23505"
        /// `foreign_key_violation`.
        public static let foreignKeyViolation = "23503"
        /// `check_violation`.
        public static let checkViolation = "23514"
        /// `exclusion_violation`.
        public static let exclusionViolation = "23P01"
        /// `not_null_violation`.
        public static let notNullViolation = "23502"
        /// `in_failed_sql_transaction`.
        public static let inFailedTransaction = "25P02"
    }
}
