import LecternDiscovery
import Testing

/// The resource type table (``ResourceType``), one row per case.
struct ResourceTypeTests {
    struct Case: Sendable, CustomStringConvertible {
        var leader: String
        var fixed: [Int: String] = [:]
        var field007 = ""
        var thesis = false
        var code: String
        var plural: String
        var description: String { "\(leader) \(fixed) \(field007) → \(code)" }
    }

    static let cases: [Case] = [
        Case(leader: "00000nam a2200000 i 4500", code: "book", plural: "books"),
        Case(leader: "00000nac a2200000 i 4500", code: "book", plural: "books"),
        Case(leader: "00000naa a2200000 i 4500", code: "book_chapter", plural: "book_chapters"),
        Case(leader: "00000nas a2200000 i 4500", fixed: [21: "p"], code: "journal", plural: "journals"),
        Case(leader: "00000nas a2200000 i 4500", fixed: [21: "n"], code: "newspaper", plural: "newspapers"),
        Case(leader: "00000nab a2200000 i 4500", fixed: [21: "p"], code: "article", plural: "articles"),
        Case(leader: "00000nab a2200000 i 4500", fixed: [21: "n"], code: "newspaper_article", plural: "newspaper_articles"),
        Case(leader: "00000nai a2200000 i 4500", fixed: [21: "d"], code: "database", plural: "databases"),
        Case(leader: "00000nai a2200000 i 4500", fixed: [21: "w"], code: "website", plural: "websites"),
        Case(leader: "00000nai a2200000 i 4500", fixed: [21: "m"], code: "book", plural: "books"),
        Case(leader: "00000ncm a2200000 i 4500", code: "score", plural: "scores"),
        Case(leader: "00000nem a2200000 i 4500", code: "map", plural: "maps"),
        Case(leader: "00000ngm a2200000 i 4500", fixed: [33: "v"], code: "video", plural: "videos"),
        Case(leader: "00000ngm a2200000 i 4500", fixed: [33: "t"], code: "image", plural: "images"),
        Case(leader: "00000nkm a2200000 i 4500", fixed: [33: "i"], code: "image", plural: "images"),
        Case(leader: "00000nim a2200000 i 4500", code: "audio", plural: "audios"),
        Case(leader: "00000njm a2200000 i 4500", code: "audio", plural: "audios"),
        Case(leader: "00000nmm a2200000 i 4500", fixed: [26: "d"], code: "text_resource", plural: "text_resources"),
        Case(leader: "00000nmm a2200000 i 4500", fixed: [26: "b"], code: "other", plural: "other"),
        Case(leader: "00000ntm a2200000 i 4500", code: "manuscript", plural: "manuscripts"),
        Case(leader: "00000nam a2200000 i 4500", fixed: [29: "1"], code: "conference_proceeding", plural: "conference_proceedings"),
        Case(leader: "00000nam a2200000 i 4500", fixed: [24: "m"], code: "dissertation", plural: "dissertations"),
        Case(leader: "00000nam a2200000 i 4500", thesis: true, code: "dissertation", plural: "dissertations"),
        Case(leader: "00000nom a2200000 i 4500", code: "kit", plural: "kits"),
        Case(leader: "00000npc a2200000 i 4500", code: "collection", plural: "collections"),
        Case(leader: "00000npm a2200000 i 4500", code: "archival_material", plural: "archival_materials"),
        Case(leader: "00000nrm a2200000 i 4500", code: "realia", plural: "realia"),
        Case(leader: "00000nam a2200000 i 4500", field007: "cr", code: "book", plural: "books"),
        Case(leader: "00000nzm a2200000 i 4500", field007: "vd", code: "video", plural: "videos"),
        Case(leader: "00000nzm a2200000 i 4500", field007: "sd", code: "audio", plural: "audios"),
        Case(leader: "00000nzm a2200000 i 4500", code: "other", plural: "other"),
        Case(leader: "", code: "other", plural: "other"),
    ]

    @Test(arguments: cases) func table(_ row: Case) {
        let type = ResourceType(leader: row.leader, field008: fixed008(row.fixed), field007: row.field007, hasDissertationNote: row.thesis)
        #expect(type.code == row.code)
        #expect(type.plural == row.plural)
    }

    @Test func audioAndVideoPrefilterTogether() {
        let video = ResourceType(leader: "00000ngm a2200000 i 4500", field008: fixed008([33: "v"]), field007: "", hasDissertationNote: false)
        #expect(video.prefilter == "audio_video")
        #expect(video.risType == "VIDEO")
        let book = ResourceType(leader: "00000nam a2200000 i 4500", field008: "", field007: "", hasDissertationNote: false)
        #expect(book.prefilter == "books")
        #expect(book.citationFormat == "book")
        #expect(book.citationGenre == "book")
        #expect(!book.isSerial)
    }
}
