/// Lowercase ASCII forms of the letters of Latin-1 Supplement (U+00C0–U+00FF) and Latin
/// Extended-A (U+0100–U+017F), the accented letters of European catalogue data.
enum LatinFold {
    /// The folded form of `scalar`: `nil` when the scalar is outside the table, `""` for the
    /// two symbols in it (`×`, `÷`), which break words.
    static func fold(_ scalar: UInt32) -> String? {
        if scalar >= 0xC0 && scalar <= 0xFF { return latin1[Int(scalar - 0xC0)] }
        if scalar >= 0x100 && scalar <= 0x17F { return extendedA[Int(scalar - 0x100)] }
        return nil
    }

    /// Whether `scalar` is a combining diacritical mark (U+0300–U+036F), which folding drops so
    /// that decomposed text (`e` + U+0301) matches precomposed text (`é`).
    static func isCombiningMark(_ scalar: UInt32) -> Bool {
        scalar >= 0x300 && scalar <= 0x36F
    }

    // U+00C0 À … U+00FF ÿ, eight a line.
    private static let latin1: [String] = [
        "a", "a", "a", "a", "a", "a", "ae", "c",  // ÀÁÂÃÄÅÆÇ
        "e", "e", "e", "e", "i", "i", "i", "i",  // ÈÉÊËÌÍÎÏ
        "d", "n", "o", "o", "o", "o", "o", "",  // ÐÑÒÓÔÕÖ×
        "o", "u", "u", "u", "u", "y", "th", "ss",  // ØÙÚÛÜÝÞß
        "a", "a", "a", "a", "a", "a", "ae", "c",  // àáâãäåæç
        "e", "e", "e", "e", "i", "i", "i", "i",  // èéêëìíîï
        "d", "n", "o", "o", "o", "o", "o", "",  // ðñòóôõö÷
        "o", "u", "u", "u", "u", "y", "th", "y",  // øùúûüýþÿ
    ]

    // U+0100 Ā … U+017F ſ, eight a line.
    private static let extendedA: [String] = [
        "a", "a", "a", "a", "a", "a", "c", "c",  // ĀāĂăĄąĆć
        "c", "c", "c", "c", "c", "c", "d", "d",  // ĈĉĊċČčĎď
        "d", "d", "e", "e", "e", "e", "e", "e",  // ĐđĒēĔĕĖė
        "e", "e", "e", "e", "g", "g", "g", "g",  // ĘęĚěĜĝĞğ
        "g", "g", "g", "g", "h", "h", "h", "h",  // ĠġĢģĤĥĦħ
        "i", "i", "i", "i", "i", "i", "i", "i",  // ĨĩĪīĬĭĮį
        "i", "i", "ij", "ij", "j", "j", "k", "k",  // İıĲĳĴĵĶķ
        "k", "l", "l", "l", "l", "l", "l", "l",  // ĸĹĺĻļĽľĿ
        "l", "l", "l", "n", "n", "n", "n", "n",  // ŀŁłŃńŅņŇ
        "n", "n", "n", "n", "o", "o", "o", "o",  // ňŉŊŋŌōŎŏ
        "o", "o", "oe", "oe", "r", "r", "r", "r",  // ŐőŒœŔŕŖŗ
        "r", "r", "s", "s", "s", "s", "s", "s",  // ŘřŚśŜŝŞş
        "s", "s", "t", "t", "t", "t", "t", "t",  // ŠšŢţŤťŦŧ
        "u", "u", "u", "u", "u", "u", "u", "u",  // ŨũŪūŬŭŮů
        "u", "u", "u", "u", "w", "w", "y", "y",  // ŰűŲųŴŵŶŷ
        "y", "z", "z", "z", "z", "z", "z", "s",  // ŸŹźŻżŽžſ
    ]
}
