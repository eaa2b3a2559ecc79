import Logging
import Postgres

/// Applies schema migrations in order, each in its own transaction, recorded in `schema_migrations`.
///
/// A session-level advisory lock serialises migrators, so replicas starting together apply each file once.
public struct Migrator: Sendable {
    /// Where migrations stand on a database.
    public struct Status: Sendable, Equatable {
        /// Versions applied.
        public let applied: [Int]
        /// Migrations not applied yet.
        public let pending: [Int]
        /// True when every known migration is applied, unchanged.
        public var isCurrent: Bool { pending.isEmpty }
    }

    /// Key of the advisory lock held while migrating (any constant unique to this service).
    static let lockKey: Int64 = 0x5746_4d49_4752

    private let pool: ConnectionPool
    private let migrations: [Migration]
    private let logger: Logger

    /// Creates a migrator for the given migrations (by default the bundled ones).
    public init(pool: ConnectionPool, migrations: [Migration], logger: Logger = Logger(label: "workforce.migrate")) {
        self.pool = pool
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies pending migrations and returns the versions applied now. Throws
    /// ``MigrationError/checksumMismatch(version:name:)`` when an applied file was changed.
    ///
    /// The pool's statement timeout is lifted meanwhile: waiting for another replica's lock or building an index
    /// may take longer than any request should.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await pool.withConnection { connection in
            let timeout = try await connection.query("SELECT current_setting('statement_timeout') AS value")[0].decode(String.self, "value")
            try await connection.query("SET statement_timeout = 0")
            do {
                try await connection.query("SELECT pg_advisory_lock($1::bigint)", [Self.lockKey])
                let applied = try await applyPending(on: connection)
                try await connection.query("SELECT pg_advisory_unlock($1::bigint)", [Self.lockKey])
                try await connection.query("SELECT set_config('statement_timeout', $1::text, false)", [timeout])
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock($1::bigint)", [Self.lockKey])
                _ = try? await connection.query("SELECT set_config('statement_timeout', $1::text, false)", [timeout])
                throw error
            }
        }
    }

    /// Reports applied and pending migrations; throws on a changed file, like ``migrate()``.
    public func status() async throws -> Status {
        try await pool.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            let applied = try exists[0].decode(Bool.self, "present") ? try await appliedChecksums(on: connection) : [:]
            try verify(applied)
            return Status(
                applied: applied.keys.sorted(),
                pending: migrations.map(\.version).filter { applied[$0] == nil }
            )
        }
    }

    private func applyPending(on connection: PostgresConnection) async throws -> [Int] {
        try await connection.execute(script: """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = try await appliedChecksums(on: connection)
        try verify(applied)
        var appliedNow: [Int] = []
        for migration in migrations where applied[migration.version] == nil {
            logger.info("applying migration", metadata: ["migration": "\(migration.fileName)"])
            try await connection.execute(script: "BEGIN")
            do {
                try await connection.execute(script: migration.sql)
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1::integer, $2::text, $3::text)",
                    [migration.version, migration.name, migration.checksum]
                )
                try await connection.execute(script: "COMMIT")
            } catch {
                try? await connection.execute(script: "ROLLBACK")
                throw error
            }
            appliedNow.append(migration.version)
        }
        return appliedNow
    }

    private func appliedChecksums(on connection: PostgresConnection) async throws -> [Int: (name: String, checksum: String)] {
        let rows = try await connection.query("SELECT version, name, checksum FROM schema_migrations")
        var applied: [Int: (name: String, checksum: String)] = [:]
        for row in rows {
            applied[try row.decode(Int.self, "version")] = (try row.decode(String.self, "name"), try row.decode(String.self, "checksum"))
        }
        return applied
    }

    private func verify(_ applied: [Int: (name: String, checksum: String)]) throws {
        for migration in migrations {
            if let record = applied[migration.version], record.checksum != migration.checksum {
                throw MigrationError.checksumMismatch(version: migration.version, name: migration.name)
            }
        }
    }
}
