import Foundation

/// Checks shared by the planning models' initialisers.
enum PlanningValidation {
    /// A finite value of at least zero.
    static func nonNegative(_ value: Double, name: String) throws(PlanningInputError) -> Double {
        guard value.isFinite else { throw .nonFiniteValue(name: name) }
        guard value >= 0 else { throw .negativeValue(name: name) }
        return value
    }

    /// A finite value greater than zero.
    static func positive(_ value: Double, name: String) throws(PlanningInputError) -> Double {
        guard value.isFinite else { throw .nonFiniteValue(name: name) }
        guard value > 0 else { throw .valueNotPositive(name: name) }
        return value
    }

    /// A share, rate or probability in `[0, 1]` (NaN rejected).
    static func fraction(_ value: Double, name: String) throws(PlanningInputError) -> Double {
        guard !value.isNaN else { throw .nonFiniteValue(name: name) }
        guard value >= 0, value <= 1 else { throw .fractionOutOfRange(name: name) }
        return value
    }

    /// An amount of money or a money rate: a number (not NaN) of at least zero.
    static func nonNegative(_ value: Decimal, name: String) throws(PlanningInputError) -> Decimal {
        guard !value.isNaN else { throw .nonFiniteValue(name: name) }
        guard value >= 0 else { throw .negativeValue(name: name) }
        return value
    }
}
