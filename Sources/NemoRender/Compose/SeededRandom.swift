/// A tiny deterministic generator (SplitMix64): the same seed gives the same numbers on every platform and run,
/// unlike `Hasher` or the system generator.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for one `(seed, index)` pair, e.g. a render's seed and a segment's position.
    init(seed: UInt64, index: Int = 0) {
        state = seed ^ (UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
