import Domain
import Foundation
import Postgres

/// Status of a projection run.
public enum ProjectionStatus: String, Sendable {
    case queued, running, completed, failed
}

/// A stored projection run; `inputs` and `result` are the JSON documents the server wrote.
public struct ProjectionRecord: Sendable {
    public let id: UUID
    public let orgUnitID: UUID
    public let status: ProjectionStatus
    public let inputs: String
    public let inputsHash: String
    public let engineVersion: String
    public let seed: UInt64
    public let draws: Int
    public let startMonth: CalendarMonth
    public let horizonMonths: Int
    public let progressDone: Int
    public let progressTotal: Int
    public let result: String?
    public let error: String?
    public let attempts: Int
    public let createdBy: UUID
    public let createdAt: Date
    public let startedAt: Date?
    public let completedAt: Date?
}

/// A new run to store.
public struct NewProjection: Sendable {
    public var orgUnitID: UUID
    public var inputs: String
    public var inputsHash: String
    public var engineVersion: String
    public var seed: UInt64
    public var draws: Int
    public var startMonth: CalendarMonth
    public var horizonMonths: Int
    public var createdBy: UUID

    public init(
        orgUnitID: UUID, inputs: String, inputsHash: String, engineVersion: String, seed: UInt64, draws: Int,
        startMonth: CalendarMonth, horizonMonths: Int, createdBy: UUID
    ) {
        self.orgUnitID = orgUnitID
        self.inputs = inputs
        self.inputsHash = inputsHash
        self.engineVersion = engineVersion
        self.seed = seed
        self.draws = draws
        self.startMonth = startMonth
        self.horizonMonths = horizonMonths
        self.createdBy = createdBy
    }
}

/// A claimed job: the run to compute and the inputs it is computed from.
public struct ProjectionJob: Sendable {
    public let id: UUID
    public let inputs: String
    public let attempt: Int
}

/// Filled positions in force on a date, grouped by the queue they staff (nil: none) and tenure in months.
public struct CohortRow: Sendable, Equatable {
    public let queueID: UUID?
    public let tenureMonths: Int
    public let fte: Double
}

/// FTE-weighted compensation of a set of positions or roles, in one currency.
public struct CompensationRow: Sendable, Equatable {
    public let currency: String
    public let fte: Double
    public let annualBaseSalary: Decimal
    public let benefitsRate: Double
    public let payrollTaxRate: Double
    public let hiringCostPerHire: Decimal
    public let rampMonths: Double
}

/// Persistence of projection runs, the job queue the workers share, and the workforce figures a run starts from.
public struct ProjectionStore: Sendable {
    private let pool: ConnectionPool
    private static let columns = """
        p.id, p.org_unit_id, p.status, p.inputs::text AS inputs, p.inputs_hash, p.engine_version, p.seed, p.draws,
        p.start_month::text AS start_month, p.horizon_months, p.progress_done, p.progress_total, p.result::text AS result, p.error,
        p.attempts, p.created_by, p.created_at, p.started_at, p.completed_at
        """

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Stores a run: completed with its result, or queued for a worker when `result` is nil.
    public func insert(_ run: NewProjection, result: String?) async throws -> ProjectionRecord {
        try await insert(run, status: result == nil ? "queued" : "completed", result: result, owner: nil, lease: nil)
    }

    /// Stores a run already claimed by `owner` under a lease, as ``claim(owner:lease:)`` would have left it: the
    /// process that accepted the run computes it, and a worker takes it over if that process dies.
    public func insertClaimed(_ run: NewProjection, owner: String, lease: Duration) async throws -> ProjectionRecord {
        try await insert(run, status: "running", result: nil, owner: owner, lease: lease)
    }

