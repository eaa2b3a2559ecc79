import ArgumentParser
import Logging
import Store

/// `workforce migrate`.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations and exit.",
        discussion: "Each file of sql/ runs once, in order, in its own transaction, under an advisory lock."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = try database.resolve()
        let logger = settings.makeLogger(to: .standardOutput)
        let session = try await settings.openDatabase(logger: logger)
        try await session.run {
            let applied = try await session.migrator.migrate()
            logger.info("migrations applied", metadata: ["applied": "\(applied)"])
        }
    }
}
