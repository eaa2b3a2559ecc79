import ArgumentParser
import Domain
import Foundation
import Logging
import Store

/// `workforce keys …`.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke API keys.",
        discussion: "Logs go to standard error: standard output carries the result alone (a secret, a table).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key and print its secret alone on standard output (shown only this once)."
        )

        @Option(help: "Role of the key: admin, hr, manager, finance or viewer.")
        var role: String

        @Option(help: ArgumentHelp("Org unit a manager key is bound to (required for, and only for, managers).", valueName: "id"))
        var orgUnit: String?

        @Option(help: "Who or what uses the key.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let draft: APIKeyDraft
            do {
                draft = try APIKeyDraft(name: name, role: Role(rawValue: role)!, orgUnitID: orgUnit)
            } catch DomainError.invalid(let problems) {
                throw ValidationError(problems.map { "\($0.pointer.dropFirst()): \($0.detail)" }.joined(separator: "; "))
            }
            let settings = try database.resolve()
            let logger = settings.makeLogger(to: .standardError)
            let session = try await settings.openDatabase(logger: logger)
            try await session.run {
                try await session.migrator.migrate()
                let secret = APIKeySecret.generate()
                let record = try await APIKeyStore(pool: session.pool).create(draft, secret: secret)
                logger.info("API key created", metadata: ["key_id": "\(record.id.uuidString.lowercased())", "role": "\(record.role)"])
                print(secret.value)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API keys (never their secrets), one per line.")

        @Flag(help: "Include revoked keys.")
        var includeRevoked = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let settings = try database.resolve()
            let logger = settings.makeLogger(to: .standardError)
            let session = try await settings.openDatabase(logger: logger)
            try await session.run {
                try await session.migrator.migrate()
                let store = APIKeyStore(pool: session.pool)
                var cursor: UUID?
                print(["id", "role", "org_unit", "created_at", "revoked_at", "name"].joined(separator: "\t"))
                repeat {
                    let page = try await store.list(role: nil, includeRevoked: includeRevoked, after: cursor, limit: 500)
                    for key in page {
                        print([
                            key.id.uuidString.lowercased(), key.role.rawValue,
                            key.orgUnitID?.uuidString.lowercased() ?? "-",
                            key.createdAt.formatted(.iso8601), key.revokedAt?.formatted(.iso8601) ?? "-", key.name,
                        ].joined(separator: "\t"))
                    }
                    cursor = page.count == 500 ? page.last?.id : nil
                } while cursor != nil
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API key; it stops working at once.")

        @Argument(help: "Id of the key to revoke.")
        var id: String

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("the key id must be a UUID") }
        }

        func run() async throws {
            let settings = try database.resolve()
            let logger = settings.makeLogger(to: .standardError)
            let session = try await settings.openDatabase(logger: logger)
            try await session.run {
                try await session.migrator.migrate()
                guard try await APIKeyStore(pool: session.pool).revoke(id: UUID(uuidString: id)!) else {
                    throw ValidationError("no API key with id \(id)")
                }
                logger.info("API key revoked", metadata: ["key_id": "\(id.lowercased())"])
            }
        }
    }
}
