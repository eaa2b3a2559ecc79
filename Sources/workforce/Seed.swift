import ArgumentParser
import Foundation
import Logging
import Store

/// `workforce seed --demo`.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load demonstration data into an empty database (applies pending migrations first).",
        discussion: """
            --demo loads a company of about 3,800 staff: a customer service organisation with chat, phone and email \
            queues (2.3 million chat issues a month, a bot solving about two-thirds of chats), a round of cuts in \
            March 2026 and a draft plan to rehire chat agents. A database that already has org units is left alone \
            (exit code 1).
            """
    )

    @Flag(help: "Load the demonstration company.")
    var demo = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if !demo { throw ValidationError("say what to load: --demo") }
    }

    func run() async throws {
        let settings = try database.resolve()
        let logger = settings.makeLogger(to: .standardOutput)
        let session = try await settings.openDatabase(logger: logger)
        try await session.run {
            try await session.migrator.migrate()
            try await Self.loadDemo(DemoData(pool: session.pool), logger: logger)
        }
    }

    /// Loads the demo company and logs what it holds.
    static func loadDemo(_ demo: DemoData, logger: Logger) async throws {
        let summary = try await demo.load()
        logger.notice("demo data loaded", metadata: [
            "org_units": "\(summary.orgUnits)", "positions_in_force": "\(summary.positionsInForce)", "queues": "\(summary.queues)",
            "draft_plan_id": "\(summary.draftPlanID.uuidString.lowercased())",
        ])
    }
}
