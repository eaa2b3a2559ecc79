import Foundation

/// Text conversions for `timestamptz` values with microsecond precision.
///
/// Every connection sets `DateStyle = ISO` and `TimeZone = UTC`, so the server sends
/// `2026-11-26 19:30:09.123456+00`; offsets other than `+00` are still parsed.
enum PostgresTimestamp {
    static func format(_ date: Date) -> String {
        let totalMicroseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = totalMicroseconds / 1_000_000
        var micros = totalMicroseconds % 1_000_000
        if micros < 0 {
            micros += 1_000_000
            seconds -= 1
        }
        var days = Int(seconds / 86_400)
        var secondOfDay = Int(seconds % 86_400)
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let civil = CivilCalendar.civil(fromDays: days)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%06d+00",
            civil.year, civil.month, civil.day,
            secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, Int(micros)
        )
    }

    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T") else { return nil }
        guard let date = PostgresDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = number(bytes[11..<13]), bytes[13] == UInt8(ascii: ":"),
            let minute = number(bytes[14..<16]), bytes[16] == UInt8(ascii: ":"),
            let second = number(bytes[17..<19])
        else { return nil }
        var index = 19
        var micros = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if digits < 6 { micros = micros * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            let parts = String(decoding: bytes[(index + 1)...], as: UTF8.self).split(separator: ":")
            guard !parts.isEmpty, parts.count <= 3 else { return nil }
            var multiplier = 3600
            for part in parts {
                guard let value = number(Array(part.utf8)[...]) else { return nil }
                offsetSeconds += value * multiplier
                multiplier /= 60
            }
            if sign == UInt8(ascii: "-") { offsetSeconds = -offsetSeconds }
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
