import Domain
import Foundation
import Postgres

/// A stored org unit.
public struct OrgUnitRecord: Sendable, Equatable {
    /// The unit's id.
    public let id: UUID
    /// Display name.
    public let name: String
    /// Parent unit; nil for a root.
    public let parentID: UUID?
    /// Cost center code.
    public let costCenter: String?
    /// Key in the HR system.
    public let externalID: String?
    /// Incremented by every change.
    public let version: Int
    /// When the unit was created.
    public let createdAt: Date
    /// When the unit last changed.
    public let updatedAt: Date

    /// The unit's ETag.
    public var etag: String { EntityTag.make(id: id, version: version) }
}

/// Filters of an org unit list.
public struct OrgUnitFilter: Sendable {
    /// Only direct children of this unit.
    public var parentID: UUID?
    /// Only this unit and its descendants.
    public var subtreeOf: UUID?
    /// Only the unit with this HR-system key.
    public var externalID: String?

    /// Creates a filter.
    public init(parentID: UUID? = nil, subtreeOf: UUID? = nil, externalID: String? = nil) {
        self.parentID = parentID
        self.subtreeOf = subtreeOf
        self.externalID = externalID
    }
}

/// Persistence of the org unit tree.
public protocol OrgUnitRepository: Sendable {
    /// Creates a unit.
    func create(_ draft: OrgUnitDraft) async throws -> OrgUnitRecord
    /// Creates or replaces the unit with this HR-system key; `created` tells which.
    func upsert(externalID: String, _ draft: OrgUnitDraft) async throws -> (record: OrgUnitRecord, created: Bool)
    /// One unit, if it exists within `scope`.
    func find(id: UUID, scope: OrgScope) async throws -> OrgUnitRecord?
    /// Units within `scope` matching `filter`, by id, after `cursor`.
    func list(_ filter: OrgUnitFilter, scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [OrgUnitRecord]
    /// Applies changes; `ifMatch` is checked against the current ETag under a row lock.
    func update(id: UUID, _ changes: OrgUnitChanges, ifMatch: String?) async throws -> OrgUnitRecord
    /// Deletes a unit without children or positions.
    func delete(id: UUID, ifMatch: String?) async throws
}

/// The PostgreSQL implementation of ``OrgUnitRepository``.
public struct OrgUnitStore: OrgUnitRepository {
    private let pool: ConnectionPool
    static let columns = "id, name, parent_id, cost_center, external_id, version, created_at, updated_at"
    /// Serialises changes of parents, so that two concurrent moves cannot build a cycle.
    private static let treeLock: Int64 = 0x5746_5452_4545

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func create(_ draft: OrgUnitDraft) async throws -> OrgUnitRecord {
        try await pool.withTransaction { connection in
            try await requireParent(draft.parentID, on: connection)
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    """
                    INSERT INTO org_units (id, name, parent_id, cost_center, external_id)
                    VALUES ($1::uuid, $2::text, $3::uuid, $4::text, $5::text)
                    RETURNING \(Self.columns)
                    """,
                    [UUID(), draft.name, draft.parentID, draft.costCenter, draft.externalID]
                )
            }
            return try Self.record(rows[0])
        }
    }

    public func upsert(externalID: String, _ draft: OrgUnitDraft) async throws -> (record: OrgUnitRecord, created: Bool) {
        try await pool.withTransaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock($1::bigint)", [Self.treeLock])
            try await requireParent(draft.parentID, on: connection)
            let existing = try await connection.query(
                "SELECT \(Self.columns) FROM org_units WHERE external_id = $1::text FOR UPDATE", [externalID]
            )
            guard let current = try existing.first.map(Self.record) else {
                let rows = try await StoreErrors.translating {
                    try await connection.query(
                        """
                        INSERT INTO org_units (id, name, parent_id, cost_center, external_id)
                        VALUES ($1::uuid, $2::text, $3::uuid, $4::text, $5::text)
                        RETURNING \(Self.columns)
                        """,
                        [UUID(), draft.name, draft.parentID, draft.costCenter, externalID]
                    )
                }
                return (try Self.record(rows[0]), true)
            }
            if current.name == draft.name, current.parentID == draft.parentID, current.costCenter == draft.costCenter {
                return (current, false)
            }
            try await requireNoCycle(moving: current.id, under: draft.parentID, on: connection)
            let rows = try await connection.query(
                """
                UPDATE org_units SET name = $2::text, parent_id = $3::uuid, cost_center = $4::text,
                    version = version + 1, updated_at = now()
                WHERE id = $1::uuid
                RETURNING \(Self.columns)
                """,
                [current.id, draft.name, draft.parentID, draft.costCenter]
            )
            return (try Self.record(rows[0]), false)
        }
    }

    public func find(id: UUID, scope: OrgScope) async throws -> OrgUnitRecord? {
        let rows = try await pool.query(
            """
            \(Self.scopeCTE)
            SELECT \(Self.columns) FROM org_units
            WHERE id = $2::uuid AND ($1::uuid IS NULL OR id IN (SELECT id FROM scope))
            """,
            [scope.root, id]
        )
        return try rows.first.map(Self.record)
    }

    public func list(_ filter: OrgUnitFilter, scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [OrgUnitRecord] {
        let rows = try await pool.query(
            """
            \(Self.scopeAndFilterCTE)
            SELECT \(Self.columns) FROM org_units
            WHERE ($1::uuid IS NULL OR id IN (SELECT id FROM scope))
              AND ($2::uuid IS NULL OR id IN (SELECT id FROM filter_tree))
              AND ($3::uuid IS NULL OR parent_id = $3::uuid)
              AND ($4::text IS NULL OR external_id = $4::text)
              AND ($5::uuid IS NULL OR id > $5::uuid)
            ORDER BY id
            LIMIT $6::integer
            """,
            [scope.root, filter.subtreeOf, filter.parentID, filter.externalID, cursor, limit]
        )
        return try rows.map(Self.record)
    }

    public func update(id: UUID, _ changes: OrgUnitChanges, ifMatch: String?) async throws -> OrgUnitRecord {
        try await pool.withTransaction { connection in
            if case .set = changes.parentID {
                try await connection.query("SELECT pg_advisory_xact_lock($1::bigint)", [Self.treeLock])
            }
            let current = try await lockedRecord(id: id, on: connection)
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            let parentID = changes.parentID.applied(to: current.parentID)
            if parentID != current.parentID {
                try await requireParent(parentID, on: connection)
                try await requireNoCycle(moving: id, under: parentID, on: connection)
            }
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    """
                    UPDATE org_units SET name = $2::text, parent_id = $3::uuid, cost_center = $4::text,
                        external_id = $5::text, version = version + 1, updated_at = now()
                    WHERE id = $1::uuid
                    RETURNING \(Self.columns)
                    """,
                    [
                        id, changes.name.applied(to: current.name), parentID,
                        changes.costCenter.applied(to: current.costCenter), changes.externalID.applied(to: current.externalID),
                    ]
                )
            }
            return try Self.record(rows[0])
        }
    }

    public func delete(id: UUID, ifMatch: String?) async throws {
        try await pool.withTransaction { connection in
            let current = try await lockedRecord(id: id, on: connection)
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            let children = try await connection.query(
                "SELECT count(*)::integer AS n FROM org_units WHERE parent_id = $1::uuid", [id]
            )
            let childCount = try children[0].decode(Int.self, "n")
            if childCount > 0 {
                throw DomainError.conflict("The org unit has \(childCount) child unit(s); move or delete them first.")
            }
            _ = try await StoreErrors.translating {
                try await connection.query("DELETE FROM org_units WHERE id = $1::uuid", [id])
            }
        }
    }

    private func lockedRecord(id: UUID, on connection: PostgresConnection) async throws -> OrgUnitRecord {
        let rows = try await connection.query("SELECT \(Self.columns) FROM org_units WHERE id = $1::uuid FOR UPDATE", [id])
        guard let record = try rows.first.map(Self.record) else { throw DomainError.notFound("No org unit with this id.") }
        return record
    }

    private func requireParent(_ parentID: UUID?, on connection: PostgresConnection) async throws {
        guard let parentID else { return }
        let rows = try await connection.query("SELECT 1 FROM org_units WHERE id = $1::uuid", [parentID])
        if rows.isEmpty { throw DomainError.unprocessable("The parent org unit does not exist.") }
    }

    private func requireNoCycle(moving id: UUID, under parentID: UUID?, on connection: PostgresConnection) async throws {
        guard let parentID else { return }
        let rows = try await connection.query(
            """
            WITH RECURSIVE descendants AS (
                SELECT id FROM org_units WHERE id = $1::uuid
                UNION ALL
                SELECT child.id FROM org_units child JOIN descendants parent ON child.parent_id = parent.id
            )
            SELECT 1 FROM descendants WHERE id = $2::uuid
            """,
            [id, parentID]
        )
        if !rows.isEmpty {
            throw DomainError.conflict("An org unit cannot move under itself or one of its descendants.")
        }
    }

    /// `scope`: the subtree rooted at `$1` (empty when `$1` is NULL, which callers treat as everything).
    static let scopeCTE = """
        WITH RECURSIVE scope AS (
            SELECT id FROM org_units WHERE id = $1::uuid
            UNION ALL
            SELECT child.id FROM org_units child JOIN scope parent ON child.parent_id = parent.id
        )
        """

    /// True when `unit` exists and lies within `scope`, read on `connection` (inside the caller's transaction).
    static func contains(_ unit: UUID, in scope: OrgScope, on connection: PostgresConnection) async throws -> Bool {
        try await !connection.query(
            "\(scopeCTE) SELECT 1 FROM org_units WHERE id = $2::uuid AND ($1::uuid IS NULL OR id IN (SELECT id FROM scope))",
            [scope.root, unit]
        ).isEmpty
    }

    /// ``scopeCTE`` and `filter_tree`: the subtree rooted at `$2` (empty when `$2` is NULL), for a filter by unit.
    static let scopeAndFilterCTE = scopeCTE + """
        ,
        filter_tree AS (
            SELECT id FROM org_units WHERE id = $2::uuid
            UNION ALL
            SELECT child.id FROM org_units child JOIN filter_tree parent ON child.parent_id = parent.id
        )
        """

    static func record(_ row: PostgresRow) throws -> OrgUnitRecord {
        OrgUnitRecord(
            id: try row.decode(UUID.self, "id"),
            name: try row.decode(String.self, "name"),
            parentID: try row.decode(UUID?.self, "parent_id"),
            costCenter: try row.decode(String?.self, "cost_center"),
            externalID: try row.decode(String?.self, "external_id"),
            version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"),
            updatedAt: try row.decode(Date.self, "updated_at")
        )
    }
}
