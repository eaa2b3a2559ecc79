import Domain
import Foundation
import Postgres

/// A stored role (job profile). Money fields keep the database's canonical decimal text.
public struct JobRoleRecord: Sendable, Equatable {
    /// The role's id.
    public let id: UUID
    /// The validated fields.
    public let fields: JobRoleDraft
    /// Incremented by every change.
    public let version: Int
    /// When the role was created.
    public let createdAt: Date
    /// When the role last changed.
    public let updatedAt: Date

    /// The role's ETag.
    public var etag: String { EntityTag.make(id: id, version: version) }
}

/// Filters of a role list.
public struct JobRoleFilter: Sendable {
    /// Only this job family.
    public var jobFamily: String?
    /// Only this location.
    public var location: String?
    /// Only the role with this HR-system key.
    public var externalID: String?

    /// Creates a filter.
    public init(jobFamily: String? = nil, location: String? = nil, externalID: String? = nil) {
        self.jobFamily = jobFamily
        self.location = location
        self.externalID = externalID
    }
}

/// Persistence of roles.
public protocol JobRoleRepository: Sendable {
    /// Creates a role.
    func create(_ draft: JobRoleDraft) async throws -> JobRoleRecord
    /// Creates or replaces the role with this HR-system key; `created` tells which.
    func upsert(externalID: String, _ draft: JobRoleDraft) async throws -> (record: JobRoleRecord, created: Bool)
    /// One role.
    func find(id: UUID) async throws -> JobRoleRecord?
    /// Roles matching `filter`, by id, after `cursor`.
    func list(_ filter: JobRoleFilter, after cursor: UUID?, limit: Int) async throws -> [JobRoleRecord]
    /// Applies changes; `ifMatch` is checked against the current ETag under a row lock.
    func update(id: UUID, _ changes: JobRoleChanges, ifMatch: String?) async throws -> JobRoleRecord
    /// Deletes a role no position uses.
    func delete(id: UUID, ifMatch: String?) async throws
}

/// The PostgreSQL implementation of ``JobRoleRepository``.
public struct JobRoleStore: JobRoleRepository {
    private let pool: ConnectionPool
    private static let columns = """
        id, title, job_family, level, location, currency, annual_base_salary::text AS annual_base_salary,
        benefits_rate::float8 AS benefits_rate, payroll_tax_rate::float8 AS payroll_tax_rate,
        hiring_cost_per_hire::text AS hiring_cost_per_hire, ramp_months_to_full_productivity, external_id,
        version, created_at, updated_at
        """
    private static let fieldColumns = """
        title, job_family, level, location, currency, annual_base_salary, benefits_rate, payroll_tax_rate,
        hiring_cost_per_hire, ramp_months_to_full_productivity, external_id
        """
    private static let fieldValues = """
        $2::text, $3::text, $4::text, $5::text, $6::text, $7::numeric, $8::numeric, $9::numeric, $10::numeric,
        $11::integer, $12::text
        """

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func create(_ draft: JobRoleDraft) async throws -> JobRoleRecord {
        try await insert(draft, on: nil)
    }

    public func upsert(externalID: String, _ draft: JobRoleDraft) async throws -> (record: JobRoleRecord, created: Bool) {
        try await pool.withTransaction { connection in
            let existing = try await connection.query(
                "SELECT \(Self.columns) FROM job_roles WHERE external_id = $1::text FOR UPDATE", [externalID]
            )
            guard let current = try existing.first.map(Self.record) else {
                return (try await insert(draft, on: connection), true)
            }
            if current.fields == draft { return (current, false) }
            return (try await write(id: current.id, draft, on: connection), false)
        }
    }

    public func find(id: UUID) async throws -> JobRoleRecord? {
        try await pool.query("SELECT \(Self.columns) FROM job_roles WHERE id = $1::uuid", [id]).first.map(Self.record)
    }

