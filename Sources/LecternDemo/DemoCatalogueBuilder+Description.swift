// The descriptive fields, 008 to 5XX, written from the plan in tag order.

import LecternCore
import LecternMARC

extension DemoCatalogueBuilder {
    /// `008`: date entered, publication dates, place, the material-specific positions 18-34,
    /// language and cataloguing source. Written into one buffer: it is made 100,000 times.
    mutating func appendFixedField() {
        let digits = DemoCatalogueNumbers.twoDigits
        var value = digits[min(max(year, 1995) + random.int(3), 2025) % 100]
        value.reserveCapacity(40)
        value += digits[int(1...12)]
        value += digits[int(1...28)]
        var dateType = "s"
        var secondDate = "    "
        switch kind {
        case .serial:
            dateType = endYear == nil ? "c" : "d"
            secondDate = endYear.map { String($0) } ?? "9999"
        case .multivolume, .manuscript:
            if let endYear {
                dateType = kind == .manuscript ? "i" : "m"
                secondDate = String(endYear)
            }
        default:
            if let originalYear {
                dateType = "r"
                secondDate = String(originalYear)
            } else if let copyrightYear {
                dateType = "t"
                secondDate = String(copyrightYear)
            }
        }
        value += dateType
        value += String(year)
        value += secondDate
        value += kind == .manuscript ? "xx " : publisher.country
        appendMaterialCodes(to: &value)
        value += languageCode
        value += isCopiedFromLC ? "  " : " d"  // not modified; LC or other cataloguing source
        fields.append(.control(tag: "008", value: value))
    }

    /// `008/18-34`, which differ by the kind of material: 17 characters.
    mutating func appendMaterialCodes(to value: inout String) {
        switch kind {
        case .book, .electronicBook, .multivolume, .manuscript:
            // 18-21 illustrations, 23 form of item, 24-27 nature of contents, 29 conference,
            // 30 festschrift, 31 index, 33 literary form.
            value += isIllustrated ? "a   " : "    "
            value += kind == .electronicBook ? " o" : "  "
            var nature = 0
            if hasBibliography {
                value += "b"
                nature += 1
            }
            if form == "Encyclopedias" || form == "Handbooks, manuals, etc." {
                value += form == "Encyclopedias" ? "e" : "f"
                nature += 1
            }
            value += nature == 0 ? "    " : nature == 1 ? "   " : "  "
            value += " 0"
            value += isFestschrift ? "1" : "0"
            value += hasIndex ? "1 " : "0 "
            value += isFiction ? "1 " : "0 "
        case .serial:
            // 18 frequency, 19 regularity, 21 type `p` (periodical), 29 conference, 34 successive entry.
            value += frequency.code
            value += "r p       0    0"
        case .map:
            // 18-21 relief, 25 type `a` (single map), 31 index.
            value += mapKind?.relief == true ? "a   " : "    "
            value += "   a     0   "
        case .score, .musicRecording, .spokenWord:
            // 18-19 form of composition, 20 format, 21 parts, 30-31 literary text, 33 transposition.
            let composition = musicForm?.code ?? "nn"
            value += composition
            value += kind == .score ? (["sy", "co", "ms"].contains(composition) ? "a" : "z") : "n"
            value += "n        "
            value += kind == .spokenWord ? "l " : "  "
            value += " n "
        case .video:
            // 18-20 running time, 33 type `v` (videorecording), 34 technique `l` (live action).
            value += DemoCatalogueNumbers.padded(min(minutes, 999), width: 3)
            value += "            vl"
        case .dataset:
            // 23 form of item `o` (online), 26 type of file `a` (numeric data).
            value += "     o  a        "
        }
    }

