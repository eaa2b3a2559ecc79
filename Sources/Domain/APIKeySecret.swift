/// The secret of an API key: random, shown once, stored only as its SHA-256 hash.
public struct APIKeySecret: Sendable, Equatable {
    /// The secret as the client sends it (`wfk_` followed by 43 base64url characters, 256 random bits).
    public let value: String

    /// Prefix that makes keys recognisable (for example by secret scanners).
    public static let prefix = "wfk_"
    /// Longest secret accepted, to bound hashing work on hostile input.
    public static let maximumLength = 200

    /// Wraps a given secret (for example one chosen for automation); nil when empty or too long.
    public init?(_ value: String) {
        guard !value.isEmpty, value.utf8.count <= Self.maximumLength else { return nil }
        self.value = value
    }

    /// A new random secret.
    public static func generate() -> APIKeySecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return APIKeySecret(value: prefix + Base64URL.encode(bytes))
    }

    private init(value: String) {
        self.value = value
    }

    /// The SHA-256 digest stored in place of the secret.
    public var hash: [UInt8] { SHA256.hash(Array(value.utf8)) }
}

enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
            let characters = chunk.count + 1
            for position in 0..<characters {
                output.append(alphabet[(value >> (18 - 6 * position)) & 63])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
