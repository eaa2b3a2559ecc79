import Foundation

/// Splits import bodies into rows of column → text: CSV (RFC 4180, header row) and NDJSON (one JSON object per
/// line). Row numbers count data rows from 1; blank lines are skipped.
public enum ImportParsing {
    /// Parses CSV; problems name the row (0 for the header).
    public static func csv(_ bytes: [UInt8], maximumRows: Int) -> Result<[(row: Int, fields: [String: String])], RowProblems> {
        var records: [[String]] = []
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var index = 0
        var fieldWasQuoted = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    if field.isEmpty && !fieldWasQuoted {
                        inQuotes = true
                        fieldWasQuoted = true
                    } else {
                        return .failure(RowProblems([RowProblem(row: max(records.count, 0), column: nil, detail: "a quote appears inside an unquoted field")]))
                    }
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\n"):
                    endRecord()
                    if records.count > maximumRows + 1 {
                        return .failure(RowProblems([RowProblem(row: maximumRows + 1, column: nil, detail: "an import holds at most \(maximumRows) rows")]))
                    }
                case UInt8(ascii: "\r"):
                    break
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { return .failure(RowProblems([RowProblem(row: records.count, column: nil, detail: "a quoted field is not closed")])) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let header = records.first else {
            return .failure(RowProblems([RowProblem(row: 0, column: nil, detail: "the file is empty; a header row is required")]))
        }
        if records.count - 1 > maximumRows {
            return .failure(RowProblems([RowProblem(row: maximumRows + 1, column: nil, detail: "an import holds at most \(maximumRows) rows")]))
        }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        if let problems = checkColumns(columns) { return .failure(RowProblems(problems)) }
        var rows: [(row: Int, fields: [String: String])] = []
        var problems: [RowProblem] = []
        for (offset, values) in records.dropFirst().enumerated() {
            guard values.count == columns.count else {
                problems.append(RowProblem(row: offset + 1, column: nil, detail: "has \(values.count) fields, the header has \(columns.count)"))
                continue
            }
            rows.append((offset + 1, Dictionary(uniqueKeysWithValues: zip(columns, values))))
        }
        return problems.isEmpty ? .success(rows) : .failure(RowProblems(problems))
    }

    /// Parses NDJSON; values may be strings, numbers or null.
    public static func ndjson(_ bytes: [UInt8], maximumRows: Int) -> Result<[(row: Int, fields: [String: String])], RowProblems> {
        var rows: [(row: Int, fields: [String: String])] = []
        var problems: [RowProblem] = []
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var rowNumber = 0
        let decoder = JSONDecoder()
        for line in lines {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            rowNumber += 1
            if rowNumber > maximumRows {
                return .failure(RowProblems([RowProblem(row: rowNumber, column: nil, detail: "an import holds at most \(maximumRows) rows")]))
            }
            guard let object = try? decoder.decode([String: ImportScalar].self, from: Data(line)) else {
                problems.append(RowProblem(row: rowNumber, column: nil, detail: "is not a JSON object of strings, numbers and nulls"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                guard columns.contains(key) else {
                    problems.append(RowProblem(row: rowNumber, column: key, detail: "is not a known column"))
                    continue
                }
                if let text = value.text { fields[key] = text }
            }
            rows.append((rowNumber, fields))
        }
        if rowNumber == 0 { return .failure(RowProblems([RowProblem(row: 0, column: nil, detail: "the body holds no rows")])) }
        return problems.isEmpty ? .success(rows) : .failure(RowProblems(problems))
    }

    private static var columns: Set<String> { PositionImportRow.columns }

    private static func checkColumns(_ columns: [String]) -> [RowProblem]? {
        var problems: [RowProblem] = []
        for column in columns where !PositionImportRow.columns.contains(column) {
            problems.append(RowProblem(row: 0, column: column, detail: "is not a known column"))
        }
        if Set(columns).count != columns.count { problems.append(RowProblem(row: 0, column: nil, detail: "a column appears twice")) }
        return problems.isEmpty ? nil : problems
    }
}

/// A JSON value an NDJSON import accepts: a string, a number (kept as its text) or null.
private struct ImportScalar: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = nil
        } else if let string = try? container.decode(String.self) {
            text = string
        } else {
            let number = try container.decode(Double.self)
            text = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        }
    }
}
