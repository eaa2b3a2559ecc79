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
            body: Self.bytes(hex: try row.decode(String?.self, "body") ?? "")
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
            [apiKeyID, key, response.status, PostgresJSON(response.headers), Self.hex(response.body)]
        )
    }

    public func release(apiKeyID: UUID, key: String) async throws {
        try await pool.query(
            "DELETE FROM idempotency_keys WHERE api_key_id = $1::uuid AND idempotency_key = $2::text AND completed_at IS NULL",
            [apiKeyID, key]
        )
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            output.append(nibble(digits[index]) << 4 | nibble(digits[index + 1]))
            index += 2
        }
        return output
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0")
    }
}
