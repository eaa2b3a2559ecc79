import Foundation

/// A setting whose value cannot be used. Its description is the one line printed before the command exits.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// Reads settings: the flag's value when given, else the environment variable's (empty counts as unset), else
/// the default. A value that does not parse stops the command with a ``ConfigurationError`` naming the flag or
/// variable it came from, the value (unless secret) and what is expected.
struct SettingReader {
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The raw text of a setting and where it came from, or nil when neither flag nor variable is set.
    func text(flag: String?, flagName: String, variable: String) -> (value: String, source: String)? {
        if let flag { return (flag, flagName) }
        if let value = environment[variable], !value.isEmpty { return (value, variable) }
        return nil
    }

    /// A setting parsed by `parse`, nil when unset.
    func optional<T>(
        _ flag: String?, flagName: String, variable: String, expected: String, secret: Bool = false, parse: (String) -> T?
    ) throws -> T? {
        guard let (value, source) = text(flag: flag, flagName: flagName, variable: variable) else { return nil }
        guard let parsed = parse(value) else {
            let shown = secret ? "" : " \(Self.quoted(value))"
            throw ConfigurationError(description: "invalid \(source)\(shown): expected \(expected)")
        }
        return parsed
    }

    /// A whole number in `range`.
    func integer(_ flag: String?, flagName: String, variable: String, in range: ClosedRange<Int>) throws -> Int? {
        try optional(flag, flagName: flagName, variable: variable, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
            guard $0.allSatisfy(\.isASCII), let number = Int($0), range.contains(number) else { return nil }
            return number
        }
    }

    /// A number of seconds in `range` (decimals allowed), as a duration.
    func seconds(_ flag: String?, flagName: String, variable: String, in range: ClosedRange<Double>) throws -> Duration? {
        let bounds = "\(Self.trimmed(range.lowerBound)) to \(Self.trimmed(range.upperBound))"
        return try optional(flag, flagName: flagName, variable: variable, expected: "a number of seconds from \(bounds)") {
            guard $0.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = Double($0), range.contains(seconds)
            else { return nil }
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
    }

    /// One of the raw values of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ flag: String?, flagName: String, variable: String, of type: Choice.Type
    ) throws -> Choice? where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        return try optional(flag, flagName: flagName, variable: variable, expected: "one of \(names)") { Choice(rawValue: $0) }
    }

    /// `"value"` with control characters escaped and long values cut, safe to print on one line.
    private static func quoted(_ value: String) -> String {
        let shown = value.count > 60 ? value.prefix(60) + "…" : Substring(value)
        return "\"" + shown.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined() + "\""
    }

    private static func trimmed(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
