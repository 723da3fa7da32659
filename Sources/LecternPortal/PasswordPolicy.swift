/// What a developer's password must be: 8 to 128 characters, and not one that is guessed first.
///
/// Refused, after folding case: passwords built from the account's own name or e-mail address;
/// one character repeated; runs of consecutive digits or letters (`12345678`, `abcdefgh`) or of a
/// keyboard row (`qwertyui`, `asdfghjk`); and the words every list of common passwords starts with
/// (`password`, `letmein`, `welcome`…), alone or followed by digits and punctuation (`Password1!`).
enum PasswordPolicy {
    static let lengths = 8...128

    /// Words that open every published list of the commonest passwords.
    static let commonWords: Set<String> = [
        "password", "passw0rd", "letmein", "welcome", "iloveyou", "sunshine", "princess", "football", "baseball", "monkey",
        "dragon", "master", "shadow", "superman", "trustno", "admin", "administrator", "qwerty", "azerty", "login", "secret",
        "changeme", "default", "lectern", "library", "librarian", "alma", "primo", "esploro", "starwars", "whatever", "freedom",
    ]
    static let keyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qwertzuiop", "abcdefghijklmnopqrstuvwxyz"]

    /// Why `password` is refused for an account with this `name` and `email`, or `nil`.
    static func problem(_ password: String, name: String = "", email: String = "") -> String? {
        guard lengths.contains(password.count) else { return "A password has 8 to 128 characters." }
        let folded = password.lowercased()
        let core = String(folded.reversed().drop { !$0.isLetter }.reversed())  // without trailing digits and punctuation
        if commonWords.contains(folded) || commonWords.contains(core) {
            return "This password is among the first that anyone guesses. Choose a longer phrase of your own."
        }
        if Set(folded).count == 1 { return "A password is more than one character repeated." }
        if isRun(folded) { return "A password is more than a run of consecutive keys, letters or digits." }
        let personal =
            [name.lowercased()] + name.lowercased().split(separator: " ").map(String.init)
            + [String(email.lowercased().split(separator: "@").first ?? "")]
        if personal.contains(where: { $0.count >= 4 && (folded == $0 || core == $0) }) {
            return "A password is more than your name or your e-mail address."
        }
        return nil
    }

    /// Whether `text` is a stretch of one keyboard row or of the alphabet, forwards or backwards.
    private static func isRun(_ text: String) -> Bool {
        keyboardRows.contains { row in row.contains(text) || String(row.reversed()).contains(text) }
    }
}
