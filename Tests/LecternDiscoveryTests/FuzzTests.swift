import LecternCore
import LecternDiscovery
import LecternMARC
import LecternRepresentation
import Testing

/// Garbage and mutations of valid input: the parsers answer with a value or a
/// `PrimoQueryError`, the normalizer with a record; nothing traps or hangs.
@Suite(.timeLimit(.minutes(2)))
struct FuzzTests {
    static let validQueries = [
        "any,contains,popcorn",
        "any,contains,'pubmed_central5894087',OR;any,contains,'sage_s10_1177_0011392114556593',OR",
        "title,exact,\"War and peace\",AND;creator,begins_with,Tolst",
        "any,contains,(cats OR dogs) AND NOT \"hot dogs\" popul*",
        "creator,contains,Tolstoy, Leo,NOT;sub,contains,Rome; a history",
    ]
    static let validFilters = [
        "facet_rtype,exact,books|,|facet_searchcreationdate,exact,[2005 TO 2013]",
        "facet_lang,include,eng|,|facet_lang,include,fre|,|facet_topic,exclude,Law",
    ]
    /// Characters that matter to the syntax, with letters and some non-ASCII.
    static let alphabet: [Character] = Array(",;,;\"'()|[] *_-:ANDORNOTandornot anycontainsexactbegins_withtitlefacet_rtypeTO2013Ωé€\u{0}\u{301}\n\t")

