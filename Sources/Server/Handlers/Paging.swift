import Domain
import Foundation

/// `limit` and `cursor` of a list request, validated. Cursors are opaque to clients: base64url of the last id.
struct PageRequest {
    static let defaultLimit = 50
    static let maximumLimit = 500

    let limit: Int
    let after: UUID?

    init(limit: Int?, cursor: String?) throws {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw APIError.invalidParameter(name: "limit", detail: "must be between 1 and \(Self.maximumLimit)")
        }
        self.limit = limit
        if let cursor {
            guard let after = Self.decodeCursor(cursor) else {
                throw APIError.invalidParameter(name: "cursor", detail: "is not a cursor returned by this API")
            }
            self.after = after
        } else {
            self.after = nil
        }
    }

    /// The page to show (at most `limit` of the `limit + 1` records fetched) and the cursor of the next one.
    func split<Record>(_ records: [Record], id: (Record) -> UUID) -> ([Record], String?) {
        let shown = Array(records.prefix(limit))
        let next = records.count > limit ? shown.last.map { Self.cursor(after: id($0)) } : nil
        return (shown, next)
    }

    /// The cursor after `id`: its 32 lowercase hex digits, so that every string of that form is a valid position.
    static func cursor(after id: UUID) -> String {
        id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    private static func decodeCursor(_ cursor: String) -> UUID? {
        let hex = Array(cursor)
        guard hex.count == 32, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let text = String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-" + String(hex[16..<20]) + "-"
            + String(hex[20..<32])
        return UUID(uuidString: text)
    }
}

/// Ids in the path or the query string are UUIDs; anything else is a 400 naming the parameter.
enum IDParameter {
    static func parse(_ text: String, name: String = "id") throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw APIError.invalidParameter(name: name, detail: "must be a UUID")
        }
        return id
    }
}

/// Dates in the query string (`YYYY-MM-DD`); absent means today (UTC).
enum QueryDate {
    static func parse(_ text: String?, name: String) throws -> CalendarDate {
        guard let text else { return .today() }
        guard let date = CalendarDate(text) else {
            throw APIError.invalidParameter(name: name, detail: "must be a date YYYY-MM-DD")
        }
        return date
    }
}

/// Dates in a JSON body (`YYYY-MM-DD`); absent means today (UTC).
enum BodyDate {
    static func parse(_ text: String?, pointer: String) throws -> CalendarDate {
        guard let text else { return .today() }
        guard let date = CalendarDate(text) else {
            throw DomainError.invalid([FieldProblem(pointer: pointer, detail: "must be a date YYYY-MM-DD")])
        }
        return date
    }
}

/// Free-text query parameters, bounded as the API description says.
enum QueryText {
    static func parse(_ value: String?, name: String, maximumLength: Int) throws -> String? {
        guard let value else { return nil }
        guard value.unicodeScalars.count <= maximumLength else {
            throw APIError.invalidParameter(name: name, detail: "must be at most \(maximumLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.invalidParameter(name: name, detail: "must not contain control characters")
        }
        return value
    }
}