    public func list(_ filter: JobRoleFilter, after cursor: UUID?, limit: Int) async throws -> [JobRoleRecord] {
        try await pool.query(
            """
            SELECT \(Self.columns) FROM job_roles
            WHERE ($1::text IS NULL OR job_family = $1::text)
              AND ($2::text IS NULL OR location = $2::text)
              AND ($3::text IS NULL OR external_id = $3::text)
              AND ($4::uuid IS NULL OR id > $4::uuid)
            ORDER BY id
            LIMIT $5::integer
            """,
            [filter.jobFamily, filter.location, filter.externalID, cursor, limit]
        ).map(Self.record)
    }

    public func update(id: UUID, _ changes: JobRoleChanges, ifMatch: String?) async throws -> JobRoleRecord {
        try await pool.withTransaction { connection in
            let rows = try await connection.query("SELECT \(Self.columns) FROM job_roles WHERE id = $1::uuid FOR UPDATE", [id])
            guard let current = try rows.first.map(Self.record) else { throw DomainError.notFound("No role with this id.") }
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            return try await write(id: id, current.fields.applying(changes), on: connection)
        }
    }

    public func delete(id: UUID, ifMatch: String?) async throws {
        try await pool.withTransaction { connection in
            let rows = try await connection.query("SELECT \(Self.columns) FROM job_roles WHERE id = $1::uuid FOR UPDATE", [id])
            guard let current = try rows.first.map(Self.record) else { throw DomainError.notFound("No role with this id.") }
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            _ = try await StoreErrors.translating {
                try await connection.query("DELETE FROM job_roles WHERE id = $1::uuid", [id])
            }
        }
    }

    private func insert(_ draft: JobRoleDraft, on connection: PostgresConnection?) async throws -> JobRoleRecord {
        let sql = "INSERT INTO job_roles (id, \(Self.fieldColumns)) VALUES ($1::uuid, \(Self.fieldValues)) RETURNING \(Self.columns)"
        let parameters = [UUID()] + Self.parameters(draft)
        let rows = try await StoreErrors.translating {
            if let connection { return try await connection.query(sql, parameters) }
            return try await pool.query(sql, parameters)
        }
        return try Self.record(rows[0])
    }

    private func write(id: UUID, _ draft: JobRoleDraft, on connection: PostgresConnection) async throws -> JobRoleRecord {
        let rows = try await StoreErrors.translating {
            try await connection.query(
                """
                UPDATE job_roles SET (\(Self.fieldColumns)) = (\(Self.fieldValues)), version = version + 1, updated_at = now()
                WHERE id = $1::uuid
                RETURNING \(Self.columns)
                """,
                [id] + Self.parameters(draft)
            )
        }
        return try Self.record(rows[0])
    }

    private static func parameters(_ draft: JobRoleDraft) -> [any PostgresEncodable] {
        [
            draft.title, draft.jobFamily, draft.level, draft.location, draft.currency.description,
            draft.annualBaseSalary.description, draft.benefitsRate, draft.payrollTaxRate,
            draft.hiringCostPerHire.description, draft.rampMonthsToFullProductivity, draft.externalID,
        ]
    }

    private static func record(_ row: PostgresRow) throws -> JobRoleRecord {
        JobRoleRecord(
            id: try row.decode(UUID.self, "id"),
            fields: try JobRoleDraft(
                title: try row.decode(String.self, "title"),
                jobFamily: try row.decode(String?.self, "job_family"),
                level: try row.decode(String?.self, "level"),
                location: try row.decode(String?.self, "location"),
                currency: try row.decode(String.self, "currency"),
                annualBaseSalary: try row.decode(String.self, "annual_base_salary"),
                benefitsRate: try row.decode(Double.self, "benefits_rate"),
                payrollTaxRate: try row.decode(Double.self, "payroll_tax_rate"),
                hiringCostPerHire: try row.decode(String.self, "hiring_cost_per_hire"),
                rampMonthsToFullProductivity: try row.decode(Int.self, "ramp_months_to_full_productivity"),
                externalID: try row.decode(String?.self, "external_id")
            ),
            version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"),
            updatedAt: try row.decode(Date.self, "updated_at")
        )
    }
}
