/// A reproducible random number generator (SplitMix64): the same seed gives the same demo data,
/// and the same fuzz inputs, so a failure found once can be found again.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random integer in `0..<bound`.
    public mutating func int(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A random element of a non-empty array.
    public mutating func pick<T>(_ values: [T]) -> T {
        values[int(values.count)]
    }

    /// `true` with probability `percent` in 100.
    public mutating func chance(_ percent: Int) -> Bool {
        int(100) < percent
    }
}
