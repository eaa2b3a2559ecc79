import Domain
import Foundation
import Postgres

/// What a headcount report groups by.
public enum HeadcountGrouping: String, Sendable, CaseIterable {
    /// Each org unit, its figures including its subtree.
    case orgUnit = "org_unit"
    /// Each role.
    case role
    /// Each role location.
    case location
    /// Each position status.
    case status
}

/// Annual fully loaded cost in one currency.
public struct CurrencyCostRecord: Sendable, Equatable, Codable {
    /// ISO 4217 code.
    public let currency: String
    /// Cost of filled positions, decimal text.
    public let annualCost: String
    /// Cost of filled and vacant positions, decimal text.
    public let budgetedAnnualCost: String

    enum CodingKeys: String, CodingKey {
        case currency
        case annualCost = "annual_cost"
        case budgetedAnnualCost = "budgeted_annual_cost"
    }
}

/// Headcount figures of a group or month.
public struct HeadcountFiguresRecord: Sendable, Equatable {
    /// Positions in force, any status.
    public let positions: Int
    /// Filled positions.
    public let headcount: Int
    /// FTE of filled positions.
    public let fte: Double
    /// Vacant positions.
    public let vacancies: Int
    /// FTE of vacant positions.
    public let vacantFTE: Double
    /// Annual cost per currency.
    public let costs: [CurrencyCostRecord]
}

/// One group of a headcount report.
public struct HeadcountGroupRecord: Sendable, Equatable {
    /// Org unit id, role id, location or status.
    public let key: String
    /// Org unit name or role title.
    public let name: String?
    /// The figures.
    public let figures: HeadcountFiguresRecord
}

/// Headcount aggregates, each computed by a single SQL statement.
public struct HeadcountStore: Sendable {
    private let pool: ConnectionPool

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Positions in force on `asOf` within `scope` (and the subtree of `subtree`, when given), grouped.
    public func report(asOf: CalendarDate, groupBy grouping: HeadcountGrouping, subtree: UUID?, scope: OrgScope) async throws -> [HeadcountGroupRecord] {
        let (keyed, name) = Self.grouping(grouping)
        let rows = try await pool.query(
            """
            \(Self.treeCTEs),
            in_force AS (
                SELECT v.org_unit_id, v.role_id, v.fte, v.status, v.salary_override, NULL::text AS month
                FROM position_versions v
                WHERE v.valid_from <= $3::date AND (v.valid_to IS NULL OR v.valid_to > $3::date)
                  AND ($1::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM scope))
                  AND ($2::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM filter_tree))
            ),
            \(Self.pricedCTE),
            keyed AS (\(keyed)),
            \(Self.aggregateCTEs)
            SELECT totals.*, \(name) AS name FROM totals ORDER BY totals.key
            """,
            [scope.root, subtree, asOf.description]
        )
        return try rows.map { row in
            HeadcountGroupRecord(key: try row.decode(String.self, "key"), name: try row.decode(String?.self, "name"), figures: try Self.figures(row))
        }
    }

    /// Month-end figures for each month from `first` to `last` (inclusive, `YYYY-MM-01` dates).
    public func series(from first: CalendarDate, to last: CalendarDate, subtree: UUID?, scope: OrgScope) async throws -> [(month: String, figures: HeadcountFiguresRecord)] {
        let rows = try await pool.query(
            """
            \(Self.treeCTEs),
            months AS (
                SELECT to_char(m, 'YYYY-MM') AS month, (m + interval '1 month' - interval '1 day')::date AS day
                FROM generate_series($3::date, $4::date, interval '1 month') AS m
            ),
            in_force AS (
                SELECT v.org_unit_id, v.role_id, v.fte, v.status, v.salary_override, months.month
                FROM months JOIN position_versions v
                  ON v.valid_from <= months.day AND (v.valid_to IS NULL OR v.valid_to > months.day)
                WHERE ($1::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM scope))
                  AND ($2::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM filter_tree))
            ),
            \(Self.pricedCTE),
            keyed AS (\(Self.partialSums(by: "month"))),
            \(Self.aggregateCTEs)
            SELECT months.month AS key, totals.positions, totals.headcount, totals.fte, totals.vacancies, totals.vacant_fte,
                   totals.costs
            FROM months LEFT JOIN totals ON totals.key = months.month
            ORDER BY months.month
            """,
            [scope.root, subtree, first.description, last.description]
        )
        return try rows.map { (try $0.decode(String.self, "key"), try Self.figures($0)) }
    }

    private static let treeCTEs = """
        \(OrgUnitStore.scopeCTE),
        filter_tree AS (
            SELECT id FROM org_units WHERE id = $2::uuid
            UNION ALL
            SELECT child.id FROM org_units child JOIN filter_tree parent ON child.parent_id = parent.id
        )
        """

