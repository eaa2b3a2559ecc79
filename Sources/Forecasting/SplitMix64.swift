/// SplitMix64, the generator Steele, Lea and Flood published in "Fast splittable pseudorandom number
/// generators" (OOPSLA 2014), in the form of Vigna's public-domain reference `splitmix64.c`
/// (<https://prng.di.unimi.it/splitmix64.c>).
///
/// Used here to seed ``Xoshiro256StarStar`` (as Vigna recommends) and to derive independent
/// substreams from a seed and a key (a draw index, a queue, a purpose): ``mix(_:)`` is its output
/// function, a bijective avalanche mixer of 64 bits.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The golden-ratio increment `0x9E3779B97F4A7C15` added to the state before each output.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The generator's state.
    public private(set) var state: UInt64

    /// A generator starting from `state` (any value, zero included).
    public init(state: UInt64) {
        self.state = state
    }

    /// The next 64 random bits: the state advances by ``increment`` and is mixed by ``mix(_:)``.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// The SplitMix64 output function (a variant of the MurmurHash3 finaliser, "Mix13"):
    /// `z ^= z >> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB; z ^= z >> 31`.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 64-bit key derived from a parent key and a child index, so that every `(parent, child)`
    /// pair names its own substream: `mix(parent ^ mix(child &+ increment))`. Different children
    /// of one parent, and the same child of different parents, give unrelated keys.
    @inline(__always)
    public static func derive(_ parent: UInt64, _ child: UInt64) -> UInt64 {
        mix(parent ^ mix(child &+ increment))
    }
}
