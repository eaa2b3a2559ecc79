import Testing

/// One case of `Fixtures/erlang.json`.
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let model: String
    let mode: String
    let description: String
    let inputs: GoldenInputs
    let expected: [String: GoldenValue]

    var testDescription: String { "\(id) (\(model), \(mode))" }
}
