import Foundation

/// A `json`/`jsonb` value carried as a `Codable` Swift value.
///
/// Send it with a cast (`$1::jsonb`); decode a column with `row.decode(PostgresJSON<T>.self, …)`.
public struct PostgresJSON<Value: Codable & Sendable>: Sendable, PostgresEncodable, PostgresDecodable {
    /// The wrapped value.
    public var value: Value

    /// Wraps a value.
    public init(_ value: Value) { self.value = value }

    public var postgresText: String? {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            do {
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            } catch {
                throw PostgresError(kind: .invalidParameter, message: "value cannot be encoded as JSON")
            }
        }
    }

    public init?(postgresText: String) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let value = try? decoder.decode(Value.self, from: Data(postgresText.utf8)) else { return nil }
        self.value = value
    }
}
