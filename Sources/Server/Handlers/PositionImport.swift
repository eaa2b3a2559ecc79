import Logging
import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func importPositions(_ input: Operations.ImportPositions.Input) async throws -> Operations.ImportPositions.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.importPositions)
        let maximumRows = PositionImportRow.maximumRows
        let parsed: Result<[(row: Int, fields: [String: String])], RowProblems>
        switch input.body {
        case .csv: parsed = ImportParsing.csv(RequestScope.rawBody, maximumRows: maximumRows)
        case .applicationXNdjson: parsed = ImportParsing.ndjson(RequestScope.rawBody, maximumRows: maximumRows)
        }
        let records = try parsed.mapError { ImportRejected(problems: $0.all, rowCount: 0) }.get()
        let today = CalendarDate.today()
        var rows: [PositionImportRow] = []
        var problems: [RowProblem] = []
        rows.reserveCapacity(records.count)
        for record in records {
            switch PositionImportRow.parse(record.fields, row: record.row, defaultDate: today) {
            case .success(let row): rows.append(row)
            case .failure(let rowProblems): problems.append(contentsOf: rowProblems.all)
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems, rowCount: records.count) }
        let counts = try await positionImports.apply(rows, recordedBy: principal.keyID)
        RequestScope.logger.notice(
            "positions imported",
            metadata: ["rows": "\(rows.count)", "created": "\(counts.created)", "updated": "\(counts.updated)"]
        )
        return .ok(.init(body: .json(.init(
            rows: rows.count, created: counts.created, updated: counts.updated, unchanged: counts.unchanged
        ))))
    }
}
