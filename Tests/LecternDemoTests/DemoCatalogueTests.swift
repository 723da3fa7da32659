import LecternMARC
import Testing

@testable import LecternDemo

/// The demo catalogue: reproducible, consistent between its bibliographic, holdings and item
/// fields, valid MARC 21, and varied enough to look like a real library's.
struct DemoCatalogueTests {
    static let catalogue = DemoCatalogue(seed: 2026)
    /// The first 5,000 records, shared by the tests that look at a whole catalogue.
    static let sample: [MARCRecord] = Array(catalogue.records(0..<5_000))

    // MARK: - Reproducibility

    @Test func sameSeedAndIndexGiveTheSameRecord() {
        let again = DemoCatalogue(seed: 2026)
        for index in [0, 1, 2, 999, 4_999, 123_456, DemoCatalogue.maximumCount - 1] {
            #expect(again.record(index) == Self.catalogue.record(index), "record \(index)")
        }
        // Made backwards, the records are the same: none depends on those made before it.
        let backwards = (0..<200).reversed().map { again.record($0) }
        #expect(Array(backwards.reversed()) == Array(Self.sample.prefix(200)))
    }

    @Test func differentSeedsGiveDifferentCatalogues() {
        let other = DemoCatalogue(seed: 2027)
        let titles = (0..<200).map { title(other.record($0)) }
        let differing = zip(titles, Self.sample.prefix(200).map(title)).filter { $0 != $1 }.count
        #expect(differing > 180)
        // The system number is the record's identity for re-imports: it does not depend on the seed.
        #expect(other.record(7).subfieldValues("035", "a").first == Self.sample[7].subfieldValues("035", "a").first)
    }

    @Test func differentIndexesGiveDifferentRecords() {
        #expect(Set(Self.sample).count == Self.sample.count)
        // They differ in content, not only in their numbers.
        let contents = Self.sample.prefix(1_000).map { record in record.fields.filter { !["035", "876"].contains($0.tag) } }
        #expect(Set(contents).count == contents.count)
    }

    // MARK: - Identifiers

    @Test func barcodesAreUniqueAcrossTheCatalogue() {
        let barcodes = Self.sample.flatMap { $0.subfieldValues("876", "p") }
        #expect(barcodes.count > Self.sample.count)
        #expect(Set(barcodes).count == barcodes.count)
        #expect(barcodes.allSatisfy { $0.count == 14 && $0.hasPrefix("39999") && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        // Every possible item of the first 20,000 records, and records far apart.
        var all = Set<String>()
        for index in Array(0..<20_000) + [9_999_999, 50_000_000, DemoCatalogue.maximumCount - 1] {
            for item in 0..<10 {
                all.insert(Self.catalogue.barcode(index, item: item))
            }
        }
        #expect(all.count == 20_003 * 10)
    }

    @Test func systemNumbersAreUniqueAndStable() {
        let numbers = Self.sample.flatMap { $0.subfieldValues("035", "a") }
        #expect(Set(numbers).count == numbers.count)
        let own = Self.sample.enumerated().filter { index, record in
            record.subfieldValues("035", "a").filter { $0.hasPrefix("(DEMO)") } == [Self.catalogue.systemNumber(index)]
        }
        #expect(own.count == Self.sample.count)
        #expect(Self.catalogue.systemNumber(41) == "(DEMO)000000042")
        #expect(DemoCatalogue(seed: 1, institution: "UNIV").record(0).subfieldValues("035", "a").first == "(UNIV)000000001")
        #expect(Self.sample.allSatisfy { $0.controlField("001") == nil })
    }

    @Test func isbnAndISSNCheckDigitsAreValid() {
        // The checks themselves tell a good number from a bad one.
        #expect(Self.isValidISBN("9780306406157") && !Self.isValidISBN("9780306406158"))
        #expect(Self.isValidISSN("0317-8471") && Self.isValidISSN("2434-561X") && !Self.isValidISSN("0317-8472"))
        let isbns = Self.sample.flatMap { $0.subfieldValues("020", "a") }
        #expect(isbns.count > 2_000)
        #expect(isbns.filter { !Self.isValidISBN($0) }.isEmpty)
        let issns = Self.sample.flatMap { $0.subfieldValues("022", "a") }
        #expect(issns.count > 100)
        #expect(issns.filter { !Self.isValidISSN($0) }.isEmpty)
        // ISBNs only for books since 1970, ISSNs only for serials.
        let misplaced = Self.sample.filter { record in
            let leader = Array(record.leader)
            let date = Int(String(Array(record.controlField("008") ?? "")[7..<11])) ?? 0
            return (!record.dataFields("020").isEmpty && (leader[6] != "a" || date < 1970))
                || (!record.dataFields("022").isEmpty && leader[7] != "s")
        }
        #expect(misplaced.isEmpty)
    }

