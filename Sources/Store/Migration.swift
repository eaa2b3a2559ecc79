import Domain
import Foundation

/// One schema migration: a numbered SQL file from `sql/` (`0001_name.sql`).
public struct Migration: Sendable, Equatable {
    /// The number that orders migrations.
    public let version: Int
    /// The file name without number and extension.
    public let name: String
    /// The SQL text.
    public let sql: String
    /// SHA-256 of the SQL text, hex.
    public let checksum: String

    /// Creates a migration from a file name (`0001_name.sql`) and its text; nil when the name does not fit.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0 else {
            return nil
        }
        self.version = version
        self.name = String(stem[stem.index(after: underscore)...])
        self.sql = sql
        self.checksum = SHA256.hexDigest(Array(sql.utf8))
    }

    /// The migration's file name.
    public var fileName: String { String(format: "%04d_%@.sql", version, name) }

    /// Finds the folder of migration files: `explicit` when given (`--migrations-dir`,
    /// `WORKFORCE_MIGRATIONS_DIR`), else the `sql/` folder that ``ProjectFile`` finds.
    public static func locateDirectory(explicit: String? = nil) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        guard let directory = ProjectFile.locate("sql", where: { url in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.contains { $0.hasPrefix("0001_") && $0.hasSuffix(".sql") }
        }) else {
            throw MigrationError.missingFiles("no sql/ folder found; run from the repository or set WORKFORCE_MIGRATIONS_DIR")
        }
        return directory
    }

    /// Reads every `NNNN_name.sql` file of a directory, ordered by version.
    public static func load(from directory: URL) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var migrations: [Migration] = []
        for fileName in names {
            let text = try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
            guard let migration = Migration(fileName: fileName, sql: text) else {
                throw MigrationError.missingFiles("\(fileName) is not named NNNN_name.sql")
            }
            migrations.append(migration)
        }
        migrations.sort { $0.version < $1.version }
        for (earlier, later) in zip(migrations, migrations.dropFirst()) where earlier.version == later.version {
            throw MigrationError.missingFiles("two migrations share version \(later.version)")
        }
        return migrations
    }
}

/// Why migrations could not be applied.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// An applied migration's file changed afterwards.
    case checksumMismatch(version: Int, name: String)
    /// The migration files could not be read or are misnamed.
    case missingFiles(String)

    public var description: String {
        switch self {
        case .checksumMismatch(let version, let name):
            String(format: "migration %04d_%@.sql was changed after it was applied to this database; ", version, name)
                + "restore the original file and add a new migration instead"
        case .missingFiles(let message):
            "cannot read migrations: \(message)"
        }
    }
}
