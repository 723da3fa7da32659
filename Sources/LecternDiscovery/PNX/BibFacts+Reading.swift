import LecternMARC

extension BibFacts {
    /// Reads `record` in one pass.
    init(_ record: MARCRecord) {
        self.init(leader: record.leader)
        for field in record.fields {
            switch field {
            case .control(let tag, let value):
                if tag == "008", field008.isEmpty {
                    field008 = value
                } else if tag == "007", field007.isEmpty {
                    field007 = value
                }
            case .data(let tag, let indicator1, let indicator2, let subfields):
                guard var number = SubfieldText.tagNumber(tag) else { continue }
                var vernacular = false
                if number == 880 {
                    guard let linked = SubfieldText.linkedTag(subfields), linked != 880 else { continue }
                    number = linked
                    vernacular = true
                }
                read(number, indicator1, indicator2, subfields, vernacular: vernacular)
            }
        }
    }

    private mutating func read(
        _ tag: Int,
        _ indicator1: Character,
        _ indicator2: Character,
        _ subfields: [MARCRecord.Subfield],
        vernacular: Bool
    ) {
        switch tag {
        case 10:
            let lccn = SubfieldText.first(subfields, "a")
            if !lccn.isEmpty { identifiers.append("$$CLCCN$$V" + lccn) }
        case 20: readISBN(subfields)
        case 22:
            for code: Character in ["a", "l"] {
                for issn in SubfieldText.all(subfields, code) {
                    issns.append(issn)
                    if code == "a" { identifiers.append("$$CISSN$$V" + issn) }
                }
            }
        case 24: readStandardNumber(indicator1, subfields)
        case 35: systemNumbers.append(contentsOf: SubfieldText.all(subfields, "a"))
        case 41:
            for subfield in subfields where Self.languageCodes041.contains(subfield.code) {
                Self.splitLanguageCodes(subfield.value, into: &languageCodes)
            }
        case 100, 110, 111:
            if let name = Self.name(tag, indicator1, subfields, vernacular: vernacular) { creators.append(name) }
        case 130, 240:
            variantTitles.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.joinNonNumeric(subfields), PNXText.headingPunctuation))
        case 210, 242, 246, 740:
            variantTitles.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.join(subfields, Self.variantTitleCodes), PNXText.headingPunctuation))
        case 245: titles.append(Self.title(indicator2, subfields, vernacular: vernacular))
        case 250:
            editions.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.join(subfields, Self.editionCodes), PNXText.headingPunctuation))
        case 260, 264: readImprint(tag, indicator1, indicator2, subfields, vernacular: vernacular)
        case 300: extents.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.joinNonNumeric(subfields), PNXText.headingPunctuation))
        case 440, 490, 800, 810, 811, 830: readSeries(tag, indicator1, subfields)
        case 505: contents.appendNonEmpty(SubfieldText.joinNonNumeric(subfields))
        case 520: summaries.appendNonEmpty(SubfieldText.join(subfields, Self.summaryCodes))
        case 500...599:
            if tag == 502 { hasDissertationNote = true }
            notes.appendNonEmpty(SubfieldText.joinNonNumeric(subfields))
        case 600, 610, 611, 630, 647, 648, 650, 651, 653, 654, 656, 657: readSubject(subfields)
        case 655:
            genreTerms.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.first(subfields, "a"), PNXText.subjectPunctuation))
        case 700, 710, 711:
            if subfields.contains(where: { $0.code == "t" }) {
                relatedTitles.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.join(subfields, Self.workTitleCodes), PNXText.namePunctuation))
            } else if let name = Self.name(tag, indicator1, subfields, vernacular: vernacular) {
                contributors.append(name)
            }
        case 730:
            variantTitles.appendNonEmpty(PNXText.trimmingTrailing(SubfieldText.joinNonNumeric(subfields), PNXText.headingPunctuation))
        case 773: readHostItem(subfields)
        case 760...787: readRelation(tag, subfields)
        case 856: readLink(indicator2, subfields)
        default: break
        }
    }

    private static let languageCodes041 = ASCIISet("abdefgj")
    private static let variantTitleCodes = ASCIISet("abnp")
    private static let editionCodes = ASCIISet("ab")
    private static let summaryCodes = ASCIISet("ab")
    private static let workTitleCodes = ASCIISet("tnplkfgs")
    private static let titleDisplayCodes = ASCIISet("abfgknps")
    private static let titleShortCodes = ASCIISet("ab")
    private static let medium = ASCIISet("h")
    private static let publisherCodes = ASCIISet("ab")
    private static let subdivisionCodes = ASCIISet("vxyz")
    private static let hostItemCodes = ASCIISet("abdghkmnpqst")
    private static let personalLinking = ASCIISet("abcdjqu")
    private static let corporateLinking = ASCIISet("abcdu")
    private static let meetingLinking = ASCIISet("acdenpq")
    private static let nameFacet = ASCIISet("ab")
    private static let meetingFacet = ASCIISet("acdn")
    private static let comma = ASCIISet(",")
    private static let qualifierEnd = ASCIISet(":;)")
    private static let qualifierStart = ASCIISet("(")
    private static let colon = ASCIISet(":")
    private static let subfieldA = ASCIISet("a")
    private static let subfieldsAT = ASCIISet("at")
    private static let subfieldT = ASCIISet("t")

    /// The subfields of a name's linking form (CB creator-Creator.txt) and of its facet form.
    private static func nameCodes(_ kind: Name.Kind) -> (linking: ASCIISet, facet: ASCIISet) {
        switch kind {
        case .personal: (personalLinking, nameFacet)
        case .corporate: (corporateLinking, nameFacet)
        case .meeting: (meetingLinking, meetingFacet)
        }
    }

    /// 008/35-37-style codes: `"engfre"` (an old practice) gives `eng`, `fre`.
    static func splitLanguageCodes(_ value: String, into codes: inout [String]) {
        let bytes = Array(value.utf8).filter { !ASCIISet.whitespace.contains($0) }
        guard !bytes.isEmpty, bytes.count % 3 == 0 else { return }
        var start = 0
        while start < bytes.count {
            let code = bytes[start..<start + 3].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if code.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                codes.appendUnique(String(decoding: code, as: UTF8.self))
            }
            start += 3
        }
    }

    private static func title(_ indicator2: Character, _ subfields: [MARCRecord.Subfield], vernacular: Bool) -> Title {
        let display = PNXText.trimmingTrailing(SubfieldText.join(subfields, titleDisplayCodes), PNXText.headingPunctuation)
        var sort = SubfieldText.joinNonNumeric(subfields, excluding: medium)
        if let skip = indicator2.wholeNumberValue, skip > 0, skip < sort.count {
            sort = PNXText.trimmed(String(sort.dropFirst(skip)))
        }
        return Title(
            display: display,
            sort: sort,
            short: PNXText.trimmingTrailing(SubfieldText.join(subfields, titleShortCodes), PNXText.headingPunctuation),
            medium: SubfieldText.first(subfields, "h"),
            vernacular: vernacular
        )
    }

    private static func name(_ tag: Int, _ indicator1: Character, _ subfields: [MARCRecord.Subfield], vernacular: Bool) -> Name? {
        let kind: Name.Kind =
            switch tag % 100 {
            case 10: .corporate
            case 11: .meeting
            default: .personal
            }
        let full = PNXText.trimmingTrailing(SubfieldText.joinNonNumeric(subfields), PNXText.headingPunctuation)
        guard !full.isEmpty else { return nil }
        let codes = nameCodes(kind)
        let linking = PNXText.trimmingTrailing(SubfieldText.join(subfields, codes.linking), PNXText.headingPunctuation)
        return Name(
            kind: kind,
            indicator1: indicator1,
            display: linking.isEmpty ? full : full + "$$Q" + linking,
            linking: linking.isEmpty ? full : linking,
            facet: PNXText.trimmingTrailing(SubfieldText.join(subfields, codes.facet), PNXText.namePunctuation),
            primary: PNXText.trimmingTrailing(SubfieldText.first(subfields, "a"), comma),
            vernacular: vernacular
        )
    }

    private mutating func readISBN(_ subfields: [MARCRecord.Subfield]) {
        let qualifiers = SubfieldText.all(subfields, "q")
        for isbn in SubfieldText.all(subfields, "a") {
            isbns.append(isbn)
            var identifier = "$$CISBN$$V" + isbn
            if !qualifiers.isEmpty {
                let joined = qualifiers.map { PNXText.trimmingLeading(PNXText.trimmingTrailing($0, Self.qualifierEnd), Self.qualifierStart) }
                identifier += " (" + joined.filter { !$0.isEmpty }.joined(separator: " : ") + ")"
            }
            identifiers.append(identifier)
        }
    }

    private mutating func readStandardNumber(_ indicator1: Character, _ subfields: [MARCRecord.Subfield]) {
        let label: String
        switch indicator1 {
        case "1": label = "UPC"
        case "2": label = "ISMN"
        case "7" where SubfieldText.first(subfields, "2").lowercased() == "doi": label = "DOI"
        default: return
        }
        for value in SubfieldText.all(subfields, "a") {
            identifiers.append("$$C" + label + "$$V" + value)
        }
    }

    private mutating func readImprint(
        _ tag: Int,
        _ indicator1: Character,
        _ indicator2: Character,
        _ subfields: [MARCRecord.Subfield],
        vernacular: Bool
    ) {
        var display = PNXText.removing(PNXText.brackets, from: SubfieldText.join(subfields, Self.publisherCodes))
        display = PNXText.trimmingTrailing(display, PNXText.headingPunctuation)
        let materials = SubfieldText.first(subfields, "3")
        if !materials.isEmpty, !display.isEmpty {
            display = PNXText.trimmingTrailing(materials, Self.colon) + ": " + display
        }
        imprints.append(
            Imprint(
                tag: tag,
                indicator2: indicator2,
                places: SubfieldText.all(subfields, "a"),
                publishers: SubfieldText.all(subfields, "b"),
                dates: SubfieldText.all(subfields, "c"),
                display: display,
                vernacular: vernacular
            )
        )
    }

    private mutating func readSeries(_ tag: Int, _ indicator1: Character, _ subfields: [MARCRecord.Subfield]) {
        let titleCodes: ASCIISet
        switch tag {
        case 490:
            // A traced series (ind1 1) is displayed from its 8XX added entry.
            guard indicator1 != "1" else {
                series.append(Series(display: "", title: PNXText.trimmingTrailing(SubfieldText.first(subfields, "a"), PNXText.namePunctuation)))
                return
            }
            titleCodes = Self.subfieldA
        case 440: titleCodes = Self.subfieldA
        case 830: titleCodes = Self.subfieldsAT
        default:
            guard subfields.contains(where: { $0.code == "t" }) else { return }
            titleCodes = Self.subfieldT
        }
        let statement = PNXText.trimmingTrailing(SubfieldText.joinNonNumeric(subfields), PNXText.headingPunctuation)
        let title = PNXText.trimmingTrailing(SubfieldText.join(subfields, titleCodes), PNXText.namePunctuation)
        guard !statement.isEmpty else { return }
        series.append(Series(display: title.isEmpty ? statement : statement + "$$Q" + title, title: title))
        for issn in SubfieldText.all(subfields, "x") { issns.append(issn) }
    }

    private mutating func readSubject(_ subfields: [MARCRecord.Subfield]) {
        let main = PNXText.trimmingTrailing(
            SubfieldText.joinNonNumeric(subfields, excluding: Self.subdivisionCodes),
            PNXText.subjectPunctuation
        )
        var subdivisions: [(code: Character, value: String)] = []
        for subfield in subfields where Self.subdivisionCodes.contains(subfield.code) {
            let value = PNXText.trimmingTrailing(subfield.value, PNXText.subjectPunctuation)
            if !value.isEmpty { subdivisions.append((subfield.code, value)) }
        }
        guard !main.isEmpty || !subdivisions.isEmpty else { return }
        subjects.append(Subject(main: main, subdivisions: subdivisions))
    }

    private mutating func readHostItem(_ subfields: [MARCRecord.Subfield]) {
        let display = PNXText.trimmingTrailing(SubfieldText.join(subfields, Self.hostItemCodes), PNXText.headingPunctuation)
        let title = PNXText.trimmingTrailing(SubfieldText.first(subfields, "t"), PNXText.namePunctuation)
        if !display.isEmpty { hostItems.append(HostItem(display: display, title: title)) }
        for issn in SubfieldText.all(subfields, "x") { issns.append(issn) }
    }

    private mutating func readRelation(_ tag: Int, _ subfields: [MARCRecord.Subfield]) {
        if tag == 776 {
            for issn in SubfieldText.all(subfields, "x") { issns.append(issn) }
        }
        let title = PNXText.trimmingTrailing(SubfieldText.first(subfields, "t"), PNXText.headingPunctuation)
        guard !title.isEmpty, let relation = Self.relationCodes[tag] else { return }
        relations.append("$$C" + relation + "$$V" + title)
        relatedTitles.appendNonEmpty(title)
    }

    /// The `$$C` codes of the linking entries. `edition` (775) is recorded (PRIMO.md §4, KB);
    /// the others follow the MARC 21 field names [unverified].
    private static let relationCodes: [Int: String] = [
        760: "main_series", 762: "subseries", 765: "original_language", 767: "translation",
        770: "supplement", 772: "supplement_parent", 773: "host_item", 774: "constituent_unit",
        775: "edition", 776: "additional_physical_form", 777: "issued_with", 780: "preceding_entry",
        785: "succeeding_entry", 786: "data_source", 787: "related_item",
    ]

    private mutating func readLink(_ indicator2: Character, _ subfields: [MARCRecord.Subfield]) {
        let url = SubfieldText.first(subfields, "u")
        guard !url.isEmpty else { return }
        var label = SubfieldText.first(subfields, "y")
        if label.isEmpty { label = SubfieldText.first(subfields, "z") }
        if label.isEmpty { label = SubfieldText.first(subfields, "3") }
        links.append(Link(url: url, label: label, indicator2: indicator2))
    }
}