    /// `020` ISBNs (books since 1970), `022` ISSN, `028` publisher numbers, `034` map scale.
    mutating func appendStandardNumbers() {
        if kind == .book || kind == .multivolume || kind == .electronicBook, year >= 1970 {
            let group = random.pick(language.isbnGroups)
            let qualifier =
                kind == .electronicBook ? "electronic book" : kind == .multivolume ? "set" : isRDA ? "hardcover" : "(cloth)"
            append("020", " ", " ", [Subfield("a", isbn(group: group)), Subfield("q", qualifier)])
            if kind == .book && random.chance(35) {
                append("020", " ", " ", [Subfield("a", isbn(group: group)), Subfield("q", isRDA ? "paperback" : "(pbk.)")])
            }
        }
        if kind == .serial {
            append("022", "0", " ", [Subfield("a", DemoCatalogueNumbers.issn(random: &random))])
        }
        if let publisherNumber {
            append("028", kind == .score ? "3" : "0", "2", [Subfield("a", publisherNumber), Subfield("b", publisher.name)])
        }
        if let scale {
            append("034", "1", " ", [Subfield("a", "a"), Subfield("b", scale.denominator)])
        }
    }

    mutating func isbn(group: String) -> String {
        DemoCatalogueNumbers.isbn(group: group, registrant: publisher.registrant, random: &random)
    }

    /// `035` system numbers, `040` cataloguing source, `041` languages.
    mutating func appendSourceFields() {
        append("035", " ", " ", [Subfield("a", catalogue.systemNumber(index))])
        if kind != .manuscript && random.chance(50) {
            let number = DemoCatalogueNumbers.scrambled(index, salt: 0x0C1C) + 1_000_000
            append("035", " ", " ", [Subfield("a", "(OCoLC)" + String(number))])
        }
        let agency = isCopiedFromLC ? "DLC" : catalogue.institution
        var source = [Subfield("a", agency), Subfield("b", "eng")]
        if isRDA { source.append(Subfield("e", "rda")) }
        source.append(Subfield("c", agency))
        if isCopiedFromLC { source.append(Subfield("d", catalogue.institution)) }
        append("040", " ", " ", source)
        if let translatedFrom {
            append("041", "1", " ", [Subfield("a", languageCode), Subfield("h", translatedFrom.code)])
        } else if let parallelLanguage {
            append("041", "0", " ", [Subfield("a", languageCode), Subfield("a", parallelLanguage.code)])
        } else if hasEnglishSummary {
            append("041", "0", " ", [Subfield("a", languageCode), Subfield("b", "eng")])
        }
    }

    /// `050` LC call number (the same as the holdings' `852 $h $i`) and `082` Dewey.
    mutating func appendClassification() {
        let byLC: Character = isCopiedFromLC ? "0" : "4"
        append("050", isCopiedFromLC ? "0" : " ", byLC, [Subfield("a", classNumber), Subfield("b", itemPart ?? "")])
        if let dewey, year >= 1975, random.chance(65) {
            let edition = year >= 2011 ? "23" : year >= 2003 ? "22" : year >= 1996 ? "21" : "20"
            append("082", "0", byLC, [Subfield("a", dewey), Subfield("2", edition)])
        }
    }

    /// `100` or `110`, and `240` for music.
    mutating func appendMainEntry() {
        switch creator {
        case .person(let person, let dates, let role): append("100", "1", " ", Self.name(person, dates: dates, role: role))
        case .body(let name, let role): append("110", "2", " ", [Subfield("a", name + ","), Subfield("e", role + ".")])
        case nil: break
        }
        if let uniformTitle { append("240", "1", "0", uniformTitle) }
    }

    /// A personal name heading: "Smith, Jane, $d 1950- $e author."
    static func name(_ person: Vocabulary.Person, dates: String?, role: String) -> [Subfield] {
        guard let dates else { return [Subfield("a", person.heading + ","), Subfield("e", role + ".")] }
        return [Subfield("a", person.heading + ","), Subfield("d", dates.hasSuffix("-") ? dates : dates + ","), Subfield("e", role + ".")]
    }

    /// `245` with ISBD punctuation, linked to `880` when the title is romanized.
    mutating func appendTitle() {
        var subfields: [Subfield] = []
        if title.script != nil { subfields.append(Subfield("6", "880-01")) }
        subfields += Self.titleSubfields(title.main, dates: title.dates, remainder: title.remainder, statement: title.statement)
        append("245", creator == nil ? "0" : "1", Character(String(title.nonfiling)), subfields)
    }

