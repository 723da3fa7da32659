import LecternCore
import LecternMARC

/// Makes one record of a ``DemoCatalogue`` from a random stream of its own: first the plan (what
/// the record describes, its subject, language, date, title and people), then the fields in tag
/// order (extensions `+Plan`, `+Description`, `+Subjects`, `+Holdings`).
struct DemoCatalogueBuilder {
    typealias Vocabulary = DemoCatalogueVocabulary
    typealias Subfield = MARCRecord.Subfield

    /// What a record describes; decides the leader, the `008`, the extent and the items.
    enum Kind {
        case book, electronicBook, multivolume, serial, score, musicRecording, spokenWord, video, map, manuscript, dataset

        /// Leader/06.
        var recordType: String {
            switch self {
            case .book, .electronicBook, .multivolume, .serial: "a"
            case .score: "c"
            case .map: "e"
            case .video: "g"
            case .spokenWord: "i"
            case .musicRecording: "j"
            case .dataset: "m"
            case .manuscript: "t"
            }
        }

        /// Whether the library has it online only: an `856` link and no holdings.
        var isElectronicOnly: Bool { self == .electronicBook || self == .dataset }

        /// Kinds with their weight in a thousand records.
        static let weights: [(Kind, Int)] = [
            (.book, 785), (.electronicBook, 20), (.multivolume, 25), (.serial, 50), (.score, 20), (.musicRecording, 25),
            (.spokenWord, 12), (.video, 25), (.map, 20), (.manuscript, 8), (.dataset, 10),
        ]
    }

    /// The main entry (`100` or `110`).
    enum Creator {
        case person(Vocabulary.Person, dates: String?, role: String)
        case body(String, role: String)
    }

    /// An added personal entry (`700`).
    struct Contributor {
        let person: Vocabulary.Person
        let dates: String?
        let role: String
    }

    /// The title statement (`245`) before ISBD punctuation, and its original script for `880`.
    struct Title {
        var main = ""
        /// `$f`, the dates of a manuscript.
        var dates: String?
        var remainder: String?
        var statement: String?
        var nonfiling = 0
        var script: (main: String, remainder: String?, statement: String?)?
    }

    let catalogue: DemoCatalogue
    let index: Int
    var random: SeededGenerator
    var fields: [MARCRecord.Field] = []

    // The plan: decided before any field is written.
    var kind = Kind.book
    var subject = Vocabulary.computerScience
    var topic = Vocabulary.computerScience.topics[0]
    var otherTopics: [Vocabulary.Topic] = []
    var language = Vocabulary.english
    var languageCode = "eng"
    var year = 2020
    var endYear: Int?
    var copyrightYear: Int?
    var originalYear: Int?
    var isRDA = true
    var isCopiedFromLC = false
    var title = Title()
    var creator: Creator?
    var contributors: [Contributor] = []
    var bodies: [(name: String, role: String)] = []
    var publisher = Vocabulary.english.publishers[0]
    var classNumber = ""
    var classHasCutter = false
    var itemPart: String?
    var dewey: String?
    var form: String?
    var genre: String?
    var extraHeadings: [Vocabulary.Heading] = []
    /// Every subject heading, the main one first; filled from the topics unless a plan sets it.
    var headings: [Vocabulary.Heading] = []
    var isReference = false
    var isFiction = false
    var isCollection = false
    var isFestschrift = false
    var hasBibliography = false
    var hasIndex = false
    var isIllustrated = false
    var edition: String?
    var series: (title: String, number: Int)?
    var translatedFrom: Vocabulary.Language?
    var parallelLanguage: Vocabulary.Language?
    var hasEnglishSummary = false
    var volumes = 1
    var musicForm: Vocabulary.MusicForm?
    var place: Vocabulary.Place?
    var mapKind: Vocabulary.MapKind?
    var notes: [(tag: String, indicator1: Character, text: String)] = []
    var summary: String?
    var minutes = 0
    var pageCount = 0
    var frequency = (code: "q", name: "Quarterly")
    var uniformTitle: [Subfield]?
    var publisherNumber: String?
    var scale: (display: String, denominator: String)?

    init(catalogue: DemoCatalogue, index: Int) {
        self.catalogue = catalogue
        self.index = index
        // Each record has its own stream, so records can be made in any order. The index is
        // multiplied by an odd constant unrelated to SplitMix64's increment, so that the streams
        // of neighbouring records do not overlap.
        random = SeededGenerator(seed: catalogue.seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    }

    /// Plans the record and writes its fields in tag order.
    mutating func build() -> MARCRecord {
        plan()
        fields.reserveCapacity(48)
        appendFixedField()
        appendStandardNumbers()
        appendSourceFields()
        appendClassification()
        appendMainEntry()
        appendTitle()
        appendEditionAndScale()
        appendPublication()
        appendPhysicalDescription()
        appendSeries()
        appendNotes()
        appendSubjects()
        appendAddedEntries()
        appendHoldings()
        appendScript()
        return MARCRecord(leader: leader(), fields: fields)
    }

    /// The leader: lengths left at zero for the writer, UTF-8 (`09` = `a`), RDA or AACR2 (`18`).
    mutating func leader() -> String {
        let level: String
        switch kind {
        case .serial: level = "s"
        case .manuscript: level = isCollection ? "c" : "m"
        default: level = "m"
        }
        var leader = "00000"
        leader.reserveCapacity(24)
        leader += random.chance(85) ? "n" : "c"  // new or corrected
        leader += kind.recordType
        leader += level
        leader += kind == .manuscript ? "a" : " "  // archival control
        leader += "a2200000"
        leader += random.pick(Vocabulary.encodingLevels)
        leader += isRDA ? "i" : "a"
        leader += kind == .multivolume ? "a" : " "  // set
        leader += "4500"
        return leader
    }

    // MARK: - Helpers

    /// Appends a data field.
    mutating func append(_ tag: String, _ indicator1: Character, _ indicator2: Character, _ subfields: [Subfield]) {
        fields.append(.data(tag: tag, indicator1: indicator1, indicator2: indicator2, subfields: subfields))
    }

    /// A random number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + random.int(range.count)
    }

    /// `subfields` with a full stop after the last value, unless it already ends with
    /// punctuation or a closing parenthesis, as subject headings end.
    static func closed(_ subfields: [Subfield]) -> [Subfield] {
        var result = subfields
        let last = result[result.count - 1].value
        if let end = last.last, !".)?!-".contains(end) {
            result[result.count - 1].value = last + "."
        }
        return result
    }

    /// `text` followed by `mark` (" :", " /", "."), without doubling a full stop.
    static func ending(_ text: String, _ mark: String) -> String {
        if mark == ".", text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") { return text }
        return text + mark
    }

    /// Names joined as a title page joins them: "A", "A and B", "A, B, and C".
    static func joined(_ names: [String], conjunction: String) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        case 2: names[0] + " " + conjunction + " " + names[1]
        default:
            names.dropLast().joined(separator: ", ") + (conjunction == "and" ? ", and " : " " + conjunction + " ") + names[names.count - 1]
        }
    }

    /// The number of non-filing characters of an English title ("The " is 4).
    static func nonfiling(_ title: String) -> Int {
        if title.hasPrefix("The ") { return 4 }
        if title.hasPrefix("An ") { return 3 }
        if title.hasPrefix("A ") { return 2 }
        return 0
    }
}
