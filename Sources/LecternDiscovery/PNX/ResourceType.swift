/// A resource type of the PNX: the singular code in `display.type`, the plural code in
/// `facets.rsrctype` (the `rtype` facet), the pre-filter code, and the citation codes of `addata`.
///
/// ``init(leader:field008:field007:hasDissertationNote:)`` applies Primo VE's out-of-the-box
/// resource type mapping for MARC 21 (the "OOB Resource Type Mapping" table of the Primo VE
/// documentation, as quoted at https://spaces.calstate.edu/wiki/spaces/ULMSD/Primo-VE-Resource-Types_2308636673.html).
/// The first rule that matches decides:
///
/// | # | type | when (LDR = leader, positions 0-based) |
/// |---|---|---|
/// | 1 | `book_chapter` | LDR/06-07 `aa`, or `ab` with 008/21 `m` |
/// | 2 | `newspaper` | LDR/07 `s` and 008/21 `n` |
/// | 3 | `journal` | LDR/06-07 `as` and 008/21 not `l`, `m`, `d`, `w` |
/// | 4 | `newspaper_article` | `ab` and 008/21 `n` |
/// | 5 | `article` | `ab` and 008/21 not `l`, `m`, `d`, `w` |
/// | 6 | `text_resource` | LDR/06 `m` and 008/26 `d` or `e` |
/// | 7 | `image` | LDR/06 `k` and 008/33 one of `iklnst`, or LDR/06 `g` and 008/33 `s` or `t` |
/// | 8 | `map` | LDR/06 `e` or `f`, or 007/00 `a` |
/// | 9 | `score` | LDR/06 `c` or `d`, or 007/00 `q` |
/// | 10 | `video` | LDR/06 `g` and 008/33 one of `fmv` |
/// | 11 | `audio` | LDR/06 `i` or `j`, or LDR/06 `m` and 008/26 `h` |
/// | 12 | `website` | LDR/06 `m` and 008/26 `j`, or LDR/06 `a`, LDR/07 one of `bis` and 008/21 `w` |
/// | 12a | `database` | LDR/06 `a`, LDR/07 one of `bis` and 008/21 `d` (Lectern: VE has `databases` but the quoted table omits the rule) |
/// | 13 | `manuscript` | LDR/06 `t` |
/// | 14 | `conference_proceeding` | 008/29 `1` |
/// | 15 | `dissertation` | a 502 note, or `am` with 008/24 `m` |
/// | 16 | `kit` | LDR/06 `o`, or 007/00 `o` |
/// | 17 | `other` | LDR/06 `m` and 008/26 not `d`, `e`, `h`, `j` |
/// | 18 | `collection` | LDR/06-07 `pc` |
/// | 19 | `archival_material` | LDR/06 `p` |
/// | 20 | `realia` | LDR/06 `r` |
/// | 21 | `book` | `ac`, `ad`, `am`, or `ab`/`ai`/`as` with 008/21 `m` |
/// | 22 | `video` | 007/00 `v` or `m` |
/// | 23 | `audio` | 007/00 `s` |
/// | – | `other` | nothing matched |
///
/// The plural is the code plus `s` (the `format_mean` table: `book` → `books`,
/// `reference_entry` → `reference_entrys` in recorded CDI facets), except `other`, `realia`
/// (already plural). Audio and video pre-filter as `audio_video` [obs S:primo/primo_pnxs_get.yml
/// `pfilter`]. Classic Primo's `format_mean` maps video to `media`
/// (S:primo/primo_pnxs_get_record.yml); VE's table names the type `videos`, and Lectern follows VE.
public struct ResourceType: Sendable, Hashable {
    /// The singular code of `display.type`: `book`, `journal`, `video`.
    public var code: String
    /// The plural code of `facets.rsrctype`, the `rtype` facet value: `books`, `journals`, `videos`.
    public var plural: String
    /// The `facets.prefilter` code (`pfilter` facet): the plural, or `audio_video`.
    public var prefilter: String
    /// RIS type for `addata.ristype`: `BOOK`, `JOUR`, `VIDEO`, `GEN`.
    public var risType: String
    /// OpenURL format for `addata.format`: `book` or `journal`.
    public var citationFormat: String
    /// OpenURL genre for `addata.genre`: `book`, `bookitem`, `journal`, `article`, `proceeding`, `unknown`.
    public var citationGenre: String

    /// Whether citations treat the resource as a serial (`jtitle`) rather than a book (`btitle`).
    public var isSerial: Bool { citationFormat == "journal" }

    /// Creates a resource type from its codes.
    public init(code: String, plural: String, prefilter: String, risType: String, citationFormat: String, citationGenre: String) {
        self.code = code
        self.plural = plural
        self.prefilter = prefilter
        self.risType = risType
        self.citationFormat = citationFormat
        self.citationGenre = citationGenre
    }

