import Foundation

/// A calendar month, `YYYY-MM` in the API and the first day of the month in the database.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Earliest month the API accepts.
    public static let earliest = CalendarMonth(uncheckedYear: 1900, month: 1)
    /// Latest month the API accepts.
    public static let latest = CalendarMonth(uncheckedYear: 2199, month: 12)

    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int

    /// Parses `YYYY-MM` between ``earliest`` and ``latest``; nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month)
    }

    /// A month in range; nil otherwise.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        let candidate = CalendarMonth(uncheckedYear: year, month: month)
        guard candidate >= .earliest, candidate <= .latest else { return nil }
        self = candidate
    }

    /// The month of a date.
    public init(_ date: CalendarDate) {
        self.init(uncheckedYear: date.year, month: date.month)
    }

    private init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The current month in UTC.
    public static func current(_ now: Date = Date()) -> CalendarMonth {
        CalendarMonth(CalendarDate.today(now))
    }

    /// Months since year 0, for arithmetic.
    public var ordinal: Int { year * 12 + month - 1 }

    /// The month `count` months later (earlier when negative), unbounded by ``latest``.
    public func adding(months count: Int) -> CalendarMonth {
        let target = ordinal + count
        return CalendarMonth(uncheckedYear: target / 12, month: target % 12 + 1)
    }

    /// Whole months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: CalendarMonth) -> Int { other.ordinal - ordinal }

    /// The first day of the month.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// `YYYY-MM`.
    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension Validate {
    static func calendarMonth(_ value: String, pointer: String, into problems: inout [FieldProblem]) -> CalendarMonth {
        guard let month = CalendarMonth(value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be a month YYYY-MM between 1900-01 and 2199-12"))
            return .earliest
        }
        return month
    }

    static func number(
        _ value: Double, pointer: String, in range: ClosedRange<Double>, excludingLower: Bool = false, excludingUpper: Bool = false,
        into problems: inout [FieldProblem]
    ) -> Double {
        let inside = value.isFinite && range.contains(value) && !(excludingLower && value == range.lowerBound)
            && !(excludingUpper && value == range.upperBound)
        guard inside else {
            let lower = excludingLower ? "above \(range.lowerBound.compact)" : "at least \(range.lowerBound.compact)"
            let upper = excludingUpper ? "below \(range.upperBound.compact)" : "at most \(range.upperBound.compact)"
            problems.append(FieldProblem(pointer: pointer, detail: "must be \(lower) and \(upper)"))
            return range.lowerBound
        }
        return value
    }
}

extension Double {
    /// The shortest text of a bound in a message: `1` rather than `1.0`.
    var compact: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
