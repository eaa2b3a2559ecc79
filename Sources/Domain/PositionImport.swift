import Foundation

/// One problem with one row of an import.
public struct RowProblem: Sendable, Equatable {
    /// Row number in the file (the first data row is 1).
    public let row: Int
    /// The column concerned, if any.
    public let column: String?
    /// What is wrong.
    public let detail: String

    /// Creates a row problem.
    public init(row: Int, column: String?, detail: String) {
        self.row = row
        self.column = column
        self.detail = detail
    }
}

/// Problems found in rows.
public struct RowProblems: Error, Sendable, Equatable {
    /// The problems, in row order.
    public let all: [RowProblem]

    /// Wraps problems.
    public init(_ all: [RowProblem]) {
        self.all = all
    }
}

/// An import was rejected as a whole; nothing was applied.
public struct ImportRejected: Error, Sendable, Equatable {
    /// Every problem found (callers show the first ones).
    public let problems: [RowProblem]
    /// Rows in the import.
    public let rowCount: Int

    /// Creates the rejection.
    public init(problems: [RowProblem], rowCount: Int) {
        self.problems = problems
        self.rowCount = rowCount
    }
}

/// A reference to another record: its id or its HR-system key.
public enum RecordReference: Sendable, Equatable, Hashable {
    /// By id.
    case id(UUID)
    /// By `external_id`.
    case externalID(String)
}

/// One validated row of a position import (upsert by `external_id`).
public struct PositionImportRow: Sendable, Equatable {
    /// Row number in the file.
    public let row: Int
    /// The position's HR-system key.
    public let externalID: String
    /// Its org unit.
    public let orgUnit: RecordReference
    /// Its role.
    public let role: RecordReference
    /// FTE in (0, 1].
    public let fte: Double
    /// Status.
    public let status: PositionStatus
    /// Queue served, if any.
    public let queueID: UUID?
    /// Employee reference, if any.
    public let employeeRef: String?
    /// Salary override, if any.
    public let salaryOverride: Money?
    /// The date the row takes effect.
    public let effectiveDate: CalendarDate

    /// Columns an import may have.
    public static let columns: Set<String> = [
        "external_id", "org_unit_id", "org_unit_external_id", "role_id", "role_external_id", "fte", "status", "queue_id",
        "employee_ref", "salary_override", "effective_date",
    ]

    /// The most rows one import may hold.
    public static let maximumRows = 100_000

    /// Validates one row given as column → text (empty text counts as absent).
    public static func parse(_ fields: [String: String], row: Int, defaultDate: CalendarDate) -> Result<PositionImportRow, RowProblems> {
        var problems: [RowProblem] = []
        func value(_ column: String) -> String? {
            guard let text = fields[column]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func problem(_ column: String?, _ detail: String) {
            problems.append(RowProblem(row: row, column: column, detail: detail))
        }
        func reference(id idColumn: String, externalID externalColumn: String) -> RecordReference? {
            switch (value(idColumn), value(externalColumn)) {
            case (let id?, nil):
                guard let uuid = UUID(uuidString: id) else {
                    problem(idColumn, "must be a UUID")
                    return nil
                }
                return .id(uuid)
            case (nil, let key?):
                return .externalID(key)
            case (.some, .some):
                problem(idColumn, "give \(idColumn) or \(externalColumn), not both")
            case (nil, nil):
                problem(idColumn, "\(idColumn) or \(externalColumn) is required")
            }
            return nil
        }
        for (column, text) in fields where Validate.hasControlCharacters(text.replacingOccurrences(of: "\t", with: " ")) {
            problem(column, "must not contain control characters")
        }
        let externalID = value("external_id")
        if externalID == nil { problem("external_id", "is required") }
        if let externalID, externalID.unicodeScalars.count > 200 { problem("external_id", "must be at most 200 characters") }
        let orgUnit = reference(id: "org_unit_id", externalID: "org_unit_external_id")
        let role = reference(id: "role_id", externalID: "role_external_id")
        var fte = 0.0
        if let text = value("fte") {
            var fteProblems: [FieldProblem] = []
            if let parsed = Double(text) { fte = Validate.fte(parsed, into: &fteProblems) }
            if Double(text) == nil || !fteProblems.isEmpty { problem("fte", "must be a number from 0.001 to 1 (three decimals)") }
        } else {
            problem("fte", "is required")
        }
        let status = value("status").flatMap(PositionStatus.init(rawValue:))
        if status == nil { problem("status", "must be one of filled, vacant, frozen") }
        var queueID: UUID?
        if let text = value("queue_id") {
            queueID = UUID(uuidString: text)
            if queueID == nil { problem("queue_id", "must be a UUID") }
        }
        let employeeRef = value("employee_ref")
        if let employeeRef, employeeRef.unicodeScalars.count > 200 { problem("employee_ref", "must be at most 200 characters") }
        var salaryOverride: Money?
        if let text = value("salary_override") {
            salaryOverride = Money(text)
            if salaryOverride == nil { problem("salary_override", "must be a non-negative decimal with at most two decimals") }
        }
        var effectiveDate = defaultDate
        if let text = value("effective_date") {
            if let date = CalendarDate(text) { effectiveDate = date } else { problem("effective_date", "must be a date YYYY-MM-DD") }
        }
        guard problems.isEmpty, let externalID, let orgUnit, let role, let status else { return .failure(RowProblems(problems)) }
        return .success(PositionImportRow(
            row: row, externalID: externalID, orgUnit: orgUnit, role: role, fte: fte, status: status, queueID: queueID,
            employeeRef: employeeRef, salaryOverride: salaryOverride, effectiveDate: effectiveDate
        ))
    }
}

/// What an import did.
public struct ImportCounts: Sendable, Equatable {
    /// Positions created.
    public let created: Int
    /// Positions changed (a new version from the row's effective date).
    public let updated: Int
    /// Rows identical to the version in force.
    public let unchanged: Int

    /// Creates counts.
    public init(created: Int, updated: Int, unchanged: Int) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
}
