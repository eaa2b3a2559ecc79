import Domain
import Foundation
import Postgres

/// One stored version of a position.
public struct PositionRecord: Sendable, Equatable {
    /// The position's id.
    public let id: UUID
    /// Key in the HR system.
    public let externalID: String?
    /// The state in force over the validity range.
    public let state: PositionState
    /// First day in force.
    public let validFrom: CalendarDate
    /// First day no longer in force; nil when open-ended.
    public let validTo: CalendarDate?
    /// When this version was recorded.
    public let recordedAt: Date
    /// Incremented by every change of the position (any version).
    public let positionVersion: Int

    /// The position's ETag (changes with any version).
    public var etag: String { EntityTag.make(id: id, version: positionVersion) }
}

/// Filters of a position list.
public struct PositionFilter: Sendable {
    /// Only positions in this unit's subtree.
    public var orgUnitSubtree: UUID?
    /// Only this role.
    public var roleID: UUID?
    /// Only this status.
    public var status: PositionStatus?
    /// Only the position with this HR-system key.
    public var externalID: String?

    /// Creates a filter.
    public init(orgUnitSubtree: UUID? = nil, roleID: UUID? = nil, status: PositionStatus? = nil, externalID: String? = nil) {
        self.orgUnitSubtree = orgUnitSubtree
        self.roleID = roleID
        self.status = status
        self.externalID = externalID
    }
}

/// Persistence of effective-dated positions.
public protocol PositionRepository: Sendable {
    /// Creates a position whose first version starts on `effectiveDate`; its org unit must be within `scope`.
    func create(_ state: PositionState, externalID: String?, effectiveDate: CalendarDate, scope: OrgScope, recordedBy: UUID) async throws -> PositionRecord
    /// The version in force on `asOf`, if the position is within `scope` then.
    func find(id: UUID, asOf: CalendarDate, scope: OrgScope) async throws -> PositionRecord?
    /// Versions in force on `asOf` matching `filter` within `scope`, by position id, after `cursor`.
    func list(_ filter: PositionFilter, asOf: CalendarDate, scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [PositionRecord]
    /// Every version, oldest first (empty when the position is unknown or never within `scope`).
    func history(id: UUID, scope: OrgScope) async throws -> [PositionRecord]
    /// Starts a new version on `effectiveDate` with `changes` applied to the version in force then.
    func update(id: UUID, _ changes: PositionChanges, effectiveDate: CalendarDate, ifMatch: String?, scope: OrgScope, recordedBy: UUID) async throws -> PositionRecord
    /// Ends the position on `endDate`.
    func close(id: UUID, endDate: CalendarDate, ifMatch: String?, scope: OrgScope) async throws -> PositionRecord
}

/// The PostgreSQL implementation of ``PositionRepository``.
public struct PositionStore: PositionRepository {
    private let pool: ConnectionPool
    private static let columns = """
        p.id, p.external_id, p.version AS position_version, v.valid_from::text AS valid_from,
        v.valid_to::text AS valid_to, v.org_unit_id, v.role_id, v.fte::float8 AS fte, v.status, v.queue_id,
        v.employee_ref, v.salary_override::text AS salary_override, v.recorded_at
        """

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func create(
        _ state: PositionState, externalID: String?, effectiveDate: CalendarDate, scope: OrgScope, recordedBy: UUID
    ) async throws -> PositionRecord {
        try await pool.withTransaction { connection in
            try await create(state, externalID: externalID, effectiveDate: effectiveDate, scope: scope, recordedBy: recordedBy, on: connection)
        }
    }

    /// ``create(_:externalID:effectiveDate:scope:recordedBy:)`` inside a transaction the caller holds.
    func create(
        _ state: PositionState, externalID: String?, effectiveDate: CalendarDate, scope: OrgScope, recordedBy: UUID,
        on connection: PostgresConnection
    ) async throws -> PositionRecord {
        try await requireUnit(state.orgUnitID, in: scope, on: connection)
        let id = UUID()
        _ = try await StoreErrors.translating {
            try await connection.query("INSERT INTO positions (id, external_id) VALUES ($1::uuid, $2::text)", [id, externalID])
        }
        try await insertVersion(id, state, from: effectiveDate, to: nil, recordedBy: recordedBy, on: connection)
        return try await version(of: id, on: effectiveDate, connection: connection)!
    }