    // MARK: - Holdings and items

    @Test func holdingsStandInRealCampusLocations() {
        let campus = Set(DemoCampus.libraries.flatMap { library in library.locations.map { library.code + " " + $0.0 } })
        let used = Set(Self.sample.flatMap { $0.dataFields("852").map { ($0.subfieldValue("b") ?? "") + " " + ($0.subfieldValue("c") ?? "") } })
        #expect(used.isSubset(of: campus), "\(used.subtracting(campus))")
        #expect(used.count == campus.count, "unused: \(campus.subtracting(used))")
    }

    @Test func itemsPointToTheirHoldings() {
        var problems: [String] = []
        for (index, record) in Self.sample.enumerated() {
            let holdings = record.dataFields("852")
            let links = holdings.compactMap { $0.subfieldValue("8") }
            let items = record.dataFields("876")
            let positions = record.fields.enumerated()
            let lastHolding = positions.filter { $0.element.tag == "852" }.map(\.offset).max() ?? -1
            let firstItem = positions.filter { $0.element.tag == "876" }.map(\.offset).min() ?? Int.max
            if links != (0..<holdings.count).map({ String($0 + 1) }) { problems.append("\(index): holdings numbered \(links)") }
            if !items.allSatisfy({ links.contains($0.subfieldValue("8") ?? "") }) { problems.append("\(index): item without holding") }
            if !links.allSatisfy({ link in items.contains { $0.subfieldValue("8") == link } }) { problems.append("\(index): holding without items") }
            if firstItem < lastHolding { problems.append("\(index): an item before a holding") }
            if holdings.contains(where: { Self.indicators($0) != "0 " }) { problems.append("\(index): 852 not LC") }
            let callNumber = [record.firstSubfieldValue("050", "a"), record.firstSubfieldValue("050", "b")]
            if holdings.contains(where: { [$0.subfieldValue("h"), $0.subfieldValue("i")] != callNumber }) {
                problems.append("\(index): 852 call number differs from 050")
            }
            for item in items where item.subfieldValue("p") == nil || item.subfieldValue("t") == nil || item.subfieldValue("w") == nil {
                problems.append("\(index): item lacks $p, $t or $w: \(item)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        let materials = Set(Self.sample.flatMap { $0.subfieldValues("876", "w") })
        #expect(materials == ["BOOK", "ISSUE", "SCORE", "CD", "DVD", "MAP", "MANUSCRIPT"])
        let twoLibraries = Self.sample.filter { Set($0.subfieldValues("852", "b")).count == 2 }.count
        #expect((50...600).contains(twoLibraries))
        #expect(Self.sample.filter { $0.dataFields("852").count > 2 }.isEmpty)
    }

    @Test func electronicResourcesLinkInsteadOfHolding() {
        let online = Self.sample.filter { $0.dataFields("852").isEmpty }
        #expect((75...300).contains(online.count), "\(online.count) records without holdings")
        let linked = online.filter { record in
            record.dataFields("856").contains { Self.indicators($0) == "40" && $0.subfieldValue("u")?.hasPrefix("https://") == true }
        }
        #expect(linked.count == online.count)
        #expect(online.allSatisfy { $0.dataFields("876").isEmpty })
    }

    @Test func subjectsAndMaterialsDecideTheShelf() {
        typealias Vocabulary = DemoCatalogueVocabulary
        let medicine = Set(Vocabulary.medicine.topics.map(\.classNumber))
        let sciences = [Vocabulary.computerScience, Vocabulary.mathematics, Vocabulary.physics, Vocabulary.chemistry, Vocabulary.biology]
        let science = Set((sciences + [Vocabulary.engineering]).flatMap { $0.topics.map(\.classNumber) }).subtracting(medicine)
        var medical = (total: 0, inMED: 0)
        var scientific = (total: 0, inSCI: 0)
        var problems: [String] = []
        for record in Self.sample {
            let leader = Array(record.leader)
            let date = Int(String(Array(record.controlField("008") ?? "")[7..<11])) ?? 0
            guard let shelf = record.dataFields("852").first.map({ ($0.subfieldValue("b") ?? "") + " " + ($0.subfieldValue("c") ?? "") }) else {
                continue
            }
            let classNumber = record.firstSubfieldValue("050", "a") ?? ""
            switch (leader[6], leader[7]) {
            case ("e", _): if shelf != "SCI MAPS" { problems.append("map in \(shelf)") }
            case ("g", _), ("j", _), ("i", _): if shelf != "MAIN MEDIA" { problems.append("recording in \(shelf)") }
            case ("t", _): if shelf != "MAIN SPECIAL" { problems.append("manuscript in \(shelf)") }
            case ("a", "s"): if !["MAIN PERIODICAL", "SCI JOURNALS", "MED STACKS"].contains(shelf) { problems.append("journal in \(shelf)") }
            case ("a", "m") where date < 1900: if shelf != "MAIN SPECIAL" { problems.append("book of \(date) in \(shelf)") }
            case ("a", "m"):
                if medicine.contains(classNumber) {
                    medical.total += 1
                    if shelf.hasPrefix("MED ") { medical.inMED += 1 }
                } else if science.contains(classNumber) {
                    scientific.total += 1
                    if shelf.hasPrefix("SCI ") { scientific.inSCI += 1 }
                }
            default: break
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(medical.total > 200 && medical.inMED * 100 > medical.total * 80, "\(medical)")
        #expect(scientific.total > 500 && scientific.inSCI * 100 > scientific.total * 80, "\(scientific)")
    }

    // MARK: - MARC

    @Test func leadersAndFixedFieldsAreWellFormed() {
        var problems: [String] = []
        for (index, record) in Self.sample.enumerated() {
            let leader = Array(record.leader.utf8).map { Character(Unicode.Scalar($0)) }
            if leader.count != 24 || leader[9] != "a" || String(leader[20..<24]) != "4500" || !"acegijmt".contains(leader[6])
                || !"mcs".contains(leader[7]) || !" 13457".contains(leader[17]) || !"ai".contains(leader[18])
            {
                problems.append("\(index): leader \(record.leader)")
            }
            let fixed = record.fields("008").compactMap(\.value)
            if fixed.count != 1 || fixed[0].count != 40 || fixed[0].utf8.count != 40 {
                problems.append("\(index): 008 \(fixed)")
                continue
            }
            let positions = Array(fixed[0])
            let date = Int(String(positions[7..<11])) ?? 0
            if !(1850...2026).contains(date) { problems.append("\(index): date \(date)") }
            if !positions[35..<38].allSatisfy(\.isLowercase) { problems.append("\(index): language \(fixed[0])") }
            let tags = record.fields.map(\.tag)
            if tags != tags.sorted() { problems.append("\(index): tags out of order \(tags)") }
            if record.dataFields("245").count != 1 { problems.append("\(index): 245") }
            let mainEntry = !record.dataFields("100").isEmpty || !record.dataFields("110").isEmpty
            if record.dataFields("245").first.map(Self.indicators)?.first != (mainEntry ? "1" : "0") { problems.append("\(index): 245 ind1") }
            if record.subfieldValues("650", "a").isEmpty && record.subfieldValues("651", "a").isEmpty && record.subfieldValues("600", "a").isEmpty {
                problems.append("\(index): no subject")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func titlesArePunctuatedAsISBDAsks() {
        var problems: [String] = []
        for record in Self.sample {
            for field in record.dataFields("245") + record.dataFields("880") {
                let subfields = field.subfields.filter { $0.code != "6" }
                for (current, next) in zip(subfields, subfields.dropFirst()) {
                    let mark = ["b": " :", "c": " /", "f": ","][next.code] ?? ""
                    if !current.value.hasSuffix(mark) { problems.append("\(field)") }
                }
                if let last = subfields.last?.value.last, !".?!]".contains(last) { problems.append("\(field)") }
            }
            let nonfiling = record.dataFields("245").first.map { Int(String(Self.indicators($0).dropFirst())) ?? -1 } ?? -1
            let title = record.firstSubfieldValue("245", "a") ?? ""
            let article = title.hasPrefix("The ") ? 4 : title.hasPrefix("An ") ? 3 : title.hasPrefix("A ") ? 2 : 0
            if nonfiling != article { problems.append("nonfiling \(nonfiling): \(title)") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func romanizedTitlesLinkTheirOriginalScript() {
        let romanized = Self.sample.filter { !$0.dataFields("880").isEmpty }
        #expect(romanized.count > 50)
        for record in romanized {
            #expect(record.firstSubfieldValue("245", "6") == "880-01")
            #expect(record.firstSubfieldValue("880", "6")?.hasPrefix("245-01/") == true)
            let language = String(Array(record.controlField("008") ?? "")[35..<38])
            #expect(["jpn", "chi", "rus"].contains(language))
        }
    }

    @Test func everyRecordRoundTripsThroughISO2709() throws {
        var bytes: [UInt8] = []
        for record in Self.sample {
            try ISO2709.encode(record, into: &bytes)
        }
        let decoded = try ISO2709.records(from: bytes)
        #expect(decoded.count == Self.sample.count)
        // The writer fills in the lengths (leader 00-04, 12-16); everything else comes back.
        let differing = zip(Self.sample, decoded).filter { original, read in
            read.fields != original.fields || Self.withoutLengths(read.leader) != Self.withoutLengths(original.leader)
        }
        #expect(differing.isEmpty, "\(differing.first.map { "\($0.0)" } ?? "")")
    }

    @Test func everyRecordRoundTripsThroughMARCXML() throws {
        let read = try MARCXML.records(from: MARCXML.collection(Self.sample))
        #expect(read == Self.sample)
    }

    // MARK: - Variety

    @Test func catalogueVaries() {
        let types = Set(Self.sample.map { Array($0.leader)[6] })
        #expect(types.count >= 6, "\(types)")
        let languages = Set(Self.sample.compactMap { $0.controlField("008").map { String(Array($0)[35..<38]) } })
        #expect(languages.isSuperset(of: ["eng", "ger", "fre", "spa", "ita", "nor", "jpn", "chi", "rus"]), "\(languages)")
        // LC classes by their first letter (Q science, R medicine, P literature, M music, G geography, K law, ...).
        let classes = Set(Self.sample.compactMap { $0.firstSubfieldValue("050", "a")?.first })
        #expect(classes.count >= 8, "\(classes)")
        let titles = Set(Self.sample.map(title))
        #expect(titles.count >= 4_000, "\(titles.count) distinct titles")
        let titlesProper = Set(Self.sample.compactMap { $0.firstSubfieldValue("245", "a") })
        #expect(titlesProper.count >= 3_500, "\(titlesProper.count) distinct 245 $a")
        let headings = Set(Self.sample.flatMap { $0.subfieldValues("650", "a") })
        #expect(headings.count >= 250, "\(headings.count) distinct headings")
        let years = Self.sample.compactMap { $0.controlField("008").flatMap { Int(String(Array($0)[7..<11])) } }
        #expect(years.filter { $0 >= 2000 }.count > years.count / 2)
        #expect(years.contains { $0 < 1900 })
        let authors = Set(Self.sample.compactMap { $0.firstSubfieldValue("100", "a") })
        #expect(authors.count >= 1_500, "\(authors.count) distinct authors")
    }

    // MARK: - Helpers

    /// Title proper and remainder of the title, without ISBD punctuation.
    func title(_ record: MARCRecord) -> String {
        [record.firstSubfieldValue("245", "a"), record.firstSubfieldValue("245", "b")].compactMap { $0 }.joined(separator: " ")
    }

    /// A data field's two indicators, as a string.
    static func indicators(_ field: MARCRecord.Field) -> String {
        guard case .data(_, let first, let second, _) = field else { return "" }
        return String(first) + String(second)
    }

    static func withoutLengths(_ leader: String) -> String {
        var bytes = Array(leader.utf8)
        for index in [0, 1, 2, 3, 4, 12, 13, 14, 15, 16] where index < bytes.count {
            bytes[index] = UInt8(ascii: "0")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 13 digits, `978` or `979`, weighted 1 and 3 in turn to a multiple of 10.
    static func isValidISBN(_ isbn: String) -> Bool {
        let digits = isbn.compactMap(\.wholeNumberValue)
        guard isbn.count == 13, digits.count == 13, isbn.hasPrefix("978") || isbn.hasPrefix("979") else { return false }
        return digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 1 : 3) } % 10 == 0
    }

    /// `NNNN-NNNC`, weighted 8 down to 1 (`X` is 10) to a multiple of 11.
    static func isValidISSN(_ issn: String) -> Bool {
        let characters = Array(issn)
        guard characters.count == 9, characters[4] == "-" else { return false }
        let values = (characters[0..<4] + characters[5..<9]).enumerated().map { offset, character in
            offset == 7 && character == "X" ? 10 : character.wholeNumberValue ?? -100
        }
        return values.enumerated().reduce(0) { $0 + $1.element * (8 - $1.offset) } % 11 == 0
    }
}
