// Holdings and items embedded in the bibliographic record, as the importer reads them:
// `852` per holding, `876` per item linked by `$8`; `856` for what is online.

import LecternCore
import LecternMARC

extension DemoCatalogueBuilder {
    /// A shelf: library and location codes from ``DemoCampus``.
    typealias Shelf = (library: String, location: String)

    /// `852` holdings, `856` links and `876` items, in tag order; only an `856` for what the
    /// library has online only.
    mutating func appendHoldings() {
        if kind.isElectronicOnly {
            appendLink(
                first: "40",
                url: electronicAddress(),
                note: kind == .dataset ? "Download from the research data repository." : "Available online."
            )
            return
        }
        var shelves = [primaryShelf()]
        let canBeShared = [Kind.book, .multivolume, .serial, .score].contains(kind) && year >= 1900
        if canBeShared, let other = subject.alsoHeldIn, other != shelves[0].library, random.chance(12) {
            shelves.append((other, "STACKS"))
        }
        for (number, shelf) in shelves.enumerated() {
            let subfields = [
                Subfield("8", String(number + 1)), Subfield("b", shelf.library), Subfield("c", shelf.location), Subfield("h", classNumber),
                Subfield("i", itemPart ?? ""),
            ]
            append("852", "0", " ", subfields)
        }
        if kind == .book && random.chance(4) {
            append("856", "4", "2", [Subfield("3", "Table of contents only"), Subfield("u", "https://toc.example.org/" + systemPath() + ".html")])
        }
        var ordinal = 0
        for (number, shelf) in shelves.enumerated() {
            for item in items(on: shelf, first: number == 0) {
                var subfields = [Subfield("8", String(number + 1))]
                if let description = item.description { subfields.append(Subfield("3", description)) }
                subfields += [
                    Subfield("p", catalogue.barcode(index, item: ordinal)), Subfield("t", String(item.copy)), Subfield("w", materialType),
                ]
                if let note = publicNote(on: shelf) { subfields.append(Subfield("z", note)) }
                if random.chance(4) { subfields.append(Subfield("x", random.pick(Vocabulary.internalNotes))) }
                append("876", " ", " ", subfields)
                ordinal += 1
            }
        }
    }

    mutating func appendLink(first indicators: String, url: String, note: String) {
        append("856", indicators.first!, indicators.last!, [Subfield("u", url), Subfield("z", note)])
    }

    /// Where the record's first holding stands: media, maps, journals and rare books in their
    /// own locations; otherwise the subject's library.
    mutating func primaryShelf() -> Shelf {
        switch kind {
        case .map: return ("SCI", "MAPS")
        case .manuscript: return ("MAIN", "SPECIAL")
        case .video, .musicRecording, .spokenWord: return ("MAIN", "MEDIA")
        case .serial:
            switch subject.library {
            case "SCI": return ("SCI", "JOURNALS")
            case "MED": return ("MED", "STACKS")
            default: return ("MAIN", "PERIODICAL")
            }
        default:
            if year < 1900 { return ("MAIN", "SPECIAL") }
            switch subject.library {
            case "SCI": return ("SCI", "STACKS")
            case "MED": return random.chance(12) ? ("MED", "RESERVE") : ("MED", "STACKS")
            default:
                if isReference && random.chance(70) { return ("MAIN", "REF") }
                return random.chance(7) ? ("MAIN", "RESERVES") : ("MAIN", "STACKS")
            }
        }
    }

    /// The items of one holding: volumes of a set, issues of a journal, or copies.
    mutating func items(on shelf: Shelf, first: Bool) -> [(description: String?, copy: Int)] {
        switch kind {
        case .multivolume:
            return (1...volumes).map { ("v." + String($0), 1) }
        case .serial:
            var result: [(description: String?, copy: Int)] = []
            var volumeYear = endYear ?? 2025
            for _ in 0..<int(1...4) where volumeYear >= year {
                result.append(("v." + String(volumeYear - year + 1) + " (" + String(volumeYear) + ")", 1))
                volumeYear -= int(1...3)
            }
            return result.isEmpty ? [("v.1 (" + String(year) + ")", 1)] : result
        default:
            let copies: Int
            if !first || shelf.location == "SPECIAL" || shelf.location == "MAPS" {
                copies = 1
            } else if shelf.location == "MEDIA" {
                copies = random.chance(80) ? 1 : 2
            } else {
                copies = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3][random.int(14)]
            }
            return (1...copies).map { (nil, $0) }
        }
    }

    /// The Alma physical material type of the items.
    var materialType: String {
        switch kind {
        case .serial: "ISSUE"
        case .score: "SCORE"
        case .musicRecording, .spokenWord: "CD"
        case .video: "DVD"
        case .map: "MAP"
        case .manuscript: "MANUSCRIPT"
        default: "BOOK"
        }
    }

    mutating func publicNote(on shelf: Shelf) -> String? {
        switch shelf.location {
        case "SPECIAL": return random.chance(60) ? "Use in the Special Collections reading room only." : nil
        case "RESERVES", "RESERVE": return random.chance(50) ? "2-hour loan." : nil
        default: return materialType == "BOOK" && random.chance(4) ? random.pick(Vocabulary.itemNotes) : nil
        }
    }

    /// The address of an online resource: a DOI under the test prefix `10.5555`, or the data repository.
    func electronicAddress() -> String {
        kind == .dataset ? "https://data.example.org/" + systemPath() : "https://doi.org/10.5555/" + systemPath(separator: ".")
    }

    /// `institution/number`, lower case, from the system number.
    func systemPath(separator: String = "/") -> String {
        catalogue.institution.lowercased() + separator + DemoCatalogueNumbers.padded(index + 1, width: 9)
    }
}
