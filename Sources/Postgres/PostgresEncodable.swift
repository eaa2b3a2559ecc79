import Foundation

/// A Swift value that can be sent as a query parameter in PostgreSQL's text format.
///
/// Queries state each parameter's type with an explicit cast (`$1::uuid`), so the text form is all the server needs.
public protocol PostgresEncodable: Sendable {
    /// The text form of the value, or `nil` for SQL `NULL`; throws when the value cannot be represented.
    var postgresText: String? { get throws }
}

extension String: PostgresEncodable {
    public var postgresText: String? { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Double: PostgresEncodable {
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }
}

extension Bool: PostgresEncodable {
    public var postgresText: String? { self ? "t" : "f" }
}

extension Decimal: PostgresEncodable {
    public var postgresText: String? { self.isNaN ? "NaN" : "\(self)" }
}

extension UUID: PostgresEncodable {
    public var postgresText: String? { uuidString.lowercased() }
}

extension Date: PostgresEncodable {
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? {
        get throws { try self.flatMap { try $0.postgresText } }
    }
}

/// SQL `NULL` of any type, for places where no typed optional is at hand.
public struct PostgresNull: PostgresEncodable {
    /// Creates a `NULL` parameter.
    public init() {}
    public var postgresText: String? { nil }
}
