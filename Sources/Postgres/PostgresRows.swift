/// The rows a statement returned, copied out of libpq into Swift values.
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// Column names, in order.
    public let columns: [String]
    /// Rows affected by an `INSERT`, `UPDATE`, `DELETE`, `COPY`… (0 when not reported).
    public let affectedRows: Int
    private let values: [String?]

    init(columns: [String], values: [String?], affectedRows: Int) {
        self.columns = columns
        self.values = values
        self.affectedRows = affectedRows
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : values.count / columns.count }

    public subscript(position: Int) -> PostgresRow {
        let width = columns.count
        return PostgresRow(columns: columns, values: values[(position * width)..<((position + 1) * width)])
    }
}

/// One row of a result.
public struct PostgresRow: Sendable {
    /// Column names, in order.
    public let columns: [String]
    let values: ArraySlice<String?>

    /// The raw text of a column, or `nil` for `NULL`.
    public func text(_ column: String) throws -> String? {
        values[values.startIndex + (try index(of: column))]
    }

    /// Decodes a non-null column; throws when it is `NULL` or not a valid value of the type.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        guard let text = try text(column) else {
            throw PostgresError(kind: .decoding, message: "column \"\(column)\" is NULL, expected \(T.self)")
        }
        return try Self.decode(text, as: T.self, column: column)
    }

    /// Decodes a nullable column.
    public func decode<T: PostgresDecodable>(_ type: T?.Type = T?.self, _ column: String) throws -> T? {
        guard let text = try text(column) else { return nil }
        return try Self.decode(text, as: T.self, column: column)
    }

    private func index(of column: String) throws -> Int {
        guard let index = columns.firstIndex(of: column) else {
            throw PostgresError(kind: .decoding, message: "no column \"\(column)\" in result")
        }
        return index
    }

    private static func decode<T: PostgresDecodable>(_ text: String, as type: T.Type, column: String) throws -> T {
        guard let value = T(postgresText: text) else {
            throw PostgresError(kind: .decoding, message: "column \"\(column)\" is not a valid \(T.self)")
        }
        return value
    }
}
