import Foundation

/// Comparison of money amounts computed along different paths.
enum DecimalApproximation {
    /// Equal up to the last digits of `Decimal`'s 38-digit mantissa (repeating fractions such as
    /// `/ 12` are rounded there, at a position that depends on each operand's representation).
    static func close(_ a: Decimal, _ b: Decimal) -> Bool {
        let difference = abs(a - b)
        return difference <= max(abs(a), abs(b), 1) * Decimal(sign: .plus, exponent: -30, significand: 1)
    }
}
