// Release-mode benchmark of the database-heavy paths: a 100,000-row position import (CSV parsing, row
// validation, COPY, whole-import validation and apply) and headcount reports over the resulting 100,000
// positions. Starts a throwaway PostgreSQL; run with `swift run -c release WorkforceBenchmark`.
import Domain
import Foundation
import Logging
import Postgres
import Store

let rowCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 100_000
var logger = Logger(label: "benchmark")
logger.logLevel = .warning

func measure<T>(_ label: String, repetitions: Int = 1, _ body: () async throws -> T) async throws -> T {
    var timings: [Duration] = []
    var result: T?
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        result = try await body()
        timings.append(ContinuousClock.now - start)
    }
    let sorted = timings.sorted()
    let milliseconds = { (duration: Duration) in Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15 }
    print(String(format: "%-52@ median %9.1f ms  (min %.1f, max %.1f, n=%d)", label as NSString, milliseconds(sorted[sorted.count / 2]),
                 milliseconds(sorted[0]), milliseconds(sorted[sorted.count - 1]), repetitions))
    return result!
}

let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wf-bench-\(UUID().uuidString.prefix(8))")
let server = EmbeddedServer(dataDirectory: directory, databaseName: "benchmark", durable: false, logger: logger)
try await server.start()
defer { server.stopAndRemoveBlocking() }
let pool = ConnectionPool(configuration: .init(connectionString: try server.connectionString, maximumConnections: 4), logger: logger)
try await Migrator(pool: pool, migrations: try Migration.load(from: try Migration.locateDirectory()), logger: logger).migrate()

let units = OrgUnitStore(pool: pool)
let company = try await units.create(try OrgUnitDraft(name: "Company", parentID: nil, costCenter: nil, externalID: "u-0"))
var unitKeys: [String] = []
for division in 1...10 {
    let parent = try await units.create(try OrgUnitDraft(name: "Division \(division)", parentID: company.id.uuidString, costCenter: nil, externalID: "u-\(division)"))
    for team in 1...49 {
        let key = "u-\(division)-\(team)"
        _ = try await units.create(try OrgUnitDraft(name: "Team \(division)-\(team)", parentID: parent.id.uuidString, costCenter: nil, externalID: key))
        unitKeys.append(key)
    }
}
let roles = JobRoleStore(pool: pool)
for (index, location) in ["Lisbon", "Berlin", "Austin", "Manila"].enumerated() {
    _ = try await roles.create(try JobRoleDraft(
        title: "Agent \(location)", jobFamily: "Support", level: "L\(index)", location: location, currency: index == 2 ? "USD" : "EUR",
        annualBaseSalary: "\(28000 + index * 3000)", benefitsRate: 0.2, payrollTaxRate: 0.1, hiringCostPerHire: "2500",
        rampMonthsToFullProductivity: 6, externalID: "r-\(index)"
    ))
}
print("seeded \(unitKeys.count + 11) org units and 4 roles; importing \(rowCount) positions")

var csv = "external_id,org_unit_external_id,role_external_id,fte,status,employee_ref,effective_date\n"
for index in 0..<rowCount {
    let status = index % 10 == 0 ? "vacant" : (index % 37 == 0 ? "frozen" : "filled")
    let month = 1 + index % 12
    csv += "p-\(index),\(unitKeys[index % unitKeys.count]),r-\(index % 4),\(index % 5 == 0 ? "0.5" : "1"),\(status),emp-\(index),2026-\(month < 10 ? "0" : "")\(month)-01\n"
}
let body = Array(csv.utf8)
print("CSV body: \(body.count / 1024) KiB")

let imports = PositionImportStore(pool: pool)
func runImport(_ bytes: [UInt8]) async throws -> ImportCounts {
    let records = try ImportParsing.csv(bytes, maximumRows: PositionImportRow.maximumRows).get()
    let rows = try records.map { try PositionImportRow.parse($0.fields, row: $0.row, defaultDate: .today()).get() }
    return try await imports.apply(rows, recordedBy: UUID())
}
let created = try await measure("import \(rowCount) rows (all new)") { try await runImport(body) }
print("  created \(created.created), updated \(created.updated), unchanged \(created.unchanged)")
let unchanged = try await measure("import \(rowCount) rows (all unchanged)") { try await runImport(body) }
print("  created \(unchanged.created), updated \(unchanged.updated), unchanged \(unchanged.unchanged)")
try await pool.query("VACUUM ANALYZE")

let headcount = HeadcountStore(pool: pool)
let asOf = CalendarDate("2026-12-31")!
for grouping in HeadcountGrouping.allCases {
    let groups = try await measure("headcount as_of, group_by=\(grouping.rawValue)", repetitions: 5) {
        try await headcount.report(asOf: asOf, groupBy: grouping, subtree: nil, scope: .everything)
    }
    print("  \(groups.count) groups")
}
_ = try await measure("headcount group_by=org_unit, manager subtree", repetitions: 5) {
    try await headcount.report(asOf: asOf, groupBy: .orgUnit, subtree: nil, scope: .subtree(of: company.id))
}
let series = try await measure("headcount series, 24 months", repetitions: 5) {
    try await headcount.series(from: CalendarDate("2025-06-01")!, to: CalendarDate("2027-05-01")!, subtree: nil, scope: .everything)
}
print("  \(series.count) months, last headcount \(series.last?.figures.headcount ?? 0)")
await pool.close()
