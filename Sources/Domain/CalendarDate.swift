import Foundation

/// A calendar date without time zone (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (1 to 9999).
    public let year: Int
    /// The month (1 to 12).
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Parses `YYYY-MM-DD`; nil when malformed or when the day does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A date from its parts; nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            let date = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let days = calendar.range(of: .day, in: .month, for: date), days.contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in UTC.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The day before (0001-01-01 stays itself).
    public var previousDay: CalendarDate {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1)! }
        if month > 1 {
            let previousMonth = month - 1
            var last = 31
            while CalendarDate(year: year, month: previousMonth, day: last) == nil { last -= 1 }
            return CalendarDate(year: year, month: previousMonth, day: last)!
        }
        return CalendarDate(year: year - 1, month: 12, day: 31) ?? self
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The month of the date, `YYYY-MM`.
    public var monthText: String { String(format: "%04d-%02d", year, month) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
