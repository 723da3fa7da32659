import LecternDiscovery
import Testing

struct DiscoveryTextTests {
    @Test(arguments: [
        ("War and Peace.", "war and peace"),
        ("  Über   Größe: Anne-Marie's “Notes” ", "uber grosse anne marie s notes"),
        ("ÀÿŽſ", "ayzs"),  // both ends of each fold table
        ("Œuvres complètes", "oeuvres completes"),
        ("Łódź Ærø Þór", "lodz aero thor"),
        ("e\u{301}te\u{301}", "ete"),  // decomposed accents
        ("Война и мир", "война и мир"),
        ("2×3÷4", "2 3 4"),
        ("C++ — the language", "c the language"),
        ("", ""),
        ("!!!", ""),
    ])
    func normalized(_ input: String, _ expected: String) {
        #expect(DiscoveryText.normalized(input) == expected)
    }

    @Test func words() {
        #expect(DiscoveryText.words("War and Peace.") == ["war", "and", "peace"])
        #expect(DiscoveryText.words(" -- ") == [])
    }
}
