import Domain
import Foundation
import Postgres
import Store
import Testing

@Suite struct PositionVersionTests {
    @Test func databaseRefusesOverlappingVersions() async throws {
        // The exclusion constraint is the last line of defence: even SQL that bypasses the store cannot
        // make two versions of one position cover the same day.
        let pool = try await migratedPool("overlap")
        let unit = try await OrgUnitStore(pool: pool).create(try OrgUnitDraft(name: "U", parentID: nil, costCenter: nil, externalID: nil))
        let role = try await JobRoleStore(pool: pool).create(try JobRoleDraft(
            title: "R", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "1",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        ))
        let state = try PositionState(orgUnitID: unit.id.uuidString, roleID: role.id.uuidString, fte: 1, status: .filled, queueID: nil, employeeRef: nil, salaryOverride: nil)
        let position = try await PositionStore(pool: pool).create(state, externalID: nil, effectiveDate: CalendarDate("2026-01-01")!, scope: .everything, recordedBy: UUID())
        let error = await #expect(throws: PostgresError.self) {
            try await pool.query(
                """
                INSERT INTO position_versions (position_id, valid_from, valid_to, org_unit_id, role_id, fte, status)
                VALUES ($1::uuid, '2026-03-01', '2026-04-01', $2::uuid, $3::uuid, 1, 'vacant')
                """,
                [position.id, unit.id, role.id]
            )
        }
        #expect(error?.sqlState == PostgresError.Code.exclusionViolation)
        await pool.close()
    }
}