    /// `$a` (`$f`) (`$b`) (`$c`), each ending with the mark that announces the next.
    static func titleSubfields(_ main: String, dates: String?, remainder: String?, statement: String?) -> [Subfield] {
        let next = dates != nil ? "," : remainder != nil ? " :" : statement != nil ? " /" : "."
        var result = [Subfield("a", ending(main, next))]
        if let dates { result.append(Subfield("f", ending(dates, statement != nil ? " /" : "."))) }
        if let remainder { result.append(Subfield("b", ending(remainder, statement != nil ? " /" : "."))) }
        if let statement { result.append(Subfield("c", ending(statement, "."))) }
        return result
    }

    /// `250` edition and `255` map scale.
    mutating func appendEditionAndScale() {
        if let edition { append("250", " ", " ", [Subfield("a", Self.ending(edition, "."))]) }
        if let scale { append("255", " ", " ", [Subfield("a", "Scale " + scale.display + ".")]) }
    }

    /// `264` (RDA) or `260` (AACR2); `264 _0` production date for manuscripts.
    mutating func appendPublication() {
        if kind == .manuscript {
            append("264", " ", "0", [Subfield("c", (title.dates ?? String(year)) + ".")])
            return
        }
        let date: String
        switch kind {
        case .serial: date = String(year) + "-" + (endYear.map { String($0) + "." } ?? "")
        case .multivolume: date = String(year) + (endYear.map { "-" + String($0) } ?? "") + "."
        default: date = isRDA && random.chance(15) ? "[" + String(year) + "]" : String(year) + "."
        }
        let subfields = [Subfield("a", publisher.place + " :"), Subfield("b", publisher.name + ","), Subfield("c", date)]
        if isRDA {
            append("264", " ", "1", subfields)
            if let copyrightYear { append("264", " ", "4", [Subfield("c", "©" + String(copyrightYear))]) }
        } else {
            append("260", " ", " ", subfields)
        }
    }

    /// `300` extent, `310` frequency, `336`-`338` content, media and carrier, `362` numbering.
    mutating func appendPhysicalDescription() {
        let (extent, details, dimensions) = extentParts()
        var subfields = [Subfield("a", extent + (details != nil ? " :" : dimensions != nil ? " ;" : ""))]
        if let details { subfields.append(Subfield("b", details + (dimensions != nil ? " ;" : ""))) }
        if let dimensions { subfields.append(Subfield("c", dimensions)) }
        append("300", " ", " ", subfields)
        if kind == .serial { append("310", " ", " ", [Subfield("a", frequency.name)]) }
        let types = rdaTypes
        append("336", " ", " ", [Subfield("a", types.content.0), Subfield("b", types.content.1), Subfield("2", "rdacontent")])
        append("337", " ", " ", [Subfield("a", types.media.0), Subfield("b", types.media.1), Subfield("2", "rdamedia")])
        append("338", " ", " ", [Subfield("a", types.carrier.0), Subfield("b", types.carrier.1), Subfield("2", "rdacarrier")])
        if kind == .serial {
            append("362", "1", " ", [Subfield("a", "Began with vol. 1, no. 1 (" + String(year) + ").")])
            if let endYear {
                append("362", "1", " ", [Subfield("a", "Ceased with vol. " + String(endYear - year + 1) + " (" + String(endYear) + ").")])
            }
        }
    }

