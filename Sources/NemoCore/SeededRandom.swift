/// SplitMix64: a small deterministic generator. The same seed gives the same numbers on every platform and run
/// (unlike `Hasher` or the system generator), so the mock's ids and tokens, the renderer's automatic motion and
/// generated test cases are reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose numbers depend only on `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one `(seed, index)` pair, e.g. a render's seed and a segment's position: the index is mixed
    /// into the seed and the first number skipped, so neighbouring indexes do not start alike.
    public init(seed: UInt64, index: Int) {
        state = seed ^ (UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
