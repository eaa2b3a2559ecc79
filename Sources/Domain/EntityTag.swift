import Foundation

/// Strong ETags for versioned resources, and `If-Match` evaluation.
public enum EntityTag {
    /// The quoted ETag of version `version` of resource `id`.
    public static func make(id: UUID, version: Int) -> String {
        "\"" + String(SHA256.hexDigest(Array("\(id.uuidString.lowercased())|\(version)".utf8)).prefix(20)) + "\""
    }

    /// Throws ``DomainError/preconditionFailed(_:)`` unless `ifMatch` (when given) lists `current` or is `*`.
    public static func check(ifMatch: String?, current: String) throws {
        guard let ifMatch else { return }
        let candidates = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if candidates.contains("*") || candidates.contains(current) { return }
        throw DomainError.preconditionFailed("The resource changed since it was read (If-Match does not match its ETag).")
    }
}