    static func randomString(_ random: inout SeededGenerator, maxLength: Int) -> String {
        let count = random.int(maxLength + 1)
        var text = ""
        for _ in 0..<count {
            if random.chance(90) {
                text.append(random.pick(alphabet))
            } else {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(random.int(128))))
            }
        }
        return text
    }

    static func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<(1 + random.int(4)) {
            let position = characters.isEmpty ? 0 : random.int(characters.count + 1)
            switch random.int(4) {
            case 0: characters.insert(random.pick(alphabet), at: position)
            case 1 where !characters.isEmpty: characters.remove(at: min(position, characters.count - 1))
            case 2 where !characters.isEmpty: characters[min(position, characters.count - 1)] = random.pick(alphabet)
            default:
                // Duplicate a slice: repeated clauses, operators and quotes.
                let start = characters.isEmpty ? 0 : random.int(characters.count)
                let end = min(characters.count, start + random.int(12))
                characters.insert(contentsOf: characters[start..<end], at: min(position, characters.count))
            }
        }
        return String(characters)
    }

    /// Checks what a successful parse guarantees.
    static func check(_ query: PrimoQuery, against indexes: [DiscoveryIndex]) {
        #expect(!query.clauses.isEmpty)
        #expect(query.clauses.count <= PrimoQuery.maximumClauses)
        for clause in query.clauses {
            #expect(PrimoQuery.isField(clause.field))
            #expect(!clause.value.isEmpty)
            #expect(termCount(clause.terms) <= PrimoQuery.maximumTerms)
            #expect(noEmptyWords(clause.terms))
        }
        for index in indexes { _ = query.matches(index) }
    }

    static func termCount(_ terms: PrimoQuery.Terms) -> Int {
        switch terms {
        case .word, .phrase, .prefix: 1
        case .and(let parts), .or(let parts): parts.reduce(0) { $0 + termCount($1) }
        case .not(let part): termCount(part)
        }
    }

    static func noEmptyWords(_ terms: PrimoQuery.Terms) -> Bool {
        switch terms {
        case .word(let word), .prefix(let word): !word.isEmpty && !word.contains(" ")
        case .phrase(let words): !words.isEmpty && words.allSatisfy { !$0.isEmpty && !$0.contains(" ") }
        case .and(let parts), .or(let parts): !parts.isEmpty && parts.allSatisfy(noEmptyWords)
        case .not(let part): noEmptyWords(part)
        }
    }

    static let indexes = [TestRecords.defoe, TestRecords.tolstoy, TestRecords.video].map {
        DiscoveryIndex(PNXNormalizer(institution: "X").record(bib: $0, mmsID: "1"))
    }

    @Test func randomQueriesNeverCrashTheParser() {
        var random = SeededGenerator(seed: 0x5052_494D)
        var parsed = 0
        for _ in 0..<5_000 {
            let q = Self.randomString(&random, maxLength: 80)
            do {
                Self.check(try PrimoQuery(parsing: q), against: Self.indexes)
                parsed += 1
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed < 5_000)
    }

    @Test func mutatedQueriesNeverCrashTheParser() {
        var random = SeededGenerator(seed: 7)
        var outcomes = (parsed: 0, rejected: 0)
        for _ in 0..<10_000 {
            let q = Self.mutate(random.pick(Self.validQueries), &random)
            do {
                Self.check(try PrimoQuery(parsing: q), against: Self.indexes)
                outcomes.parsed += 1
            } catch {
                #expect(error.parameter == "q" && !error.message.isEmpty)
                outcomes.rejected += 1
            }
        }
        // Both paths are exercised: the mutations are neither all harmless nor all fatal.
        #expect(outcomes.parsed > 1_000)
        #expect(outcomes.rejected > 1_000)
    }

    @Test func randomAndMutatedFiltersNeverCrash() {
        var random = SeededGenerator(seed: 11)
        for round in 0..<6_000 {
            let text =
                round % 2 == 0 ? Self.randomString(&random, maxLength: 60) : Self.mutate(random.pick(Self.validFilters), &random)
            do {
                let filters = try PrimoFilters(qInclude: text, qExclude: text, multiFacets: text)
                _ = filters.matches(["rtype": ["books"], "creationdate": ["2010"]])
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func randomRecordsNormalizeToWellFormedPNX() throws {
        var random = SeededGenerator(seed: 2709)
        let tags = [
            "001", "007", "008", "010", "020", "022", "024", "035", "041", "100", "110", "111", "130", "245", "246", "250",
            "260", "264", "300", "490", "500", "502", "505", "520", "600", "650", "651", "655", "700", "710", "773", "775",
            "776", "800", "830", "856", "880", "999", "abc", "",
        ]
        let codes: [Character] = Array("abcdefghjklnpqstuvwxyz0123456789")
        for _ in 0..<2_000 {
            var fields: [MARCRecord.Field] = []
            for _ in 0..<random.int(25) {
                let tag = random.pick(tags)
                if tag.hasPrefix("00") {
                    fields.append(.control(tag: tag, value: Self.randomString(&random, maxLength: 45)))
                    continue
                }
                var subfields: [MARCRecord.Subfield] = []
                for _ in 0..<random.int(6) {
                    var value = Self.randomString(&random, maxLength: 30)
                    if random.chance(10) { value = "245-01/(N" }
                    subfields.append(.init(random.pick(codes), value))
                }
                fields.append(
                    .data(
                        tag: tag,
                        indicator1: random.pick(Array(" 0123456789a")),
                        indicator2: random.pick(Array(" 0123456789#")),
                        subfields: subfields
                    )
                )
            }
            let leader = Self.randomString(&random, maxLength: 30)
            let holdings = (0..<random.int(3)).map { _ in
                DiscoveryHolding(libraryCode: "L", libraryName: "", locationCode: "", locationName: "", availableItems: random.int(2), totalItems: 2)
            }
            let pnx = PNXNormalizer(institution: "X").record(bib: MARCRecord(leader: leader, fields: fields), mmsID: "9", holdings: holdings)
            let json = try pnx.readBack()
            for (name, section) in pnx.sections {
                for field in section.fields where !(name == "control" && field.name == "sourceid") {
                    #expect(json[name]?[field.name] == .array(field.values.map(JSONValue.string)))
                }
            }
            for (_, section) in pnx.sections {
                for field in section.fields { #expect(!field.values.isEmpty && field.values.allSatisfy { !$0.isEmpty }) }
            }
            let index = DiscoveryIndex(pnx)
            #expect(index.sort.count == 3)
        }
    }
}
