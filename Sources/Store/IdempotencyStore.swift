import Domain
import Foundation
import Postgres

/// A response kept for replay.
public struct StoredResponse: Sendable, Equatable {
    /// HTTP status code.
    public let status: Int
    /// Header fields worth replaying (content type, ETag, Location).
    public let headers: [String: String]
    /// The body bytes.
    public let body: [UInt8]

    /// Creates a stored response.
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The outcome of claiming an idempotency key for a request.
public enum IdempotencyClaim: Sendable, Equatable {
    /// First use (or an abandoned or expired earlier one): run the request, then complete or release the key.
    case claimed
    /// The same request already completed: replay its response.
    case replay(StoredResponse)
    /// The key was used with a different request.
    case mismatch
    /// The same key is being processed by another request right now.
    case inProgress
}

/// Persistence of idempotency keys, scoped per API key.
public protocol IdempotencyRepository: Sendable {
    /// Claims `key` for a request with fingerprint `requestHash`.
    func claim(apiKeyID: UUID, key: String, requestHash: String) async throws -> IdempotencyClaim
    /// Stores the response of a claimed key.
    func complete(apiKeyID: UUID, key: String, response: StoredResponse) async throws
    /// Forgets a claimed key (the request failed without effect), so a retry runs again.
    func release(apiKeyID: UUID, key: String) async throws
}

/// The PostgreSQL implementation of ``IdempotencyRepository``. Keys are kept 48 hours.
public struct IdempotencyStore: IdempotencyRepository {
    private let pool: ConnectionPool

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func claim(apiKeyID: UUID, key: String, requestHash: String) async throws -> IdempotencyClaim {
        if Int.random(in: 0..<200) == 0 {
            try await pool.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'")
        }
        let claimed = try await pool.query(
            """
            INSERT INTO idempotency_keys (api_key_id, idempotency_key, request_hash)
            VALUES ($1::uuid, $2::text, $3::text)
            ON CONFLICT (api_key_id, idempotency_key) DO UPDATE
                SET request_hash = EXCLUDED.request_hash, created_at = now(), completed_at = NULL,
                    response_status = NULL, response_headers = NULL, response_body = NULL
                WHERE idempotency_keys.created_at < now() - interval '48 hours'
                   OR (idempotency_keys.completed_at IS NULL AND idempotency_keys.created_at < now() - interval '5 minutes')
            RETURNING 1 AS claimed
            """,
            [apiKeyID, key, requestHash]
        )
        if !claimed.isEmpty { return .claimed }
        let rows = try await pool.query(
            """
            SELECT request_hash, response_status, response_headers, encode(response_body, 'hex') AS body
            FROM idempotency_keys WHERE api_key_id = $1::uuid AND idempotency_key = $2::text
            """,
            [apiKeyID, key]
        )
        guard let row = rows.first else { return try await claim(apiKeyID: apiKeyID, key: key, requestHash: requestHash) }
        guard try row.decode(String.self, "request_hash") == requestHash else { return .mismatch }
        guard let status = try row.decode(Int?.self, "response_status") else { return .inProgress }
        return .replay(StoredResponse(
            status: status,
            headers: try row.decode(PostgresJSON<[String: String]>?.self, "response_headers")?.value ?? [:],
            body: Hex.decode(try row.decode(String?.self, "body") ?? "") ?? []
        ))
    }

    public func complete(apiKeyID: UUID, key: String, response: StoredResponse) async throws {
        try await pool.query(
            """
            UPDATE idempotency_keys
            SET response_status = $3::integer, response_headers = $4::jsonb, response_body = decode($5::text, 'hex'),
                completed_at = now()
            WHERE api_key_id = $1::uuid AND idempotency_key = $2::text
            """,
            [apiKeyID, key, response.status, PostgresJSON(response.headers), Hex.encode(response.body)]
        )
    }

    public func release(apiKeyID: UUID, key: String) async throws {
        try await pool.query(
            "DELETE FROM idempotency_keys WHERE api_key_id = $1::uuid AND idempotency_key = $2::text AND completed_at IS NULL",
            [apiKeyID, key]
        )
    }
}