    private func insert(_ run: NewProjection, status: String, result: String?, owner: String?, lease: Duration?) async throws -> ProjectionRecord {
        let rows = try await StoreErrors.translating {
            try await pool.query(
                """
                INSERT INTO projections AS p (id, org_unit_id, status, inputs, inputs_hash, engine_version, seed, draws, start_month,
                    horizon_months, progress_done, progress_total, result, created_by, attempts, started_at, completed_at,
                    lease_owner, lease_expires_at)
                VALUES ($1::uuid, $2::uuid, $3::text, $4::jsonb, $5::text, $6::text, $7::bigint, $8::integer, $9::date, $10::integer,
                    CASE WHEN $11::jsonb IS NULL THEN 0 ELSE $8::integer END, $8::integer, $11::jsonb, $12::uuid,
                    CASE WHEN $3::text = 'queued' THEN 0 ELSE 1 END,
                    CASE WHEN $3::text = 'queued' THEN NULL ELSE now() END, CASE WHEN $11::jsonb IS NULL THEN NULL ELSE now() END,
                    $13::text, clock_timestamp() + make_interval(secs => $14::float8))
                RETURNING \(Self.columns)
                """,
                [
                    UUID(), run.orgUnitID, status, run.inputs, run.inputsHash, run.engineVersion,
                    Int64(bitPattern: run.seed), run.draws, run.startMonth.firstDay.description, run.horizonMonths, result, run.createdBy,
                    owner, lease.map(Self.seconds),
                ]
            )
        }
        return try Self.record(rows[0])
    }

    /// One run within `scope`.
    public func find(id: UUID, scope: OrgScope) async throws -> ProjectionRecord? {
        try await pool.query(
            "\(OrgUnitStore.scopeCTE) SELECT \(Self.columns) FROM projections p WHERE p.id = $2::uuid AND ($1::uuid IS NULL OR p.org_unit_id IN (SELECT id FROM scope))",
            [scope.root, id]
        ).first.map(Self.record)
    }

