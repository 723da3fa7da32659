import LecternCore
import Testing

/// The one comparison of secrets: keys' digests, console tokens' MACs, password digests and
/// the portal's CSRF tokens.
struct ConstantTimeTests {
    @Test(arguments: ["", "abc", "l7xx0123456789abcdef0123456789abcdef", "héllo ✓"])
    func aValueEqualsItself(value: String) {
        #expect(ConstantTime.equals(value, value))
        #expect(ConstantTime.equals(value, String(decoding: Array(value.utf8), as: UTF8.self)))
    }

    @Test(arguments: [
        ("abc", "abd"), ("abc", "bbc"), ("abc", "abcd"), ("abcd", "abc"), ("", "a"), ("abc", "ABC"), ("é", "e\u{301}"),
    ])
    func valuesThatDifferAnywhereOrInLengthAreNotEqual(a: String, b: String) {
        #expect(!ConstantTime.equals(a, b))
        #expect(!ConstantTime.equals(b, a))
    }
}