    /// The type of a MARC 21 bibliographic record, by the table above.
    ///
    /// - parameter leader: the leader; missing positions count as blanks.
    /// - parameter field008: the 008 field, or `""`.
    /// - parameter field007: the first 007 field, or `""`.
    /// - parameter hasDissertationNote: whether the record has a 502 field.
    public init(leader: String, field008: String, field007: String, hasDissertationNote: Bool) {
        self = Self.known(
            Self.code(
                recordType: Self.byte(leader, 6),
                level: Self.byte(leader, 7),
                fixed: { Self.byte(field008, $0) },
                form007: Self.byte(field007, 0),
                hasDissertationNote: hasDissertationNote
            )
        )
    }

    /// The character at position `offset` of `text`, or a blank.
    private static func byte(_ text: String, _ offset: Int) -> Unicode.Scalar {
        var index = text.utf8.startIndex
        var position = 0
        while index < text.utf8.endIndex {
            if position == offset { return Unicode.Scalar(text.utf8[index]) }
            position += 1
            index = text.utf8.index(after: index)
        }
        return " "
    }

    /// Whether `value` is one of the ASCII characters of `set`.
    private static func oneOf(_ value: Unicode.Scalar, _ set: StaticString) -> Bool {
        value.isASCII && ASCIISet(set).contains(UInt8(value.value))
    }

    /// The rules, in order; see the table in the type's documentation.
    private static func code(
        recordType type: Unicode.Scalar,
        level: Unicode.Scalar,
        fixed: (Int) -> Unicode.Scalar,
        form007: Unicode.Scalar,
        hasDissertationNote: Bool
    ) -> String {
        let continuing = fixed(21)
        let visual = fixed(33)
        let computer = fixed(26)
        let text = type == "a"
        if text && (level == "a" || (level == "b" && continuing == "m")) { return "book_chapter" }
        if level == "s" && continuing == "n" { return "newspaper" }
        if text && level == "s" && !oneOf(continuing, "lmdw") { return "journal" }
        if text && level == "b" && continuing == "n" { return "newspaper_article" }
        if text && level == "b" && !oneOf(continuing, "lmdw") { return "article" }
        if type == "m" && oneOf(computer, "de") { return "text_resource" }
        if (type == "k" && oneOf(visual, "iklnst")) || (type == "g" && oneOf(visual, "st")) { return "image" }
        if oneOf(type, "ef") || form007 == "a" { return "map" }
        if oneOf(type, "cd") || form007 == "q" { return "score" }
        if type == "g" && oneOf(visual, "fmv") { return "video" }
        if oneOf(type, "ij") || (type == "m" && computer == "h") { return "audio" }
        if (type == "m" && computer == "j") || (text && oneOf(level, "bis") && continuing == "w") { return "website" }
        if text && oneOf(level, "bis") && continuing == "d" { return "database" }
        if type == "t" { return "manuscript" }
        if fixed(29) == "1" { return "conference_proceeding" }
        if hasDissertationNote || (text && level == "m" && fixed(24) == "m") { return "dissertation" }
        if type == "o" || form007 == "o" { return "kit" }
        if type == "m" && !oneOf(computer, "dehj") { return "other" }
        if type == "p" && level == "c" { return "collection" }
        if type == "p" { return "archival_material" }
        if type == "r" { return "realia" }
        if text && (oneOf(level, "cdm") || (oneOf(level, "bis") && continuing == "m")) { return "book" }
        if oneOf(form007, "vm") { return "video" }
        if form007 == "s" { return "audio" }
        return "other"
    }

    /// The codes of each type.
    private static func known(_ code: String) -> ResourceType {
        switch code {
        case "book": make(code, ris: "BOOK", genre: "book")
        case "book_chapter": make(code, ris: "CHAP", genre: "bookitem")
        case "journal": make(code, ris: "JOUR", format: "journal", genre: "journal")
        case "newspaper": make(code, ris: "NEWS", format: "journal", genre: "journal")
        case "article": make(code, ris: "JOUR", format: "journal", genre: "article")
        case "newspaper_article": make(code, ris: "NEWS", format: "journal", genre: "article")
        case "conference_proceeding": make(code, ris: "CONF", genre: "proceeding")
        case "dissertation": make(code, ris: "THES")
        case "video": make(code, ris: "VIDEO", prefilter: "audio_video")
        case "audio": make(code, ris: "SOUND", prefilter: "audio_video")
        case "map": make(code, ris: "MAP")
        case "score": make(code, ris: "MUSIC")
        case "image": make(code, ris: "ART")
        case "website": make(code, ris: "ELEC")
        case "database": make(code, ris: "DBASE")
        case "manuscript", "archival_material", "collection": make(code, ris: "MANSCPT")
        case "realia": make(code, plural: "realia", ris: "GEN")
        case "other": make(code, plural: "other", ris: "GEN")
        default: make(code, ris: "GEN")
        }
    }

    private static func make(
        _ code: String,
        plural: String? = nil,
        ris: String,
        prefilter: String? = nil,
        format: String = "book",
        genre: String = "unknown"
    ) -> ResourceType {
        let plural = plural ?? code + "s"
        return ResourceType(
            code: code,
            plural: plural,
            prefilter: prefilter ?? plural,
            risType: ris,
            citationFormat: format,
            citationGenre: genre
        )
    }
}
