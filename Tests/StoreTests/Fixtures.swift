import Foundation
import Postgres
import PostgresTesting
import Store

/// The repository's migrations, read from `sql/` beside the package.
let repositoryMigrations: [Migration] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return (try? Migration.load(from: root.appendingPathComponent("sql"))) ?? []
}()

/// A pool on a fresh database with every migration applied.
func migratedPool(_ prefix: String, maximumConnections: Int = 4) async throws -> ConnectionPool {
    let pool = try await TestDatabase.pool(prefix, maximumConnections: maximumConnections)
    try await Migrator(pool: pool, migrations: repositoryMigrations).migrate()
    return pool
}
