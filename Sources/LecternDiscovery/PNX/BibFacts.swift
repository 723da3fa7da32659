import LecternMARC

/// What the PNX rules read from a MARC 21 bib, collected in one pass over its fields. Each
/// value is already in its display form (punctuation rules applied); the section builders of
/// ``PNXNormalizer`` only arrange them.
///
/// An 880 field (alternate script) counts as the field its `$6` links to (`880 $6 245-01`
/// is read as a 245) and is marked `vernacular`: it adds values to the same PNX fields
/// (PRIMO.md §4 "General rules") but never becomes the record's sort key or citation.
struct BibFacts {
    var leader: String
    var field008 = ""
    var field007 = ""
    var hasDissertationNote = false

    var titles: [Title] = []
    /// 100/110/111.
    var creators: [Name] = []
    /// 700/710/711 without `$t` (with `$t` they name a work: ``relatedTitles``).
    var contributors: [Name] = []
    var editions: [String] = []
    var imprints: [Imprint] = []
    /// 300.
    var extents: [String] = []
    /// 020 `$a`, as recorded.
    var isbns: [String] = []
    /// 022 `$a`, `$l`; 490, 773, 776 `$x`, as recorded.
    var issns: [String] = []
    /// `display.identifier` values with `$$C`/`$$V` markup.
    var identifiers: [String] = []
    /// 035 `$a`.
    var systemNumbers: [String] = []
    var subjects: [Subject] = []
    /// 655 `$a`, trailing full stops removed.
    var genreTerms: [String] = []
    /// 520.
    var summaries: [String] = []
    /// 505.
    var contents: [String] = []
    /// Other 5XX notes.
    var notes: [String] = []
    /// Codes from 041, lower case, in order.
    var languageCodes: [String] = []
    /// 773.
    var hostItems: [HostItem] = []
    /// 490 (untraced), 440, 800/810/811 with `$t`, 830.
    var series: [Series] = []
    /// 130, 210, 240, 242, 246, 730, 740: `search.alttitle`.
    var variantTitles: [String] = []
    /// Titles of related works (7XX `$t`): `search.addtitle`.
    var relatedTitles: [String] = []
    /// 76X–78X linking entries as `$$C<relation>$$V<title>`.
    var relations: [String] = []
    /// 856 with a `$u`.
    var links: [Link] = []

    /// A 245 title statement.
    struct Title {
        /// `$a $b $f $g $k $n $p $s`, trailing `,/=:;` removed.
        var display: String
        /// Every non-numeric subfield but `$h`, without the nonfiling characters (ind2).
        var sort: String
        /// `$a $b`, trailing `,/=:;` removed: the citation title.
        var short: String
        /// `$h`, the medium (`[electronic resource] :`).
        var medium: String
        var vernacular: Bool
    }

    /// A 1XX or 7XX name.
    struct Name {
        enum Kind { case personal, corporate, meeting }
        var kind: Kind
        /// ind1: for personal names `1` is surname first, `0` forename.
        var indicator1: Character
        /// `display.creator` / `display.contributor`: every non-numeric subfield, then `$$Q`
        /// and the linking form.
        var display: String
        /// The heading without relator terms: `Defoe, Daniel, 1661?-1731`.
        var linking: String
        /// The facet form: `Defoe, Daniel`.
        var facet: String
        /// `$a`, trailing `,` removed: `Defoe, Daniel`.
        var primary: String
        var vernacular: Bool
    }

    /// A 260 or 264 field.
    struct Imprint {
        var tag: Int
        var indicator2: Character
        /// `$a`, as recorded (`London :`).
        var places: [String]
        /// `$b`, as recorded (`Penguin,`).
        var publishers: [String]
        /// `$c`, as recorded (`2003.`).
        var dates: [String]
        /// `display.publisher`: `$a $b` without brackets and trailing `,/=:;`, `$3: ` first.
        var display: String
        var vernacular: Bool
    }

    /// A 6XX subject heading.
    struct Subject {
        /// Subfields other than `$v $x $y $z`, trailing full stops removed.
        var main: String
        /// `$v $x $y $z` in order, with their codes, trailing full stops removed.
        var subdivisions: [(code: Character, value: String)]
    }

    /// A 773 host item entry.
    struct HostItem {
        /// `display.ispartof`.
        var display: String
        /// `$t`, trailing punctuation removed.
        var title: String
    }

    /// A series statement or series added entry.
    struct Series {
        /// `display.series`: the statement, then `$$Q` and the title.
        var display: String
        /// The series title alone.
        var title: String
    }

    /// An 856 electronic location.
    struct Link {
        var url: String
        /// `$y`, `$z` or `$3`: the link text.
        var label: String
        var indicator2: Character
    }
}

extension BibFacts {
    /// The DOIs among ``identifiers`` (`$$CDOI$$V10.1000/xyz`), bare.
    var dois: [String] {
        identifiers.compactMap { $0.hasPrefix("$$CDOI$$V") ? String($0.dropFirst(9)) : nil }
    }
}
