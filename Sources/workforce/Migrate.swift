import ArgumentParser
import Domain
import Foundation
import Logging
import Store

/// `workforce migrate`.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations and exit.",
        discussion: """
            Each file of sql/ runs once, in order, in its own transaction, under an advisory lock. With \
            WORKFORCE_BOOTSTRAP_ADMIN_KEY set and no API key in the database yet, the first admin key is created \
            with that secret too (so a deployment whose replicas start with --no-migrate gets its key from the \
            migration job); a generated secret is never printed here.
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = try database.resolve()
        let bootstrap = try SettingReader().optional(
            nil, flagName: "--bootstrap-admin-key", variable: "WORKFORCE_BOOTSTRAP_ADMIN_KEY",
            expected: "1 to \(APIKeySecret.maximumLength) bytes", secret: true
        ) { APIKeySecret($0) }
        let logger = settings.makeLogger(to: .standardOutput)
        let session = try await settings.openDatabase(logger: logger)
        try await session.run {
            let applied = try await session.migrator.migrate()
            logger.info("migrations applied", metadata: ["applied": "\(applied)"])
            if let bootstrap, let record = try await APIKeyStore(pool: session.pool).createFirstAdmin(name: "bootstrap admin", secret: bootstrap) {
                logger.notice("created the first admin API key", metadata: ["key_id": "\(record.id.uuidString.lowercased())"])
            }
        }
    }
}
