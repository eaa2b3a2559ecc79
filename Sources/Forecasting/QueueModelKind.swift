/// The name of a queueing model, without its parameters (useful when decoding requests).
public enum QueueModelKind: String, Sendable, Hashable, CaseIterable {
    /// Erlang C (M/M/N): callers wait forever.
    case erlangC = "erlang_c"
    /// Erlang A (M/M/N+M): callers abandon after an exponential patience.
    case erlangA = "erlang_a"
}
