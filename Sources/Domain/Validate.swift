import Foundation

/// Field checks shared by the validated inputs; each appends its problem instead of throwing, so one
/// response can list every invalid field. Lengths count Unicode code points, as JSON Schema and PostgreSQL do.
enum Validate {
    static func name(_ value: String, pointer: String, maximumLength: Int = 200, into problems: inout [FieldProblem]) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if hasControlCharacters(trimmed) {
            problems.append(FieldProblem(pointer: pointer, detail: "must not contain control characters"))
        } else if trimmed.isEmpty {
            problems.append(FieldProblem(pointer: pointer, detail: "must not be empty"))
        } else if value.unicodeScalars.count > maximumLength {
            problems.append(FieldProblem(pointer: pointer, detail: "must be at most \(maximumLength) characters"))
        }
        return trimmed
    }

    static func optionalText(_ value: String?, pointer: String, maximumLength: Int, into problems: inout [FieldProblem]) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if hasControlCharacters(trimmed) {
            problems.append(FieldProblem(pointer: pointer, detail: "must not contain control characters"))
        } else if trimmed.isEmpty {
            problems.append(FieldProblem(pointer: pointer, detail: "must not be empty when given"))
        } else if value.unicodeScalars.count > maximumLength {
            problems.append(FieldProblem(pointer: pointer, detail: "must be at most \(maximumLength) characters"))
        }
        return trimmed
    }

    static func optionalUUID(_ value: String?, pointer: String, into problems: inout [FieldProblem]) -> UUID? {
        guard let value else { return nil }
        guard let id = UUID(uuidString: value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be a UUID"))
            return nil
        }
        return id
    }

    static func money(_ value: String, pointer: String, into problems: inout [FieldProblem]) -> Money {
        guard let money = Money(value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be a non-negative decimal string with at most two decimals"))
            return .zero
        }
        return money
    }

    static func currency(_ value: String, pointer: String, into problems: inout [FieldProblem]) -> CurrencyCode {
        guard let code = CurrencyCode(value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be an ISO 4217 code of three upper-case letters"))
            return CurrencyCode("XXX")!
        }
        return code
    }

    static func rate(_ value: Double, pointer: String, into problems: inout [FieldProblem]) -> Double {
        guard value.isFinite, (0...1).contains(value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be between 0 and 1"))
            return 0
        }
        return value
    }

    /// Shares are stored with four decimals; rounding here lets rules across fields see the stored values.
    static func share(_ value: Double, pointer: String, into problems: inout [FieldProblem]) -> Double {
        guard value.isFinite, (0...1).contains(value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be between 0 and 1"))
            return 0
        }
        return (value * 10_000).rounded() / 10_000
    }

    /// A month `YYYY-MM` between ``HiringPlanLimits/months``, as its first day.
    static func month(_ text: String, pointer: String, into problems: inout [FieldProblem]) -> CalendarDate {
        guard text.utf8.count == 7, let first = CalendarDate(text + "-01"), HiringPlanLimits.months.contains(first) else {
            let range = HiringPlanLimits.months
            problems.append(FieldProblem(
                pointer: pointer, detail: "must be a month YYYY-MM from \(range.lowerBound.monthText) to \(range.upperBound.monthText)"
            ))
            return HiringPlanLimits.months.lowerBound
        }
        return first
    }

    static func rampMonths(_ value: Int, into problems: inout [FieldProblem]) -> Int {
        guard (0...36).contains(value) else {
            problems.append(FieldProblem(pointer: "/ramp_months_to_full_productivity", detail: "must be between 0 and 36"))
            return 0
        }
        return value
    }

    /// FTE is stored with three decimals, so values that round to 0 are refused rather than stored as 0.
    static func fte(_ value: Double, into problems: inout [FieldProblem]) -> Double {
        let rounded = (value * 1000).rounded() / 1000
        guard value.isFinite, rounded > 0, value <= 1 else {
            problems.append(FieldProblem(pointer: "/fte", detail: "must be at least 0.001 and at most 1 (three decimals)"))
            return 1
        }
        return rounded
    }

    /// Text fields refuse control characters (NUL cannot even be stored); tabs and newlines included.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// A record's key in the HR system: 1 to 200 code points, no control characters, surrounding blanks trimmed.
public enum ExternalID {
    /// The trimmed key; throws ``DomainError/invalid(_:)`` naming `pointer`.
    public static func validate(_ value: String, pointer: String = "/external_id") throws -> String {
        var problems: [FieldProblem] = []
        let key = Validate.optionalText(value, pointer: pointer, maximumLength: 200, into: &problems)
        guard problems.isEmpty, let key else { throw DomainError.invalid(problems) }
        return key
    }
}