    public func find(id: UUID, asOf: CalendarDate, scope: OrgScope) async throws -> PositionRecord? {
        try await pool.withConnection { connection in
            guard let record = try await version(of: id, on: asOf, connection: connection) else { return nil }
            return try await OrgUnitStore.contains(record.state.orgUnitID, in: scope, on: connection) ? record : nil
        }
    }

    public func list(
        _ filter: PositionFilter, asOf: CalendarDate, scope: OrgScope, after cursor: UUID?, limit: Int
    ) async throws -> [PositionRecord] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeAndFilterCTE)
            SELECT \(Self.columns)
            FROM position_versions v JOIN positions p ON p.id = v.position_id
            WHERE daterange(v.valid_from, v.valid_to) @> $3::date
              AND ($1::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM scope))
              AND ($2::uuid IS NULL OR v.org_unit_id IN (SELECT id FROM filter_tree))
              AND ($4::uuid IS NULL OR v.role_id = $4::uuid)
              AND ($5::text IS NULL OR v.status = $5::text)
              AND ($6::text IS NULL OR p.external_id = $6::text)
              AND ($7::uuid IS NULL OR p.id > $7::uuid)
            ORDER BY p.id
            LIMIT $8::integer
            """,
            [scope.root, filter.orgUnitSubtree, asOf.description, filter.roleID, filter.status?.rawValue, filter.externalID, cursor, limit]
        ).map(Self.record)
    }

    public func history(id: UUID, scope: OrgScope) async throws -> [PositionRecord] {
        try await pool.withConnection { connection in
            try await history(id: id, scope: scope, on: connection)
        }
    }

    public func update(
        id: UUID, _ changes: PositionChanges, effectiveDate: CalendarDate, ifMatch: String?, scope: OrgScope, recordedBy: UUID
    ) async throws -> PositionRecord {
        try await pool.withTransaction { connection in
            try await update(
                id: id, changes, effectiveDate: effectiveDate, ifMatch: ifMatch, scope: scope, recordedBy: recordedBy, on: connection
            )
        }
    }

    /// ``update(id:_:effectiveDate:ifMatch:scope:recordedBy:)`` inside a transaction the caller holds.
    func update(
        id: UUID, _ changes: PositionChanges, effectiveDate: CalendarDate, ifMatch: String?, scope: OrgScope, recordedBy: UUID,
        on connection: PostgresConnection
    ) async throws -> PositionRecord {
        let current = try await lockedVersion(id: id, on: effectiveDate, ifMatch: ifMatch, scope: scope, connection: connection)
        let state = current.state.applying(changes)
        if state.orgUnitID != current.state.orgUnitID { try await requireUnit(state.orgUnitID, in: scope, on: connection) }
        if current.validFrom == effectiveDate {
            try await connection.query("DELETE FROM position_versions WHERE position_id = $1::uuid AND valid_from = $2::date", [id, effectiveDate.description])
        } else {
            try await connection.query(
                "UPDATE position_versions SET valid_to = $3::date WHERE position_id = $1::uuid AND valid_from = $2::date",
                [id, current.validFrom.description, effectiveDate.description]
            )
        }
        try await insertVersion(id, state, from: effectiveDate, to: current.validTo, recordedBy: recordedBy, on: connection)
        try await connection.query("UPDATE positions SET version = version + 1 WHERE id = $1::uuid", [id])
        return try await version(of: id, on: effectiveDate, connection: connection)!
    }

    public func close(id: UUID, endDate: CalendarDate, ifMatch: String?, scope: OrgScope) async throws -> PositionRecord {
        try await pool.withTransaction { connection in
            let versions = try await history(id: id, scope: scope, on: connection)
            guard let last = versions.last else { throw DomainError.notFound("No position with this id.") }
            if let validTo = last.validTo, validTo <= endDate {
                throw DomainError.conflict("The position is already closed on \(validTo).")
            }
            if versions.contains(where: { $0.validFrom >= endDate }) {
                throw DomainError.conflict("The position has changes recorded on or after the end date; it cannot close before them.")
            }
            let lastDate = endDate.previousDay
            let current = try await lockedVersion(id: id, on: lastDate, ifMatch: ifMatch, scope: scope, connection: connection)
            try await connection.query(
                "UPDATE position_versions SET valid_to = $3::date WHERE position_id = $1::uuid AND valid_from = $2::date",
                [id, current.validFrom.description, endDate.description]
            )
            try await connection.query("UPDATE positions SET version = version + 1 WHERE id = $1::uuid", [id])
            return try await version(of: id, on: lastDate, connection: connection)!
        }
    }

    private func lockedVersion(
        id: UUID, on date: CalendarDate, ifMatch: String?, scope: OrgScope, connection: PostgresConnection
    ) async throws -> PositionRecord {
        let locked = try await connection.query("SELECT version FROM positions WHERE id = $1::uuid FOR UPDATE", [id])
        guard let row = locked.first else { throw DomainError.notFound("No position with this id.") }
        guard let current = try await version(of: id, on: date, connection: connection) else {
            if try await history(id: id, scope: scope, on: connection).isEmpty { throw DomainError.notFound("No position with this id.") }
            throw DomainError.unprocessable("The position is not in force on \(date).")
        }
        guard try await OrgUnitStore.contains(current.state.orgUnitID, in: scope, on: connection) else {
            throw DomainError.notFound("No position with this id.")
        }
        try EntityTag.check(ifMatch: ifMatch, current: EntityTag.make(id: id, version: try row.decode(Int.self, "version")))
        return current
    }

    private func history(id: UUID, scope: OrgScope, on connection: PostgresConnection) async throws -> [PositionRecord] {
        try await connection.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT \(Self.columns)
            FROM position_versions v JOIN positions p ON p.id = v.position_id
            WHERE p.id = $2::uuid
              AND ($1::uuid IS NULL OR EXISTS (
                  SELECT 1 FROM position_versions seen WHERE seen.position_id = p.id AND seen.org_unit_id IN (SELECT id FROM scope)))
            ORDER BY v.valid_from
            """,
            [scope.root, id]
        ).map(Self.record)
    }

    func version(of id: UUID, on date: CalendarDate, connection: PostgresConnection) async throws -> PositionRecord? {
        try await connection.query(
            """
            SELECT \(Self.columns) FROM position_versions v JOIN positions p ON p.id = v.position_id
            WHERE p.id = $1::uuid AND daterange(v.valid_from, v.valid_to) @> $2::date
            """,
            [id, date.description]
        ).first.map(Self.record)
    }

    private func insertVersion(
        _ id: UUID, _ state: PositionState, from: CalendarDate, to: CalendarDate?, recordedBy: UUID, on connection: PostgresConnection
    ) async throws {
        _ = try await StoreErrors.translating {
            try await connection.query(
                """
                INSERT INTO position_versions (position_id, valid_from, valid_to, org_unit_id, role_id, fte, status, queue_id,
                    employee_ref, salary_override, recorded_by)
                VALUES ($1::uuid, $2::date, $3::date, $4::uuid, $5::uuid, $6::numeric, $7::text, $8::uuid, $9::text,
                    $10::numeric, $11::uuid)
                """,
                [
                    id, from.description, to?.description, state.orgUnitID, state.roleID, state.fte, state.status.rawValue,
                    state.queueID, state.employeeRef, state.salaryOverride?.description, recordedBy,
                ]
            )
        }
    }

    private func requireUnit(_ unit: UUID, in scope: OrgScope, on connection: PostgresConnection) async throws {
        guard try await OrgUnitStore.contains(unit, in: scope, on: connection) else {
            throw DomainError.unprocessable("The org unit does not exist or is outside your scope.")
        }
    }

    private static func record(_ row: PostgresRow) throws -> PositionRecord {
        let statusName = try row.decode(String.self, "status")
        guard let status = PositionStatus(rawValue: statusName),
            let validFrom = CalendarDate(try row.decode(String.self, "valid_from"))
        else { throw PostgresError(kind: .decoding, message: "invalid position version") }
        return PositionRecord(
            id: try row.decode(UUID.self, "id"),
            externalID: try row.decode(String?.self, "external_id"),
            state: try PositionState(
                orgUnitID: try row.decode(String.self, "org_unit_id"),
                roleID: try row.decode(String.self, "role_id"),
                fte: try row.decode(Double.self, "fte"),
                status: status,
                queueID: try row.decode(String?.self, "queue_id"),
                employeeRef: try row.decode(String?.self, "employee_ref"),
                salaryOverride: try row.decode(String?.self, "salary_override")
            ),
            validFrom: validFrom,
            validTo: try row.decode(String?.self, "valid_to").flatMap(CalendarDate.init),
            recordedAt: try row.decode(Date.self, "recorded_at"),
            positionVersion: try row.decode(Int.self, "position_version")
        )
    }
}
