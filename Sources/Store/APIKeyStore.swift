import Domain
import Foundation
import Postgres

/// A stored API key, without its secret.
public struct APIKeyRecord: Sendable, Equatable {
    /// The key's id.
    public let id: UUID
    /// A name saying who or what uses the key.
    public let name: String
    /// The key's role.
    public let role: Role
    /// The org unit a manager key is bound to.
    public let orgUnitID: UUID?
    /// When the key was created.
    public let createdAt: Date
    /// When the key was revoked, if it was.
    public let revokedAt: Date?

    /// The key's ETag: it changes when the key is revoked.
    public var etag: String { EntityTag.make(id: id, version: revokedAt == nil ? 1 : 2) }

    /// The principal a request made with this key acts as.
    public var principal: Principal {
        Principal(keyID: id, name: name, role: role, orgUnitID: orgUnitID)
    }
}

/// Persistence of API keys.
public protocol APIKeyRepository: Sendable {
    /// Stores a new key with the hash of `secret`.
    func create(_ draft: APIKeyDraft, secret: APIKeySecret) async throws -> APIKeyRecord
    /// Stores an admin key with `secret` only if no key exists yet; nil when keys already exist.
    func createFirstAdmin(name: String, secret: APIKeySecret) async throws -> APIKeyRecord?
    /// The active (not revoked) key with this secret.
    func authenticate(_ secret: APIKeySecret) async throws -> APIKeyRecord?
    /// One key by id.
    func find(id: UUID) async throws -> APIKeyRecord?
    /// Keys ordered by id, after `cursor` (exclusive).
    func list(role: Role?, includeRevoked: Bool, after cursor: UUID?, limit: Int) async throws -> [APIKeyRecord]
    /// Marks a key revoked; false when no such key exists.
    func revoke(id: UUID) async throws -> Bool
}

/// The PostgreSQL implementation of ``APIKeyRepository``.
public struct APIKeyStore: APIKeyRepository {
    private let pool: ConnectionPool
    private static let columns = "id, name, role, org_unit_id, created_at, revoked_at"

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func create(_ draft: APIKeyDraft, secret: APIKeySecret) async throws -> APIKeyRecord {
        let rows = try await StoreErrors.translating {
            try await pool.query(
                """
                INSERT INTO api_keys (id, name, role, org_unit_id, secret_hash)
                VALUES ($1::uuid, $2::text, $3::text, $4::uuid, decode($5::text, 'hex'))
                RETURNING \(Self.columns)
                """,
                [UUID(), draft.name, draft.role.rawValue, draft.orgUnitID, Hex.encode(secret.hash)]
            )
        }
        return try Self.record(rows[0])
    }

    public func createFirstAdmin(name: String, secret: APIKeySecret) async throws -> APIKeyRecord? {
        try await pool.withTransaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock($1::bigint)", [Int64(0x5746_4b45_5953)])
            let rows = try await connection.query(
                """
                INSERT INTO api_keys (id, name, role, org_unit_id, secret_hash)
                SELECT $1::uuid, $2::text, 'admin', NULL, decode($3::text, 'hex')
                WHERE NOT EXISTS (SELECT 1 FROM api_keys)
                RETURNING \(Self.columns)
                """,
                [UUID(), name, Hex.encode(secret.hash)]
            )
            return try rows.first.map(Self.record)
        }
    }

    public func authenticate(_ secret: APIKeySecret) async throws -> APIKeyRecord? {
        let rows = try await pool.query(
            "SELECT \(Self.columns) FROM api_keys WHERE secret_hash = decode($1::text, 'hex') AND revoked_at IS NULL",
            [Hex.encode(secret.hash)]
        )
        return try rows.first.map(Self.record)
    }

    public func find(id: UUID) async throws -> APIKeyRecord? {
        let rows = try await pool.query("SELECT \(Self.columns) FROM api_keys WHERE id = $1::uuid", [id])
        return try rows.first.map(Self.record)
    }

    public func list(role: Role?, includeRevoked: Bool, after cursor: UUID?, limit: Int) async throws -> [APIKeyRecord] {
        let rows = try await pool.query(
            """
            SELECT \(Self.columns) FROM api_keys
            WHERE ($1::text IS NULL OR role = $1::text)
              AND ($2::bool OR revoked_at IS NULL)
              AND ($3::uuid IS NULL OR id > $3::uuid)
            ORDER BY id
            LIMIT $4::integer
            """,
            [role?.rawValue, includeRevoked, cursor, limit]
        )
        return try rows.map(Self.record)
    }

    public func revoke(id: UUID) async throws -> Bool {
        let rows = try await pool.query(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1::uuid",
            [id]
        )
        return rows.affectedRows == 1
    }

    private static func record(_ row: PostgresRow) throws -> APIKeyRecord {
        let roleName = try row.decode(String.self, "role")
        guard let role = Role(rawValue: roleName) else {
            throw PostgresError(kind: .decoding, message: "unknown role \(roleName)")
        }
        return APIKeyRecord(
            id: try row.decode(UUID.self, "id"),
            name: try row.decode(String.self, "name"),
            role: role,
            orgUnitID: try row.decode(UUID?.self, "org_unit_id"),
            createdAt: try row.decode(Date.self, "created_at"),
            revokedAt: try row.decode(Date?.self, "revoked_at")
        )
    }

}
