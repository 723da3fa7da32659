/// Comparisons of secrets that take as long wherever two values differ: the time an answer
/// takes does not tell how much of a guessed key, digest or token was right.
public enum ConstantTime {
    /// Whether `a` and `b` are equal, comparing every byte (the time depends only on the lengths).
    public static func equals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
