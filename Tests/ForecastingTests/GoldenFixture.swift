import Foundation

/// The golden reference file `Fixtures/erlang.json`, loaded from the test bundle.
struct GoldenFixture: Decodable, Sendable {
    let cases: [GoldenCase]

    /// Decodes the fixture copied into the test bundle (`resources: [.copy("Fixtures")]`).
    static func load() throws -> GoldenFixture {
        guard let url = Bundle.module.url(forResource: "erlang", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(GoldenFixture.self, from: Data(contentsOf: url))
    }
}
