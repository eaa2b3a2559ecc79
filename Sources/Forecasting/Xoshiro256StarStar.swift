/// xoshiro256**, the all-purpose 64-bit generator of Blackman and Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021, transcribed from the public-domain
/// reference `xoshiro256starstar.c` (<https://prng.di.unimi.it/xoshiro256starstar.c>):
///
/// ```
/// result = rotl(s[1] * 5, 7) * 9
/// t = s[1] << 17
/// s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
/// ```
///
/// Period `2^256 - 1`; the state must not be all zero. ``init(seed:)`` fills the state from
/// SplitMix64, as the authors recommend. The Monte Carlo gives each draw (and each purpose within
/// a draw) its own generator seeded from a derived key, so results do not depend on the order in
/// which draws run.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator with the given state words, `s[0]` to `s[3]` of the reference code.
    ///
    /// - Throws: ``ProjectionError/generatorStateAllZero`` when all four words are zero (the
    ///   generator would output zeros forever).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) throws(ProjectionError) {
        guard state.0 | state.1 | state.2 | state.3 != 0 else { throw .generatorStateAllZero }
        (s0, s1, s2, s3) = state
    }

    /// A generator whose state is the first four outputs of ``SplitMix64`` started at `seed`
    /// (never all zero: SplitMix64's outputs are a bijection of distinct states).
    public init(seed: UInt64) {
        var seeder = SplitMix64(state: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// The state words `s[0]` to `s[3]`.
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    @inline(__always)
    private static func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