    /// Fully loaded annual cost: (salary override or base) × FTE × (1 + benefits rate + payroll tax rate).
    private static let pricedCTE = """
        priced AS (
            SELECT f.*, r.currency, r.location, f.fte * coalesce(f.salary_override, r.annual_base_salary)
                   * (1 + r.benefits_rate + r.payroll_tax_rate) AS annual_cost
            FROM in_force f JOIN job_roles r ON r.id = f.role_id
        )
        """

    /// Per key and currency first, then per key with the costs as a JSON array. `keyed` rows are already
    /// grouped (key, currency) partial sums, so org units can roll their subtree up without touching each
    /// position again.
    private static let aggregateCTEs = """
        by_currency AS (
            SELECT key, currency, sum(positions) AS positions, sum(headcount) AS headcount, sum(fte) AS fte,
                   sum(vacancies) AS vacancies, sum(vacant_fte) AS vacant_fte,
                   round(sum(annual_cost), 2) AS annual_cost, round(sum(budgeted), 2) AS budgeted
            FROM keyed GROUP BY key, currency
        ),
        totals AS (
            SELECT key, sum(positions)::integer AS positions, sum(headcount)::integer AS headcount,
                   sum(fte)::float8 AS fte, sum(vacancies)::integer AS vacancies, sum(vacant_fte)::float8 AS vacant_fte,
                   jsonb_agg(jsonb_build_object('currency', currency, 'annual_cost', annual_cost::text,
                       'budgeted_annual_cost', budgeted::text) ORDER BY currency) AS costs
            FROM by_currency GROUP BY key
        )
        """

    /// Partial sums of `priced` rows grouped by `column` and currency.
    private static func partialSums(by column: String) -> String {
        """
        SELECT \(column) AS key, currency, count(*) AS positions,
               count(*) FILTER (WHERE status = 'filled') AS headcount,
               coalesce(sum(fte) FILTER (WHERE status = 'filled'), 0) AS fte,
               count(*) FILTER (WHERE status = 'vacant') AS vacancies,
               coalesce(sum(fte) FILTER (WHERE status = 'vacant'), 0) AS vacant_fte,
               coalesce(sum(annual_cost) FILTER (WHERE status = 'filled'), 0) AS annual_cost,
               coalesce(sum(annual_cost) FILTER (WHERE status IN ('filled', 'vacant')), 0) AS budgeted
        FROM priced GROUP BY 1, 2
        """
    }

    /// The `keyed` query and the name expression of a grouping. Only these fixed fragments reach the SQL.
    private static func grouping(_ grouping: HeadcountGrouping) -> (keyed: String, name: String) {
        switch grouping {
        case .orgUnit:
            (
                """
                WITH RECURSIVE closure AS (
                    SELECT id AS ancestor, id AS unit FROM org_units
                    UNION ALL
                    SELECT closure.ancestor, child.id FROM closure JOIN org_units child ON child.parent_id = closure.unit
                ),
                per_unit AS (\(partialSums(by: "org_unit_id")))
                SELECT closure.ancestor::text AS key, per_unit.currency, per_unit.positions, per_unit.headcount, per_unit.fte,
                       per_unit.vacancies, per_unit.vacant_fte, per_unit.annual_cost, per_unit.budgeted
                FROM per_unit JOIN closure ON closure.unit = per_unit.key
                WHERE ($1::uuid IS NULL OR closure.ancestor IN (SELECT id FROM scope))
                  AND ($2::uuid IS NULL OR closure.ancestor IN (SELECT id FROM filter_tree))
                """,
                "(SELECT name FROM org_units WHERE id::text = totals.key)"
            )
        case .role:
            (partialSums(by: "role_id::text"), "(SELECT title FROM job_roles WHERE id::text = totals.key)")
        case .location:
            (partialSums(by: "coalesce(location, '')"), "NULL::text")
        case .status:
            (partialSums(by: "status"), "NULL::text")
        }
    }

    private static func figures(_ row: PostgresRow) throws -> HeadcountFiguresRecord {
        HeadcountFiguresRecord(
            positions: try row.decode(Int?.self, "positions") ?? 0,
            headcount: try row.decode(Int?.self, "headcount") ?? 0,
            fte: try row.decode(Double?.self, "fte") ?? 0,
            vacancies: try row.decode(Int?.self, "vacancies") ?? 0,
            vacantFTE: try row.decode(Double?.self, "vacant_fte") ?? 0,
            costs: try row.decode(PostgresJSON<[CurrencyCostRecord]>?.self, "costs")?.value ?? []
        )
    }
}
