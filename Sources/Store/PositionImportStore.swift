import Domain
import Foundation
import Postgres

/// Applies position imports: rows go through COPY into a staging table, are validated as a whole, and are
/// applied in the same transaction; any invalid row rejects the import and nothing is applied.
public struct PositionImportStore: Sendable {
    private let pool: ConnectionPool

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Upserts `rows` by `external_id`; throws ``ImportRejected`` listing every bad row.
    public func apply(_ rows: [PositionImportRow], recordedBy: UUID) async throws -> ImportCounts {
        try await pool.withTransaction { connection in
            try await connection.execute(script: Self.stagingTable)
            try await connection.copyFrom(
                """
                COPY import_rows (row_number, external_id, org_unit_ref_id, org_unit_ref_key, role_ref_id, role_ref_key, fte,
                    status, queue_id, employee_ref, salary_override, effective_date, recorded_by) FROM STDIN
                """,
                rows: rows.map { Self.copyRow($0) + [recordedBy.uuidString] }
            )
            try await connection.execute(script: Self.resolution)
            let problems = try await connection.query(Self.problemsQuery).map { row in
                RowProblem(
                    row: try row.decode(Int.self, "row_number"),
                    column: try row.decode(String?.self, "column_name"),
                    detail: try row.decode(String.self, "detail")
                )
            }
            guard problems.isEmpty else { throw ImportRejected(problems: problems, rowCount: rows.count) }
            try await connection.execute(script: Self.application)
            let counts = try await connection.query(
                """
                SELECT count(*) FILTER (WHERE created)::integer AS created,
                       count(*) FILTER (WHERE NOT created AND NOT same)::integer AS updated,
                       count(*) FILTER (WHERE same)::integer AS unchanged
                FROM import_rows
                """
            )[0]
            return ImportCounts(
                created: try counts.decode(Int.self, "created"),
                updated: try counts.decode(Int.self, "updated"),
                unchanged: try counts.decode(Int.self, "unchanged")
            )
        }
    }

    private static func copyRow(_ row: PositionImportRow) -> [String?] {
        var orgUnitID: String?
        var orgUnitKey: String?
        switch row.orgUnit {
        case .id(let id): orgUnitID = id.uuidString
        case .externalID(let key): orgUnitKey = key
        }
        var roleID: String?
        var roleKey: String?
        switch row.role {
        case .id(let id): roleID = id.uuidString
        case .externalID(let key): roleKey = key
        }
        return [
            String(row.row), row.externalID, orgUnitID, orgUnitKey, roleID, roleKey, "\(row.fte)", row.status.rawValue,
            row.queueID?.uuidString, row.employeeRef, row.salaryOverride?.description, row.effectiveDate.description,
        ]
    }

    private static let stagingTable = """
        CREATE TEMP TABLE import_rows (
            row_number integer NOT NULL,
            external_id text NOT NULL,
            org_unit_ref_id uuid,
            org_unit_ref_key text,
            role_ref_id uuid,
            role_ref_key text,
            fte numeric(4, 3) NOT NULL,
            status text NOT NULL,
            queue_id uuid,
            employee_ref text,
            salary_override numeric(15, 2),
            effective_date date NOT NULL,
            recorded_by uuid NOT NULL,
            org_unit_id uuid,
            role_id uuid,
            position_id uuid,
            current_from date,
            current_to date,
            same boolean NOT NULL DEFAULT false,
            created boolean NOT NULL DEFAULT false
        ) ON COMMIT DROP
        """

    private static let resolution = """
        ANALYZE import_rows;
        UPDATE import_rows i SET org_unit_id = o.id FROM org_units o WHERE o.id = i.org_unit_ref_id;
        UPDATE import_rows i SET org_unit_id = o.id FROM org_units o WHERE o.external_id = i.org_unit_ref_key;
        UPDATE import_rows i SET role_id = r.id FROM job_roles r WHERE r.id = i.role_ref_id;
        UPDATE import_rows i SET role_id = r.id FROM job_roles r WHERE r.external_id = i.role_ref_key;
        UPDATE import_rows i SET position_id = p.id FROM positions p WHERE p.external_id = i.external_id;
        UPDATE import_rows i SET current_from = v.valid_from, current_to = v.valid_to,
            same = (v.org_unit_id = i.org_unit_id AND v.role_id = i.role_id AND v.fte = i.fte AND v.status = i.status
                AND v.queue_id IS NOT DISTINCT FROM i.queue_id AND v.employee_ref IS NOT DISTINCT FROM i.employee_ref
                AND v.salary_override IS NOT DISTINCT FROM i.salary_override)
        FROM position_versions v
        WHERE v.position_id = i.position_id AND v.valid_from <= i.effective_date
          AND (v.valid_to IS NULL OR v.valid_to > i.effective_date)
        """

    private static let problemsQuery = """
        SELECT row_number, column_name, detail FROM (
            SELECT row_number, 'external_id' AS column_name, 'appears more than once in this import' AS detail
            FROM (SELECT row_number, count(*) OVER (PARTITION BY external_id) AS uses FROM import_rows) AS counted
            WHERE uses > 1
            UNION ALL
            SELECT row_number, CASE WHEN org_unit_ref_id IS NULL THEN 'org_unit_external_id' ELSE 'org_unit_id' END,
                   'no org unit has this reference'
            FROM import_rows WHERE org_unit_id IS NULL
            UNION ALL
            SELECT row_number, CASE WHEN role_ref_id IS NULL THEN 'role_external_id' ELSE 'role_id' END,
                   'no role has this reference'
            FROM import_rows WHERE role_id IS NULL
            UNION ALL
            SELECT row_number, 'queue_id', 'no queue has this id'
            FROM import_rows i WHERE queue_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM queues q WHERE q.id = i.queue_id)
            UNION ALL
            SELECT row_number, 'effective_date', 'the existing position is not in force on this date'
            FROM import_rows WHERE position_id IS NOT NULL AND current_from IS NULL
        ) AS problems
        ORDER BY row_number, column_name
        """

    private static let application = """
        INSERT INTO positions (id, external_id) SELECT gen_random_uuid(), external_id FROM import_rows WHERE position_id IS NULL;
        UPDATE import_rows i SET position_id = p.id, created = true FROM positions p
            WHERE i.position_id IS NULL AND p.external_id = i.external_id;
        DELETE FROM position_versions v USING import_rows i
            WHERE NOT i.created AND NOT i.same AND v.position_id = i.position_id AND v.valid_from = i.effective_date;
        UPDATE position_versions v SET valid_to = i.effective_date FROM import_rows i
            WHERE NOT i.created AND NOT i.same AND v.position_id = i.position_id AND v.valid_from = i.current_from
              AND i.current_from < i.effective_date;
        INSERT INTO position_versions (position_id, valid_from, valid_to, org_unit_id, role_id, fte, status, queue_id,
            employee_ref, salary_override, recorded_by)
        SELECT position_id, effective_date, CASE WHEN created THEN NULL ELSE current_to END, org_unit_id, role_id, fte,
               status, queue_id, employee_ref, salary_override, recorded_by
        FROM import_rows WHERE created OR NOT same;
        UPDATE positions p SET version = version + 1 FROM import_rows i WHERE p.id = i.position_id AND NOT i.created AND NOT i.same
        """
}
