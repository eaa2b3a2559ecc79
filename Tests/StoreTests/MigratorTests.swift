import Foundation
import Postgres
import PostgresTesting
import Store
import Testing

@Suite struct MigratorTests {
    private func migration(_ file: String, _ sql: String) -> Migration {
        Migration(fileName: file, sql: sql)!
    }

    @Test func repositoryMigrationsAreFoundAndNumbered() {
        #expect(!repositoryMigrations.isEmpty)
        #expect(repositoryMigrations.map(\.version) == repositoryMigrations.map(\.version).sorted())
        #expect(repositoryMigrations.first?.version == 1)
    }

    @Test func appliesEveryMigrationInOrderAndRecordsIt() async throws {
        let pool = try await TestDatabase.pool("migrate")
        let migrator = Migrator(pool: pool, migrations: repositoryMigrations)
        #expect(try await migrator.status().pending == repositoryMigrations.map(\.version))
        let applied = try await migrator.migrate()
        #expect(applied == repositoryMigrations.map(\.version))
        let rows = try await pool.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
        #expect(try rows.map { try $0.decode(Int.self, "version") } == repositoryMigrations.map(\.version))
        #expect(try rows.map { try $0.decode(String.self, "checksum") } == repositoryMigrations.map(\.checksum))
        #expect(try await migrator.status().isCurrent)
        #expect(try await migrator.migrate() == [])
        await pool.close()
    }

    /// Released migrations are never edited: a database that applied one refuses to start when its file
    /// changes. Each keeps the checksum it was released with (`Fixtures/released-migrations.txt`).
    @Test func releasedMigrationsAreUnchanged() throws {
        let url = try #require(Bundle.module.url(forResource: "released-migrations", withExtension: "txt", subdirectory: "Fixtures"))
        let released = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!released.isEmpty)
        for line in released {
            let fields = line.split(separator: " ").map(String.init)
            let migration = try #require(repositoryMigrations.first { $0.version == Int(fields[0]) }, "\(line)")
            #expect(migration.checksum == fields[2], "\(fields[1]) was edited after its release")
        }
    }

    /// A database migrated when 0008 was the newest migration (queue parameters numeric) upgrades to the current
    /// schema: 0008 is unchanged since then, and later migrations turn its parameters into double precision.
    @Test func aDatabaseFromTheFirstQueueSchemaUpgrades() async throws {
        let pool = try await TestDatabase.pool("upgrade0008")
        let released = Array(repositoryMigrations.prefix { $0.version <= 8 })
        #expect(released.last?.version == 8)
        _ = try await Migrator(pool: pool, migrations: released).migrate()
        try await pool.query("INSERT INTO org_units (id, name) VALUES ($1::uuid, 'Support')", [UUID(uuidString: "00000000-0000-0000-0000-000000000001")!])
        try await pool.query(
            """
            INSERT INTO queues (id, org_unit_id, name, channel, operating_hours_per_month, peak_factor, service_level_target,
                service_level_seconds, mean_patience_seconds, human_aht_seconds, human_first_contact_resolution, shrinkage)
            VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'Chat', 'chat', 360, 1.5, 0.8, 20, 120, 300, 0.7, 0.3)
            """
        )
        let migrator = Migrator(pool: pool, migrations: repositoryMigrations)
        _ = try await migrator.migrate()
        #expect(try await migrator.status().isCurrent)
        let rows = try await pool.query("SELECT pg_typeof(service_level_target)::text AS type, service_level_target FROM queues")
        #expect(try rows[0].decode(String.self, "type") == "double precision")
        #expect(try rows[0].decode(Double.self, "service_level_target") == 0.8)
        await pool.close()
    }

    @Test func migrationsRunWithoutThePoolsStatementTimeoutAndRestoreIt() async throws {
        // A migration may rightly take longer than any request (an index on a large table, waiting for another
        // replica's lock); the pool's limit must not abort it, nor stay lifted on the connection afterwards.
        let pool = ConnectionPool(configuration: .init(
            connectionString: try await TestDatabase.create("slowmigration"), maximumConnections: 1, statementTimeout: .milliseconds(100)
        ))
        let migrator = Migrator(pool: pool, migrations: [migration("0001_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE slow (id int);")])
        #expect(try await migrator.migrate() == [1])
        #expect(try await pool.query("SHOW statement_timeout")[0].decode(String.self, "statement_timeout") == "100ms")
        await pool.close()
    }

    @Test func replicasStartingTogetherApplyEachFileOnce() async throws {
        // Without the advisory lock both would try CREATE TABLE and one would fail with 42P07.
        let connection = try await TestDatabase.create("replicas")
        let migrations = [
            migration("0001_first.sql", "CREATE TABLE first (id int); SELECT pg_sleep(0.2);"),
            migration("0002_second.sql", "CREATE TABLE second (id int);"),
        ]
        let pools = (0..<3).map { _ in ConnectionPool(configuration: .init(connectionString: connection, maximumConnections: 1)) }
        let appliedLists = try await withThrowingTaskGroup(of: [Int].self) { group in
            for pool in pools {
                group.addTask { try await Migrator(pool: pool, migrations: migrations).migrate() }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(appliedLists.flatMap { $0 }.sorted() == [1, 2])
        let count = try await pools[0].query("SELECT count(*)::int AS n FROM schema_migrations")
        #expect(try count[0].decode(Int.self, "n") == 2)
        for pool in pools { await pool.close() }
    }

    @Test func changedAppliedFileStopsWithClearMessage() async throws {
        let pool = try await TestDatabase.pool("checksum")
        try await Migrator(pool: pool, migrations: [migration("0001_people.sql", "CREATE TABLE people (id int);")]).migrate()
        let edited = Migrator(pool: pool, migrations: [migration("0001_people.sql", "CREATE TABLE people (id bigint);")])
        let error = await #expect(throws: MigrationError.self) { try await edited.migrate() }
        #expect(error == .checksumMismatch(version: 1, name: "people"))
        #expect(error?.description.contains("0001_people.sql was changed after it was applied") == true)
        await #expect(throws: MigrationError.self) { try await edited.status() }
        await pool.close()
    }

    @Test func failingMigrationIsRolledBackAndNotRecorded() async throws {
        let pool = try await TestDatabase.pool("failing")
        let migrator = Migrator(pool: pool, migrations: [
            migration("0001_good.sql", "CREATE TABLE good (id int);"),
            migration("0002_bad.sql", "CREATE TABLE half (id int); SELECT 1 / 0;"),
        ])
        await #expect(throws: PostgresError.self) { try await migrator.migrate() }
        let tables = try await pool.query(
            "SELECT to_regclass('good') IS NOT NULL AS good, to_regclass('half') IS NOT NULL AS half"
        )
        #expect(try tables[0].decode(Bool.self, "good"))
        #expect(try !tables[0].decode(Bool.self, "half"))
        #expect(try await migrator.status().pending == [2])
        await pool.close()
    }

    @Test func fileNamesMustBeNumbered() {
        #expect(Migration(fileName: "0003_add_things.sql", sql: "")?.version == 3)
        #expect(Migration(fileName: "0003_add_things.sql", sql: "")?.name == "add_things")
        #expect(Migration(fileName: "add_things.sql", sql: "") == nil)
        #expect(Migration(fileName: "0003_add_things.txt", sql: "") == nil)
    }
}
