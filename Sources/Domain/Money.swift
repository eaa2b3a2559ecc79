import Foundation

/// A non-negative amount of money with at most two decimals, kept as its canonical decimal text
/// (`"68500.00"`) so it never passes through a binary float.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// Canonical text with exactly two decimals.
    public let description: String

    /// Parses `digits[.d[d]]`; nil for anything else (signs, exponents, more decimals, over 13 integer digits).
    public init?(_ text: String) {
        self.init(text, fractionDigits: 2, wholeDigits: 13)
    }

    /// A price with up to `fractionDigits` decimals (unit prices such as a cost per conversation), shown with
    /// exactly that many; at most `wholeDigits` digits before the point.
    public init?(_ text: String, fractionDigits: Int, wholeDigits: Int) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...wholeDigits).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= fractionDigits, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else {
            return nil
        }
        while fraction.count < fractionDigits { fraction += "0" }
        let integer = whole.drop { $0 == "0" }
        description = (integer.isEmpty ? "0" : String(integer)) + "." + fraction
    }

    /// Zero.
    public static let zero = Money("0")!

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
