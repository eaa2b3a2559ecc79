/// One field of a partial update: left as it is, or set to a value (which may be nil, to clear it).
public enum FieldChange<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The request did not mention the field.
    case unchanged
    /// The request sets the field.
    case set(Value)

    /// The new value, or `current` when unchanged.
    public func applied(to current: Value) -> Value {
        switch self {
        case .unchanged: current
        case .set(let value): value
        }
    }
}
