import LecternMARC

/// The words the demo catalogue builds its records from: subject areas with their topics, call
/// numbers and headings; languages with their publishers, people and title patterns; music,
/// maps, films, fiction and manuscripts.
///
/// Everything is built once, on first use, so that making a record only picks from arrays.
/// The lists live in extensions, one file per family (`+Sciences`, `+Humanities`, `+Society`,
/// `+Languages`, `+Media`).
enum DemoCatalogueVocabulary {
    /// A subject area: where its books stand, what they are about and how their titles read.
    struct Subject: Sendable {
        /// Which family of title patterns, subtitles and summaries fits the area.
        enum Style: Sendable {
            case science, clinical, humanities, social
        }

        let name: String
        let style: Style
        /// The library that holds most of the area's print (`MAIN`, `SCI`, `MED`).
        let library: String
        /// A second library that buys some of the same titles, if any.
        let alsoHeldIn: String?
        let topics: [Topic]
        /// Phrases that narrow a title: " for engineers", " in global perspective".
        let contexts: [String]
        let series: [String]
        /// Corporate bodies that author or sponsor works in the area.
        let bodies: [String]
    }

    /// A topic with the classification and subject heading that go with it, so that a record's
    /// title, call number, `082` and `650` agree.
    struct Topic: Sendable {
        /// The phrase as it reads inside a title: "machine learning", "the French Revolution".
        let phrase: String
        /// The phrase with its first letter in capitals, for titles that start with it.
        let capitalized: String
        /// The LC class, with a topical Cutter where LC uses one: `QA76.73.S95`, `Q325.5`.
        let classNumber: String
        /// Whether ``classNumber`` ends with a Cutter (then the author Cutter follows without a dot).
        let classHasCutter: Bool
        /// The Dewey number.
        let dewey: String
        let heading: Heading

        /// A topic; `heading` is written as ``Heading/init(_:)`` reads it.
        init(_ phrase: String, _ classNumber: String, _ dewey: String, _ heading: String) {
            self.phrase = phrase
            self.capitalized = DemoCatalogueVocabulary.capitalized(phrase)
            self.classNumber = classNumber
            self.classHasCutter = DemoCatalogueVocabulary.hasCutter(classNumber)
            self.dewey = dewey
            self.heading = Heading(heading)
        }
    }

    /// A subject heading without its closing full stop: `650`, or `600`/`651` for names and places.
    struct Heading: Sendable {
        let tag: String
        let indicator1: Character
        let subfields: [MARCRecord.Subfield]

        /// Reads `"Machine learning"`, `"@France$xHistory$yRevolution, 1789-1799"` (a place, `651`)
        /// or `"#Kant, Immanuel,$d1724-1804"` (a person, `600`): `$` and a code open a subfield.
        init(_ text: String) {
            var body = Substring(text)
            switch body.first {
            case "@":
                tag = "651"
                indicator1 = " "
                body = body.dropFirst()
            case "#":
                tag = "600"
                indicator1 = "1"
                body = body.dropFirst()
            default:
                tag = "650"
                indicator1 = " "
            }
            let parts = body.split(separator: "$", omittingEmptySubsequences: true)
            var subfields = [MARCRecord.Subfield("a", String(parts[0]))]
            for part in parts.dropFirst() {
                subfields.append(MARCRecord.Subfield(part.first!, String(part.dropFirst())))
            }
            self.subfields = subfields
        }
    }

    /// A title pattern such as `"Introduction to {t}"`, split once around its topic slot.
    struct Pattern: Sendable {
        let prefix: String
        let suffix: String
        /// The `$v` form subdivision the pattern implies: "Textbooks", "Encyclopedias".
        let form: String?
        /// Whether a library shelves such a title in Reference.
        let isReference: Bool

        init(_ text: String, form: String? = nil, reference: Bool = false) {
            let slot = text.firstRange(of: "{t}")!
            prefix = String(text[..<slot.lowerBound])
            suffix = String(text[slot.upperBound...])
            self.form = form
            isReference = reference
        }

        /// The title for `phrase`; `capitalized` is used when the title starts with the topic.
        func apply(_ phrase: String, capitalized: String) -> String {
            prefix.isEmpty ? capitalized + suffix : prefix + phrase + suffix
        }
    }

    /// A person as the catalogue names them: heading, natural order and Cutter number.
    struct Person: Sendable {
        /// Inverted, for `100`/`700` `$a`: "Smith, Jane", "Tanaka, Hiroshi".
        let heading: String
        /// Forename first, as an English title page prints it: "Jane Smith", "Hiroshi Tanaka".
        let western: String
        /// As a title page in the person's language prints it: "Tanaka Hiroshi", "S. P. Ivanov".
        let native: String
        /// The name in its own script (Japanese, Chinese, Cyrillic), for `880`.
        let script: String?
        /// Fixed life dates for historical people: "1770-1827".
        let dates: String?
        /// The Cutter number of the surname, for call numbers.
        let cutter: String

        init(surname: String, forename: String, native: String? = nil, script: String? = nil, dates: String? = nil) {
            heading = surname + ", " + forename
            western = forename + " " + surname
            self.native = native ?? western
            self.script = script
            self.dates = dates
            cutter = DemoCatalogueNumbers.cutter(surname)
        }
    }

    /// A publisher with its place, the MARC country code of that place (for `008`) and an ISBN
    /// registrant prefix.
    struct Publisher: Sendable {
        let place: String
        let name: String
        let country: String
        let registrant: String

        init(_ place: String, _ name: String, _ country: String) {
            self.place = place
            self.name = name
            self.country = country
            registrant = DemoCatalogueNumbers.padded(Int(DemoCatalogueNumbers.stableHash(name) % 900) + 100, width: 3)
        }
    }

    /// `text` with its first character in capitals.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Whether an LC class number ends with a Cutter (a full stop followed by a letter).
    static func hasCutter(_ classNumber: String) -> Bool {
        let scalars = Array(classNumber.unicodeScalars)
        for index in scalars.indices.dropLast() where scalars[index] == "." {
            if scalars[index + 1].properties.isAlphabetic { return true }
        }
        return false
    }

    /// Every subject area.
    static let subjects: [Subject] = [
        computerScience, mathematics, physics, chemistry, biology, engineering, medicine, psychology, history, literature,
        music, art, geography, law, economics, philosophy, education,
    ]

    /// Subject indexes repeated by weight: how often each area is the subject of a record.
    static let subjectWeights: [Int] = {
        let weights = [10, 6, 6, 5, 7, 6, 12, 6, 10, 9, 4, 4, 3, 6, 7, 4, 4]
        var table: [Int] = []
        for (index, weight) in weights.enumerated() {
            table.append(contentsOf: repeatElement(index, count: weight))
        }
        return table
    }()

    /// The index of a subject by name; a misspelt name is a programming error.
    static func subjectIndex(_ name: String) -> Int {
        subjects.firstIndex { $0.name == name }!
    }
}