    /// `300 $a`, `$b` and `$c`, fitting the kind of material.
    mutating func extentParts() -> (String, String?, String?) {
        let pages = isRDA ? " pages" : " p."
        switch kind {
        case .book, .electronicBook:
            let count = (random.chance(55) ? random.pick(Vocabulary.romanNumerals) + ", " : "") + String(pageCount) + pages
            let illustrations: String? =
                isIllustrated
                ? (isRDA ? random.pick(Vocabulary.illustrationTerms) : "ill.")
                : nil
            if kind == .electronicBook { return ("1 online resource (" + count + ")", illustrations, nil) }
            return (count, illustrations, String(int(20...31)) + " cm")
        case .multivolume:
            return (
                String(volumes) + (isRDA ? " volumes" : " v."), isIllustrated ? (isRDA ? "illustrations" : "ill.") : nil, String(int(23...30)) + " cm"
            )
        case .serial:
            return (isRDA ? "volumes" : "v.", isIllustrated ? (isRDA ? "illustrations" : "ill.") : nil, String(int(23...30)) + " cm")
        case .score:
            return ("1 score (" + String(int(8...60) * 2) + pages + ")", nil, String(int(28...33)) + " cm")
        case .musicRecording:
            return ("1 audio disc (" + String(minutes) + " min.)", "digital", "4 3/4 in.")
        case .spokenWord:
            return (String(volumes) + " audio discs (approximately " + String(minutes / 60) + " hr.)", "digital", "4 3/4 in.")
        case .video:
            return ("1 videodisc (" + String(minutes) + " min.)", "sound, color", "4 3/4 in.")
        case .map:
            let size = String(int(4...12) * 10) + " x " + String(int(4...12) * 10) + " cm"
            return (
                "1 map", random.chance(80) ? "color" : nil, size + (random.chance(40) ? ", folded to " + String(int(10...13) * 2) + " x 12 cm" : "")
            )
        case .manuscript:
            if isCollection { return ("1 box (0." + String(int(1...9)) + " linear feet)", nil, nil) }
            return ("1 volume (" + String(int(40...200)) + " leaves)", nil, String(int(15...22)) + " cm")
        case .dataset:
            return ("1 online resource (1 dataset)", nil, nil)
        }
    }

    /// The RDA content, media and carrier types (term, code).
    var rdaTypes: (content: (String, String), media: (String, String), carrier: (String, String)) {
        switch kind {
        case .book, .multivolume, .serial: (("text", "txt"), ("unmediated", "n"), ("volume", "nc"))
        case .electronicBook: (("text", "txt"), ("computer", "c"), ("online resource", "cr"))
        case .score: (("notated music", "ntm"), ("unmediated", "n"), ("volume", "nc"))
        case .musicRecording: (("performed music", "prm"), ("audio", "s"), ("audio disc", "sd"))
        case .spokenWord: (("spoken word", "spw"), ("audio", "s"), ("audio disc", "sd"))
        case .video: (("two-dimensional moving image", "tdi"), ("video", "v"), ("videodisc", "vd"))
        case .map: (("cartographic image", "cri"), ("unmediated", "n"), ("sheet", "nb"))
        case .manuscript: (("text", "txt"), ("unmediated", "n"), isCollection ? ("sheet", "nb") : ("volume", "nc"))
        case .dataset: (("computer dataset", "cod"), ("computer", "c"), ("online resource", "cr"))
        }
    }

    /// `490` series statement (traced in `830`).
    mutating func appendSeries() {
        if let series { append("490", "1", " ", [Subfield("a", series.title + " ;"), Subfield("v", String(series.number))]) }
    }

    /// The notes, `500` to `588`, in tag order.
    mutating func appendNotes() {
        var all = notes
        if hasBibliography {
            var text = "Includes bibliographical references"
            if random.chance(40) {
                let last = pageCount - int(2...10)
                text += " (" + (isRDA ? "pages " : "p. ") + String(last - int(8...30)) + "-" + String(last) + ")"
            }
            all.append(("504", " ", text + (hasIndex ? " and index." : ".")))
        } else if hasIndex {
            all.append(("500", " ", "Includes index."))
        }
        if let summary { all.append(("520", " ", summary)) }
        if let parallelLanguage { all.append(("546", " ", "Text in English and " + parallelLanguage.name + ".")) }
        if hasEnglishSummary { all.append(("546", " ", "Summaries in English.")) }
        if kind == .electronicBook {
            let viewed = String(int(1...28)) + ", " + String(min(year + int(0...3), 2026))
            all.append(("588", "0", "Online resource; title from PDF title page (viewed " + random.pick(Vocabulary.months) + " " + viewed + ")."))
        }
        // Sorting by tag alone; `sort` is stable, so notes with one tag keep their order.
        all.sort { $0.tag < $1.tag }
        for note in all {
            append(note.tag, note.indicator1, " ", [Subfield("a", note.text)])
        }
    }
}
