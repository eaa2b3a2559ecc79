import CLibPQ
import Foundation

/// A libpq connection string (`key=value` pairs or a `postgresql://` URI), parsed by libpq itself.
///
/// Parsing lets the client describe a connection and scrub its password from messages without ever
/// printing the secret, and rewrite single settings such as the database name.
public struct ConnectionString: Sendable, CustomStringConvertible {
    /// The string as given, which may hold a password: pass it to libpq, never to a log.
    public let raw: String
    /// The settings the string names explicitly, in libpq's order.
    public let settings: [(key: String, value: String)]

    /// Parses a connection string; throws a message naming the problem (without the string itself).
    public init(_ raw: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(raw, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "invalid connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                kind: .connection,
                message: Self.scrub(message.trimmingTrailingNewlines, secrets: Self.passwordCandidates(in: raw))
            )
        }
        defer { PQconninfoFree(options) }
        var settings: [(key: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                settings.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        self.raw = raw
        self.settings = settings
    }

    private init(raw: String, settings: [(key: String, value: String)]) {
        self.raw = raw
        self.settings = settings
    }

    /// The value of one setting, if the string names it.
    public subscript(key: String) -> String? {
        settings.last { $0.key == key }?.value
    }

    /// The same connection with some settings replaced, rendered as `key=value` pairs.
    public func replacing(_ replacements: [String: String]) -> ConnectionString {
        var settings = self.settings.filter { replacements[$0.key] == nil }
        settings.append(contentsOf: replacements.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let raw = settings.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        return ConnectionString(raw: raw, settings: settings)
    }

    /// A description safe to log: host, port, database and user, never the password.
    public var description: String {
        let shown = ["host", "hostaddr", "port", "dbname", "user"].compactMap { key in
            self[key].map { "\(key)=\($0)" }
        }
        return shown.isEmpty ? "(libpq defaults)" : shown.joined(separator: " ")
    }

    /// Removes the password from a message produced while using this connection string.
    public func scrub(_ message: String) -> String {
        Self.scrub(message, secrets: [self["password"]].compactMap { $0 } + Self.passwordCandidates(in: raw))
    }

    /// Quotes a value for a `key=value` connection string.
    public static func quote(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }

    private static func scrub(_ message: String, secrets: [String]) -> String {
        secrets.filter { $0.count >= 1 }.reduce(message) { text, secret in
            text.replacingOccurrences(of: secret, with: "********")
        }
    }

    /// The user-info password of a URI (`scheme://user:password@host`), found without libpq so that it can be
    /// scrubbed even from a string libpq refuses to parse.
    private static func passwordCandidates(in raw: String) -> [String] {
        guard let schemeEnd = raw.range(of: "://") else { return [] }
        let rest = raw[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return [] }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return [] }
        let password = String(userInfo[userInfo.index(after: colon)...])
        return password.isEmpty ? [] : [password, password.removingPercentEncoding ?? password]
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
