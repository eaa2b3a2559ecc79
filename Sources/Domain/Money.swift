import Foundation

/// A non-negative amount of money with at most two decimals, kept as its canonical decimal text
/// (`"68500.00"`) so it never passes through a binary float.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// Canonical text with exactly two decimals.
    public let description: String

    /// Parses `digits[.d[d]]`; nil for anything else (signs, exponents, more decimals, over 13 integer digits).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...13).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else {
            return nil
        }
        while fraction.count < 2 { fraction += "0" }
        let integer = whole.drop { $0 == "0" }
        description = (integer.isEmpty ? "0" : String(integer)) + "." + fraction
    }

    /// Zero.
    public static let zero = Money("0")!

    /// `amount` rounded half away from zero to cents, as decimal text with exactly two decimals (`"-12.50"`),
    /// computed in decimal arithmetic throughout: for computed amounts (costs, totals), which may be negative.
    public static func centsText(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, 2 - fraction.count))
    }

    /// The amount as a decimal number.
    public var amount: Decimal { Decimal(string: description, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }
}

/// An ISO 4217 currency code.
public struct CurrencyCode: Sendable, Hashable, CustomStringConvertible {
    /// The three upper-case letters.
    public let description: String

    /// Accepts three upper-case ASCII letters.
    public init?(_ code: String) {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return nil }
        description = code
    }
}

/// A non-negative price of one unit (e.g. one bot conversation) with at most four decimals, kept as its
/// canonical decimal text (`"0.1250"`) so it never passes through a binary float.
public struct UnitPrice: Sendable, Hashable, CustomStringConvertible {
    /// Canonical text with exactly four decimals.
    public let description: String

    /// Parses `digits[.d{1,4}]` with at most eight integer digits; nil for anything else.
    /// The price as a decimal number.
    public var amount: Decimal { Decimal(string: description, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...8).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else {
            return nil
        }
        while fraction.count < 4 { fraction += "0" }
        let integer = whole.drop { $0 == "0" }
        description = (integer.isEmpty ? "0" : String(integer)) + "." + fraction
    }
}
