import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// `/primo/v1/search` over HTTP, fed live by writes through the Alma API. Fixture titles use
/// invented words so that the demo catalogue never matches them.
struct PrimoSearchTests {
    @Test func aBibIsSearchableAsSoonAsItsWriteReturnsAndFollowsUpdatesAndDeletes() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            // The discovery entry is written in the bib's own transaction: the very first search
            // after the write returns finds it, with no waiting or retrying.
            let mmsID = try await client.create(CatalogFixture(title: "Zorbulent tides"), key: key)
            let found = try SearchResult(try await client.search("q=any,contains,zorbulent", key: key))
            #expect(found.mmsIDs == [mmsID])

            let renamed = CatalogFixture(title: "Quandrive harbours").xml
            let updated = try await client.send(.put, "/almaws/v1/bibs/\(mmsID)", key: key, headers: [.contentType: "application/xml"], body: renamed)
            #expect(updated.status == 200)
            let old = try SearchResult(try await client.search("q=title,contains,zorbulent", key: key))
            #expect(old.total == 0)
            let new = try SearchResult(try await client.search("q=title,contains,quandrive", key: key))
            #expect(new.mmsIDs == [mmsID])

            let deleted = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)?override=true", key: key)
            #expect(deleted.status == 204)
            let gone = try SearchResult(try await client.search("q=any,contains,quandrive", key: key))
            #expect(gone.total == 0)
            let record = try await client.send(.get, "/primo/v1/pnxs/L/alma\(mmsID)", key: key)
            #expect(record.status == 400)
            #expect(try Wire.xml(record.body).text("errorCode") == "RECORD_NOT_FOUND")
        }
    }

    @Test func precisionsOperatorsAndPhrases() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let exact = try await client.create(CatalogFixture(title: "Velmora and Tessik", author: "Brandl, Oskar"), key: key)
            let reversed = try await client.create(CatalogFixture(title: "Tessik, a study of Velmora", author: "Quist, Anna"), key: key)
            let subject = try await client.create(CatalogFixture(title: "Harbour notes", subjects: ["Velmora"]), key: key)

            let contains = try SearchResult(try await client.search("q=any,contains,\(encoded("velmora tessik"))", key: key))
            #expect(Set(contains.mmsIDs) == [exact, reversed])
            let phrase = try SearchResult(try await client.search("q=any,contains,\(encoded("\"velmora and tessik\""))", key: key))
            #expect(phrase.mmsIDs == [exact])
            let whole = try SearchResult(try await client.search("q=title,exact,\(encoded("Velmora and Tessik"))", key: key))
            #expect(whole.mmsIDs == [exact])
            let begins = try SearchResult(try await client.search("q=title,begins_with,tessik", key: key))
            #expect(begins.mmsIDs == [reversed])
            let creator = try SearchResult(try await client.search("q=creator,contains,quist", key: key))
            #expect(creator.mmsIDs == [reversed])
            let inSubject = try SearchResult(try await client.search("q=sub,contains,velmora", key: key))
            #expect(inSubject.mmsIDs == [subject])
            let negated = try SearchResult(try await client.search("q=any,contains,\(encoded("velmora NOT tessik"))", key: key))
            #expect(negated.mmsIDs == [subject])
            let either = try SearchResult(try await client.search("q=creator,contains,brandl,OR;creator,contains,quist,OR", key: key))
            #expect(Set(either.mmsIDs) == [exact, reversed])
            let both = try SearchResult(try await client.search("q=any,contains,velmora,AND;any,contains,harbour", key: key))
            #expect(both.mmsIDs == [subject])
            let excluded = try SearchResult(try await client.search("q=any,contains,velmora,NOT;creator,contains,brandl", key: key))
            #expect(Set(excluded.mmsIDs) == [reversed, subject])

            // Ranking: the exact phrase in the title first, scattered words in the title next,
            // the subject-only match last.
            let ranked = try SearchResult(try await client.search("q=any,contains,velmora", key: key))
            #expect(ranked.mmsIDs.last == subject)
            let phraseFirst = try SearchResult(try await client.search("q=any,contains,\(encoded("velmora tessik"))", key: key))
            #expect(phraseFirst.mmsIDs.first == reversed || phraseFirst.mmsIDs.first == exact)

            // Stop words: left out among other words, searched when alone or in a phrase.
            let withStopWords = try SearchResult(try await client.search("q=any,contains,\(encoded("the study of velmora"))", key: key))
            #expect(withStopWords.mmsIDs == [reversed])
            // As forms and most client libraries encode a query: `+` for a space, `%2B` for a plus
            // (which joins the words around it, as any punctuation inside a word does).
            let plusForSpace = try SearchResult(try await client.search("q=any,contains,the+study+of+velmora", key: key))
            #expect(plusForSpace.mmsIDs == [reversed])
            let spaced = try SearchResult(try await client.search("q=any,contains,velmora+tessik", key: key))
            #expect(Set(spaced.mmsIDs) == [exact, reversed])
            let encodedPlus = try SearchResult(try await client.search("q=any,contains,velmora%2Btessik", key: key))
            #expect(encodedPlus.mmsIDs.isEmpty)
            let onlyStopWords = try SearchResult(
                try await client.search("q=title,contains,\(encoded("a of")),AND;any,contains,velmora", key: key)
            )
            #expect(onlyStopWords.mmsIDs == [reversed])
            let quoted = try SearchResult(try await client.search("q=any,contains,\(encoded("\"the study of velmora\""))", key: key))
            #expect(quoted.mmsIDs.isEmpty)
        }
    }

    @Test func facetsIncludeExcludeMultiAndDateRanges() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let book = try await client.create(CatalogFixture(title: "Ombrix river", subjects: ["Hydrology"], year: "1990"), key: key)
            let french = try await client.create(
                CatalogFixture(title: "Ombrix fleuve", subjects: ["Hydrology"], year: "2005", language: "fre", library: "SCI"),
                key: key
            )
            let score = try await client.create(CatalogFixture(title: "Ombrix suite", year: "2015", typeOfRecord: "c", library: "MED"), key: key)

            let all = try SearchResult(try await client.search("q=any,contains,ombrix", key: key))
            #expect(all.total == 3)
            #expect(all.facet("lang") == ["eng": 2, "fre": 1])
            #expect(all.facet("library") == ["MAIN": 1, "SCI": 1, "MED": 1])
            #expect(all.facet("topic")["Hydrology"] == 2)
            #expect(all.facet("creationdate") == ["1990": 1, "2005": 1, "2015": 1])

            let included = try SearchResult(try await client.search("q=any,contains,ombrix&qInclude=facet_lang,exact,fre", key: key))
            #expect(included.mmsIDs == [french])
            #expect(included.facet("lang") == ["fre": 1])
            let excluded = try SearchResult(try await client.search("q=any,contains,ombrix&qExclude=facet_topic,exact,Hydrology", key: key))
            #expect(excluded.mmsIDs == [score])
            let multi = try SearchResult(
                try await client.search(
                    "q=any,contains,ombrix&multiFacets=\(encoded("facet_library,include,MAIN|,|facet_library,include,MED"))",
                    key: key
                )
            )
            #expect(Set(multi.mmsIDs) == [book, score])
            let range = try SearchResult(
                try await client.search("q=any,contains,ombrix&qInclude=\(encoded("facet_searchcreationdate,exact,[2000 TO 2010]"))", key: key)
            )
            #expect(range.mmsIDs == [french])
            let library = try SearchResult(try await client.search("q=any,contains,ombrix", key: key, tab: "LibraryCatalog", scope: "SCI"))
            #expect(library.mmsIDs == [french])
        }
    }

    @Test func sortOrdersAndPagingEdges() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let b = try await client.create(CatalogFixture(title: "Brelloq beta", author: "Zed, Ann", year: "1950"), key: key)
            let a = try await client.create(CatalogFixture(title: "The Brelloq alpha", author: "Moe, Bo", year: "2020"), key: key)
            let c = try await client.create(CatalogFixture(title: "Brelloq gamma", author: "Abe, Cy", year: "1980"), key: key)
            let byTitle = try SearchResult(try await client.search("q=any,contains,brelloq&sort=title", key: key))
            #expect(byTitle.mmsIDs == [a, b, c])
            let byAuthor = try SearchResult(try await client.search("q=any,contains,brelloq&sort=author", key: key))
            #expect(byAuthor.mmsIDs == [c, a, b])
            let newest = try SearchResult(try await client.search("q=any,contains,brelloq&sort=date", key: key))
            #expect(newest.mmsIDs == [a, c, b])
            let oldest = try SearchResult(try await client.search("q=any,contains,brelloq&sort=date_a", key: key))
            #expect(oldest.mmsIDs == [b, c, a])
            let paged = try SearchResult(try await client.search("q=any,contains,brelloq&sort=date_a&offset=1&limit=1", key: key))
            #expect(paged.mmsIDs == [c])
            #expect(paged.info["first"] as? Int == 2)
            #expect(paged.info["last"] as? Int == 2)
            #expect(paged.total == 3)

            // The demo catalogue has thousands of records: no more than 2,000 are reachable.
            let everything = try SearchResult(try await client.search("q=any,contains,*&offset=1990&limit=50", key: key))
            #expect(everything.total > 2000)
            #expect(everything.docs.count == 10)
            #expect(everything.info["last"] as? Int == 2000)
            let beyond = try SearchResult(try await client.search("q=any,contains,*&offset=2000&limit=10", key: key))
            #expect(beyond.docs.isEmpty)
            let tooFar = try await client.search("q=any,contains,*&offset=5001", key: key)
            #expect(tooFar.status == 400)
        }
    }

    @Test func refusalsOfViewsQueriesAndMethods() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            for (answer, code) in [
                (try await client.search("q=any,contains,x", key: key, vid: "DEMO:NOPE"), "INVALID_VID"),
                (try await client.search("q=any,contains,x", key: key, tab: "Nope"), "INVALID_TAB"),
                (try await client.search("q=any,contains,x", key: key, scope: "Nope"), "INVALID_SCOPE"),
                (try await client.search("q=any,fuzzy,x", key: key), "INVALID_QUERY"),
                (try await client.search("q=nofield,contains,x", key: key), "INVALID_QUERY"),
                (try await client.search("q=any,contains,\(encoded("\"unbalanced"))", key: key), "INVALID_QUERY"),
                (try await client.search("q=any,contains,x&qInclude=facet_rtype,fuzzy,books", key: key), "INVALID_QUERY"),
                (try await client.search("q=any,contains,x&sort=colour", key: key), "INVALID_PARAMETER"),
                (try await client.search("", key: key), "INVALID_PARAMETER"),
            ] {
                #expect(answer.status == 400, "\(code)")
                #expect(try Wire.xml(answer.body).text("errorCode") == code)
            }
            let post = try await client.send(.post, "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,x", key: key)
            #expect(post.status == 400)
            let answer = try await client.search("q=any,contains,x", key: key)
            #expect(answer.headers[.contentType] == "application/json;charset=UTF-8")
            #expect(answer.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == "*")
        }
    }

    @Test func oneInstitutionNeverSeesOrCountsAnothersRecordsAndSuppressedRecordsAreHidden() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let other = try await client.create(CatalogFixture(title: "Pellucrane secrets", library: nil), key: lectern.otherKey)
            let seenByOther = try SearchResult(try await client.search("q=any,contains,pellucrane", key: lectern.otherKey, vid: "OTHER:DEFAULT"))
            #expect(seenByOther.mmsIDs == [other])
            let seenByDemo = try SearchResult(try await client.search("q=any,contains,pellucrane", key: lectern.sandboxKey))
            #expect(seenByDemo.total == 0)
            #expect(seenByDemo.facet("rtype").isEmpty)
            let foreignView = try await client.search("q=any,contains,pellucrane", key: lectern.sandboxKey, vid: "OTHER:DEFAULT")
            #expect(try Wire.xml(foreignView.body).text("errorCode") == "INVALID_VID")
            let record = try await client.send(.get, "/primo/v1/search/L/alma\(other)?vid=DEMO:DEFAULT", key: lectern.sandboxKey)
            #expect(record.status == 400)

            let hidden = try await client.create(CatalogFixture(title: "Pellucrane hidden", suppressed: true), key: lectern.sandboxKey)
            let suppressed = try SearchResult(try await client.search("q=any,contains,pellucrane", key: lectern.sandboxKey))
            #expect(!suppressed.mmsIDs.contains(hidden))
        }
    }

    /// A search's delivery block: each holding's library and location by name, and whether an
    /// item is in place, as the catalogue has them when the search runs.
    @Test func searchesDeliverHoldingsByNameAndTheirItemsAvailability() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let mmsID = try await client.create(CatalogFixture(title: "Quillomantic survey"), key: key)
            let holdingID = try await client.firstHoldingID(of: mmsID, key: key)
            func delivery() async throws -> [String: Any] {
                let found = try SearchResult(try await client.search("q=any,contains,quillomantic", key: key))
                #expect(found.mmsIDs == [mmsID])
                return try #require(found.docs.first?["delivery"] as? [String: Any])
            }

            // A holding without items: check the holdings.
            #expect(try await delivery()["availability"] as? [String] == ["check_holdings"])

            let itemID = try await client.createItem("QUILL-1", bib: mmsID, holding: holdingID, key: key)
            let available = try await delivery()
            #expect(available["availability"] as? [String] == ["available_in_library"])
            let holding = try #require((available["holding"] as? [[String: Any]])?.first)
            #expect(holding["libraryCode"] as? String == "MAIN")
            #expect(holding["mainLocation"] as? String == "Main Library")
            #expect(holding["subLocationCode"] as? String == "STACKS")
            #expect(holding["subLocation"] as? String == "Main Stacks")
            #expect(holding["callNumber"] as? String == "QA76 .F1 2001")
            #expect(holding["availabilityStatus"] as? String == "available")

            // Scanned in at another library, the item is no longer in place.
            try await client.scanAtAnotherLibrary(itemID, bib: mmsID, holding: holdingID, key: key)
            let unavailable = try await delivery()
            #expect(unavailable["availability"] as? [String] == ["unavailable"])
            #expect(((unavailable["holding"] as? [[String: Any]])?.first)?["availabilityStatus"] as? String == "unavailable")
        }
    }

    @Test func oneRecordAnswersItsPNXAndDelivery() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let mmsID = try await client.create(CatalogFixture(title: "Glimmerance", subtitle: "a history", subjects: ["Light"]), key: key)
            for path in ["/primo/v1/search/L/alma\(mmsID)?vid=DEMO:DEFAULT&scope=MyInst_and_CI", "/primo/v1/pnxs/L/alma\(mmsID)"] {
                let answer = try await client.send(.get, path, key: key)
                #expect(answer.status == 200)
                let json = try Wire.json(answer.body)
                let pnx = try #require(json["pnx"] as? [String: Any])
                let display = try #require(pnx["display"] as? [String: Any])
                #expect(display["title"] as? [String] == ["Glimmerance : a history"])
                #expect((pnx["control"] as? [String: Any])?["recordid"] as? [String] == ["alma\(mmsID)"])
                let delivery = try #require(json["delivery"] as? [String: Any])
                #expect(delivery["deliveryCategory"] as? [String] == ["Alma-P"])
                #expect(json["context"] as? String == "L")
                #expect((json["@id"] as? String)?.hasSuffix("/primo/v1/pnxs/L/alma\(mmsID)") == true)
            }
        }
    }
}
