import ArgumentParser

/// The `workforce` command: serve the API, apply migrations, manage API keys.
@main
struct Workforce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workforce",
        abstract: "Workforce planning API: headcount, hiring plans, automation and cost/quality projections.",
        discussion: """
            With no DATABASE_URL every command uses a private PostgreSQL server in the data directory, \
            starting it when it is not running.
            """,
        subcommands: [Serve.self, Migrate.self, Keys.self, Seed.self],
        defaultSubcommand: Serve.self
    )
}
