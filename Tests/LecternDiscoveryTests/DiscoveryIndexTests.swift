import LecternDiscovery
import LecternMARC
import Testing

struct DiscoveryIndexTests {
    let index = DiscoveryIndex(
        PNXNormalizer(institution: "01LECTERN_INST").record(
            bib: TestRecords.defoe,
            mmsID: TestRecords.defoeMMS,
            holdings: TestRecords.defoeHoldings
        )
    )

    @Test func searchTextIsNormalizedPerQueryField() {
        #expect(index.searchText["title"] == "the life and strange surprizing adventures of robinson crusoe of york mariner\npenguin classics")
        #expect(index.searchText["creator"]?.contains("defoe daniel 1661 1731") == true)
        #expect(index.searchText["creator"]?.contains("daniel defoe") == true)
        #expect(index.searchText["sub"]?.split(separator: "\n").first == "castaways fiction")
        #expect(index.searchText["isbn"] == "9780141439822\n0141439823")
        #expect(index.searchText["lang"] == "eng")
        #expect(index.searchText["rtype"] == "books")
        #expect(index.searchText["rid"] == "alma991234567890123")
        #expect(index.searchText["toc"] == "introduction robinson crusoe notes")
        #expect(index.searchText["usertag"] == nil)
    }

    @Test func anyHoldsEverythingSearchableButCodes() throws {
        let any = try #require(index.searchText["any"])
        for field in ["title", "creator", "sub", "desc", "general", "isbn", "rid", "addsrcrid"] {
            for value in index.searchText[field]!.split(separator: "\n") {
                #expect(any.contains(value), "any lacks \(field) value \(value)")
            }
        }
        #expect(!any.split(separator: "\n").contains("books"))
        #expect(!any.split(separator: "\n").contains("eng"))
    }

    @Test func exactTextHoldsWholeValuesAndTheSortTitle() {
        let titles = index.exactText["title"] ?? []
        #expect(titles.contains("the life and strange surprizing adventures of robinson crusoe of york mariner"))
        #expect(titles.contains { $0.hasPrefix("life and strange surprizing adventures") })
        #expect(index.exactText["creator"]?.contains("defoe daniel") == true)
    }

    @Test func facetsUseResponseNames() {
        #expect(index.facets["rtype"] == ["books"])
        #expect(index.facets["pfilter"] == ["books"])
        #expect(index.facets["lang"] == ["eng"])
        #expect(index.facets["creator"] == ["Defoe, Daniel", "Richetti, John J"])
        #expect(index.facets["tlevel"] == ["available", "online_resources"])
        #expect(index.facets["library"] == ["MAIN", "LAW"])
        #expect(index.facets["creationdate"] == ["2003"])
        #expect(index.facets["topic"]?.first == "Castaways\u{2013}Fiction")
        #expect(index.facets["rsrctype"] == nil)
    }

    @Test func sortKeys() {
        #expect(index.sort["title"]?.hasPrefix("life and strange surprizing") == true)
        #expect(index.sort["author"] == "defoe daniel 1661 1731")
        #expect(index.sort["date"] == "2003")
        let empty = DiscoveryIndex(PNXNormalizer(institution: "X").record(bib: .init(leader: ""), mmsID: "1"))
        #expect(empty.sort == ["title": "", "author": "", "date": ""])
    }
}