    /// Runs within `scope` in id order, after `cursor` (an id), as the other lists page.
    public func list(scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [ProjectionRecord] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT \(Self.columns) FROM projections p
            WHERE ($1::uuid IS NULL OR p.org_unit_id IN (SELECT id FROM scope)) AND ($2::uuid IS NULL OR p.id > $2::uuid)
            ORDER BY p.id
            LIMIT $3::integer
            """,
            [scope.root, cursor, limit]
        ).map(Self.record)
    }

    /// Attempts a run gets: a run whose worker died this many times (out of memory, a crash) is failed rather
    /// than taken again by one worker after another.
    public static let maximumAttempts = 3

    /// Claims the oldest queued run, or a running one whose lease expired (its worker died), for `owner`.
    /// `FOR UPDATE SKIP LOCKED` lets any number of workers on any number of replicas claim concurrently. Runs
    /// whose lease expired on their last attempt are marked failed first.
    public func claim(owner: String, lease: Duration, maximumAttempts: Int = maximumAttempts) async throws -> ProjectionJob? {
        try await pool.query(
            """
            UPDATE projections SET status = 'failed', completed_at = now(), lease_owner = NULL, lease_expires_at = NULL,
                error = 'The projection was abandoned: its computation stopped without finishing ' || attempts || ' times.'
            WHERE status = 'running' AND lease_expires_at < clock_timestamp() AND attempts >= $1::integer
            """,
            [maximumAttempts]
        )
        let rows = try await pool.query(
            """
            UPDATE projections SET status = 'running', lease_owner = $1::text,
                lease_expires_at = clock_timestamp() + make_interval(secs => $2::float8), attempts = attempts + 1,
                started_at = coalesce(started_at, now()), progress_done = 0
            WHERE id = (
                SELECT id FROM projections
                WHERE status = 'queued'
                   OR (status = 'running' AND lease_expires_at < clock_timestamp() AND attempts < $3::integer)
                ORDER BY created_at
                FOR UPDATE SKIP LOCKED
                LIMIT 1
            )
            RETURNING id, inputs::text AS inputs, attempts
            """,
            [owner, Self.seconds(lease), maximumAttempts]
        )
        guard let row = rows.first else { return nil }
        return ProjectionJob(id: try row.decode(UUID.self, "id"), inputs: try row.decode(String.self, "inputs"), attempt: try row.decode(Int.self, "attempts"))
    }

    /// Records progress and extends the lease; false when `owner` no longer holds the job.
    public func heartbeat(id: UUID, owner: String, done: Int, lease: Duration) async throws -> Bool {
        let rows = try await pool.query(
            """
            UPDATE projections SET progress_done = $3::integer, lease_expires_at = clock_timestamp() + make_interval(secs => $4::float8)
            WHERE id = $1::uuid AND lease_owner = $2::text AND status = 'running'
            RETURNING 1
            """,
            [id, owner, done, Self.seconds(lease)]
        )
        return !rows.isEmpty
    }

    /// Stores the result of a job `owner` holds; false when it lost the job meanwhile.
    public func complete(id: UUID, owner: String, result: String) async throws -> Bool {
        let rows = try await pool.query(
            """
            UPDATE projections SET status = 'completed', result = $3::jsonb, progress_done = progress_total, completed_at = now(),
                lease_owner = NULL, lease_expires_at = NULL
            WHERE id = $1::uuid AND lease_owner = $2::text AND status = 'running'
            RETURNING 1
            """,
            [id, owner, result]
        )
        return !rows.isEmpty
    }

    /// Marks a job `owner` holds as failed with a message for the client.
    public func fail(id: UUID, owner: String, error: String) async throws {
        _ = try await pool.query(
            """
            UPDATE projections SET status = 'failed', error = $3::text, completed_at = now(), lease_owner = NULL, lease_expires_at = NULL
            WHERE id = $1::uuid AND lease_owner = $2::text AND status = 'running'
            """,
            [id, owner, error]
        )
    }

    /// Puts a job `owner` holds back in the queue (shutdown), for another worker to take.
    public func release(id: UUID, owner: String) async throws {
        _ = try await pool.query(
            """
            UPDATE projections SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, progress_done = 0
            WHERE id = $1::uuid AND lease_owner = $2::text AND status = 'running'
            """,
            [id, owner]
        )
    }

    /// Runs waiting for a worker or being computed.
    public func queueDepth() async throws -> Int {
        try await pool.query("SELECT count(*)::int AS n FROM projections WHERE status IN ('queued', 'running')")[0].decode(Int.self, "n")
    }

    /// Filled positions in force on `date` in `root`'s subtree, by queue and whole months since the position's first version.
    public func cohorts(root: UUID, on date: CalendarDate) async throws -> [CohortRow] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeCTE),
            current AS (
                SELECT v.position_id, v.queue_id, v.fte FROM position_versions v
                WHERE v.org_unit_id IN (SELECT id FROM scope) AND v.status = 'filled'
                  AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
            )
            SELECT c.queue_id, greatest(0, (extract(year FROM age($2::date, f.first_day)) * 12 + extract(month FROM age($2::date, f.first_day))))::int AS tenure,
                   sum(c.fte)::float8 AS fte
            FROM current c
            JOIN (SELECT position_id, min(valid_from) AS first_day FROM position_versions
                  WHERE position_id IN (SELECT position_id FROM current) GROUP BY position_id) f ON f.position_id = c.position_id
            GROUP BY c.queue_id, tenure
            ORDER BY c.queue_id NULLS LAST, tenure
            """,
            [root, date.description]
        ).map { row in
            CohortRow(queueID: try row.decode(UUID?.self, "queue_id"), tenureMonths: try row.decode(Int.self, "tenure"), fte: try row.decode(Double.self, "fte"))
        }
    }

    /// FTE-weighted compensation per currency of the filled positions in force on `date` in `root`'s subtree.
    public func compensation(root: UUID, on date: CalendarDate) async throws -> [CompensationRow] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT r.currency, sum(v.fte)::float8 AS fte,
                   (sum(coalesce(v.salary_override, r.annual_base_salary) * v.fte) / sum(v.fte))::text AS salary,
                   (sum(r.benefits_rate * v.fte) / sum(v.fte))::float8 AS benefits,
                   (sum(r.payroll_tax_rate * v.fte) / sum(v.fte))::float8 AS tax,
                   (sum(r.hiring_cost_per_hire * v.fte) / sum(v.fte))::text AS hiring,
                   (sum(r.ramp_months_to_full_productivity * v.fte) / sum(v.fte))::float8 AS ramp
            FROM position_versions v JOIN job_roles r ON r.id = v.role_id
            WHERE v.org_unit_id IN (SELECT id FROM scope) AND v.status = 'filled'
              AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
            GROUP BY r.currency
            ORDER BY fte DESC, r.currency
            """,
            [root, date.description]
        ).map(Self.compensation)
    }

    /// The role held by most filled positions staffing `queueID` on `date` (ties: more FTE, then the lower id).
    public func mostCommonRole(queueID: UUID, on date: CalendarDate) async throws -> UUID? {
        try await pool.query(
            """
            SELECT v.role_id FROM position_versions v
            WHERE v.queue_id = $1::uuid AND v.status = 'filled'
              AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
            GROUP BY v.role_id
            ORDER BY count(*) DESC, sum(v.fte) DESC, v.role_id
            LIMIT 1
            """,
            [queueID, date.description]
        ).first.map { try $0.decode(UUID.self, "role_id") }
    }

    /// Compensation of roles weighted by `weights` (role id → hires), for plans that hire into an empty scope.
    public func roleCompensation(_ weights: [UUID: Double]) async throws -> [CompensationRow] {
        guard !weights.isEmpty else { return [] }
        let entries = Array(weights)
        let ids = entries.map { $0.key.uuidString }
        let counts = entries.map { String($0.value) }
        return try await pool.query(
            """
            SELECT r.currency, sum(w.n)::float8 AS fte,
                   (sum(r.annual_base_salary * w.n) / sum(w.n))::text AS salary,
                   (sum(r.benefits_rate * w.n) / sum(w.n))::float8 AS benefits,
                   (sum(r.payroll_tax_rate * w.n) / sum(w.n))::float8 AS tax,
                   (sum(r.hiring_cost_per_hire * w.n) / sum(w.n))::text AS hiring,
                   (sum(r.ramp_months_to_full_productivity * w.n) / sum(w.n))::float8 AS ramp
            FROM unnest(string_to_array($1::text, ',')::uuid[], string_to_array($2::text, ',')::numeric[]) AS w(id, n)
            JOIN job_roles r ON r.id = w.id
            GROUP BY r.currency
            ORDER BY fte DESC, r.currency
            """,
            [ids.joined(separator: ","), counts.joined(separator: ",")]
        ).map(Self.compensation)
    }

    private static func compensation(_ row: PostgresRow) throws -> CompensationRow {
        CompensationRow(
            currency: try row.decode(String.self, "currency"), fte: try row.decode(Double.self, "fte"),
            annualBaseSalary: try row.decode(Decimal.self, "salary"),
            benefitsRate: try row.decode(Double.self, "benefits"), payrollTaxRate: try row.decode(Double.self, "tax"),
            hiringCostPerHire: try row.decode(Decimal.self, "hiring"),
            rampMonths: try row.decode(Double.self, "ramp")
        )
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func record(_ row: PostgresRow) throws -> ProjectionRecord {
        let month = try row.decode(String.self, "start_month")
        let statusName = try row.decode(String.self, "status")
        guard let status = ProjectionStatus(rawValue: statusName), let startMonth = CalendarDate(month).map(CalendarMonth.init) else {
            throw PostgresError(kind: .decoding, message: "projection row with status \"\(statusName)\" and start month \"\(month)\"")
        }
        return ProjectionRecord(
            id: try row.decode(UUID.self, "id"),
            orgUnitID: try row.decode(UUID.self, "org_unit_id"),
            status: status,
            inputs: try row.decode(String.self, "inputs"),
            inputsHash: try row.decode(String.self, "inputs_hash"),
            engineVersion: try row.decode(String.self, "engine_version"),
            seed: UInt64(bitPattern: try row.decode(Int64.self, "seed")),
            draws: try row.decode(Int.self, "draws"),
            startMonth: startMonth,
            horizonMonths: try row.decode(Int.self, "horizon_months"),
            progressDone: try row.decode(Int.self, "progress_done"),
            progressTotal: try row.decode(Int.self, "progress_total"),
            result: try row.decode(String?.self, "result"),
            error: try row.decode(String?.self, "error"),
            attempts: try row.decode(Int.self, "attempts"),
            createdBy: try row.decode(UUID.self, "created_by"),
            createdAt: try row.decode(Date.self, "created_at"),
            startedAt: try row.decode(Date?.self, "started_at"),
            completedAt: try row.decode(Date?.self, "completed_at")
        )
    }
}
