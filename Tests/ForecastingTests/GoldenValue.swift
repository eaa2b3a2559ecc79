/// One expected value of a golden case: a number, a boolean or null.
enum GoldenValue: Decodable, Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case boolean(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .boolean(try container.decode(Bool.self))
        }
    }

    /// A number, or null when `value` is nil.
    static func optional(_ value: Double?) -> GoldenValue {
        value.map(GoldenValue.number) ?? .null
    }

    /// An integer (stored as a double), or null when `value` is nil.
    static func optional(_ value: Int?) -> GoldenValue {
        value.map { .number(Double($0)) } ?? .null
    }

    var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .boolean(let boolean): "\(boolean)"
        case .null: "null"
        }
    }
}
