import LecternDiscovery
import LecternMARC
import Testing

/// Field by field against PRIMO.md §4 and the recorded records it cites.
struct PNXNormalizerTests {
    let normalizer = PNXNormalizer(institution: "01LECTERN_INST")

    var defoe: PNXRecord {
        normalizer.record(bib: TestRecords.defoe, mmsID: TestRecords.defoeMMS, holdings: TestRecords.defoeHoldings)
    }

    @Test func controlIdentifiesTheAlmaRecord() {
        let control = defoe.control
        #expect(control.names == ["sourcerecordid", "recordid", "sourceid", "originalsourceid", "sourcesystem", "sourceformat"])
        #expect(control["sourcerecordid"] == ["991234567890123"])
        #expect(control["recordid"] == ["alma991234567890123"])
        #expect(control["sourceid"] == ["alma"])
        #expect(control["originalsourceid"] == ["(OCoLC)ocm53287839", "(UkLiDM)b12345"])
        #expect(control["sourcesystem"] == ["ILS"])
        #expect(control["sourceformat"] == ["MARC21"])
    }

    @Test func titleLosesTrailingSlashButKeepsInnerCommas() {
        #expect(defoe.display["title"] == ["The life and strange surprizing adventures of Robinson Crusoe, of York, mariner"])
        #expect(defoe.search["title"] == defoe.display["title"])
    }

    @Test func sortTitleDropsTheNonfilingArticleAndKeepsTheStatementOfResponsibility() {
        #expect(
            defoe.sort["title"] == [
                "life and strange surprizing adventures of Robinson Crusoe, of York, mariner / Daniel Defoe ; edited with an introduction by John Richetti."
            ]
        )
        #expect(defoe.sort["author"] == ["Defoe, Daniel, 1661?-1731"])
        #expect(defoe.sort["creationdate"] == ["2003"])
    }

    @Test func namesCarryTheirLinkingFormAfterQ() {
        #expect(defoe.display["creator"] == ["Defoe, Daniel, 1661?-1731, author.$$QDefoe, Daniel, 1661?-1731"])
        #expect(defoe.display["contributor"] == ["Richetti, John J., editor.$$QRichetti, John J."])
        #expect(defoe.facets["creatorcontrib"] == ["Defoe, Daniel", "Richetti, John J"])
        #expect(
            defoe.search["creatorcontrib"] == [
                "Defoe, Daniel, 1661?-1731", "Defoe, Daniel", "Daniel Defoe", "Defoe, D",
                "Richetti, John J.", "Richetti, John J", "John J Richetti", "Richetti, J",
            ]
        )
        #expect(defoe.search["creator"] == ["Defoe, Daniel, 1661?-1731"])
        #expect(defoe.search["contributor"] == ["Richetti, John J."])
    }

    @Test func publicationComesFromThe264OfPublicationNotTheCopyrightDate() {
        let display = defoe.display
        #expect(display["publisher"] == ["London : Penguin Books"])
        #expect(display["place"] == ["London :"])
        #expect(display["creationdate"] == ["2003"])
        #expect(display["edition"] == ["Penguin classics edition."])
        #expect(display["format"] == ["xl, 269 pages : illustrations ; 20 cm."])
    }

    @Test func publisherBracketsAreDeletedAndDateBracketsStripped() {
        let video = normalizer.record(bib: TestRecords.video, mmsID: "1")
        #expect(video.display["publisher"] == ["Paris : Films du Maïs"])
        #expect(video.display["place"] == ["[Paris] :"])
        #expect(video.display["creationdate"] == ["2010"])
        #expect(video.addata["pub"] == ["Films du Maïs"])
        #expect(video.addata["cop"] == ["Paris"])
        let tolstoy = normalizer.record(bib: TestRecords.tolstoy, mmsID: "2")
        #expect(tolstoy.display["creationdate"] == ["1983"])
        #expect(tolstoy.display["publisher"] == ["New York : Oxford University Press"])
    }

    @Test func identifiersCarryTheirLabel() {
        #expect(defoe.display["identifier"] == ["$$CISBN$$V9780141439822 (paperback)", "$$CISBN$$V0141439823"])
        #expect(defoe.search["isbn"] == ["9780141439822", "0141439823"])
        let article = normalizer.record(bib: TestRecords.article, mmsID: "3")
        #expect(article.search["issn"] == ["1234-5679"])
    }

    @Test func isbnsAreSearchableInBothForms() {
        let record = MARCRecord(leader: "00000cam a2200000 i 4500", fields: [field("020", "  ", ("a", "0-14-143982-3 (pbk.)"))])
        #expect(normalizer.record(bib: record, mmsID: "4").search["isbn"] == ["0141439823", "9780141439822"])
    }

    @Test func subjectsJoinSubdivisionsAndLoseTrailingFullStops() {
        #expect(
            defoe.display["subject"] == [
                "Castaways -- Fiction", "Survival -- Psychological aspects -- Fiction", "Islands -- Caribbean Area -- Fiction",
            ]
        )
        #expect(
            defoe.search["subject"] == [
                "Castaways Fiction", "Survival Psychological aspects Fiction", "Islands Caribbean Area Fiction", "Adventure fiction",
            ]
        )
        #expect(
            defoe.facets["topic"] == ["Castaways\u{2013}Fiction", "Survival\u{2013}Psychological aspects\u{2013}Fiction", "Islands\u{2013}Fiction"]
        )
        #expect(defoe.facets["genre"] == ["Adventure fiction", "Fiction"])
    }

    @Test func notesDescriptionAndContents() {
        #expect(defoe.display["description"] == ["A shipwrecked mariner survives for twenty-eight years on a desert island."])
        #expect(defoe.display["contents"] == ["Introduction -- Robinson Crusoe -- Notes."])
        #expect(defoe.search["description"] == defoe.display["description"] + defoe.display["contents"])
        #expect(
            defoe.search["general"] == [
                "Originally published: London : W. Taylor, 1719.", "Penguin Books", "Penguin classics edition.",
            ]
        )
    }

    @Test func languageComesFrom008And041() {
        #expect(defoe.display["language"] == ["eng"])
        #expect(defoe.facets["language"] == ["eng"])
        // 041 $h (original language) is not a language of the resource.
        #expect(normalizer.record(bib: TestRecords.tolstoy, mmsID: "2").display["language"] == ["eng"])
        let undetermined = MARCRecord(leader: "00000cam a2200000 i 4500", fields: [field("245", "00", ("a", "Untitled"))])
        #expect(normalizer.record(bib: undetermined, mmsID: "5").display["language"] == ["und"])
        let multilingual = MARCRecord(
            leader: "00000cam a2200000 i 4500",
            fields: [.control(tag: "008", value: fixed008([35: "ger"])), field("041", "0 ", ("a", "gerFRE"), ("b", "eng"))]
        )
        #expect(normalizer.record(bib: multilingual, mmsID: "6").display["language"] == ["ger", "fre", "eng"])
    }

    @Test func seriesRelationAndHostItem() {
        #expect(defoe.display["series"] == ["Penguin classics.$$QPenguin classics"])
        #expect(defoe.search["addtitle"] == ["Penguin classics"])
        #expect(defoe.addata["seriestitle"] == ["Penguin classics"])
        let article = normalizer.record(bib: TestRecords.article, mmsID: "3")
        #expect(article.display["ispartof"] == ["Journal of things. Vol. 3, no. 2 (2001), p. 5-10"])
        let related = MARCRecord(
            leader: "00000cam a2200000 i 4500",
            fields: [field("775", "08", ("i", "Original:"), ("t", "Robinson Crusoe /"), ("w", "(DLC)123"))]
        )
        #expect(normalizer.record(bib: related, mmsID: "7").display["relation"] == ["$$Cedition$$VRobinson Crusoe"])
    }

    @Test func facetsAreThePluralTypeAndTheHoldings() {
        let facets = defoe.facets
        #expect(facets["rsrctype"] == ["books"])
        #expect(facets["prefilter"] == ["books"])
        #expect(facets["creationdate"] == ["2003"])
        #expect(facets["library"] == ["MAIN", "LAW"])
        #expect(facets["collection"] == ["Stacks", "RES"])
        #expect(facets["toplevel"] == ["available", "online_resources"])
        #expect(facets["frbrtype"] == ["6"])
        #expect(defoe.display["type"] == ["book"])
    }

    @Test func noAvailableItemMeansNoAvailableTopLevel() {
        let holdings = [DiscoveryHolding(libraryCode: "MAIN", libraryName: "", locationCode: "S", locationName: "", availableItems: 0, totalItems: 3)]
        let record = normalizer.record(bib: TestRecords.tolstoy, mmsID: "2", holdings: holdings)
        #expect(record.facets["toplevel"] == [])
        #expect(record.delivery["delcategory"] == ["Alma-P"])
    }

    @Test func deliveryAndLinks() {
        #expect(defoe.delivery["delcategory"] == ["Alma-P", "Alma-E"])
        #expect(defoe.delivery["institution"] == ["01LECTERN_INST"])
        #expect(defoe.links["linktorsrc"] == ["$$Uhttps://example.org/crusoe$$DFull text"])
        let online = normalizer.record(bib: TestRecords.defoe, mmsID: TestRecords.defoeMMS)
        #expect(online.delivery["delcategory"] == ["Alma-E"])
        #expect(online.facets["toplevel"] == ["online_resources"])
        #expect(online.facets["library"] == [])
    }

    @Test func searchSectionIdentifiesAndDates() {
        let search = defoe.search
        #expect(search["recordid"] == ["alma991234567890123"])
        #expect(search["addsrcrecordid"] == ["991234567890123"])
        #expect(search["sourceid"] == ["alma"])
        #expect(search["rsrctype"] == ["books"])
        #expect(search["creationdate"] == ["2003"])
        #expect(search["startdate"] == ["20030101"])
        #expect(search["enddate"] == ["20031231"])
        #expect(search["scope"] == ["01LECTERN_INST", "MAIN", "LAW"])
    }

    @Test func dateRangesEndAtDate2() {
        let record = MARCRecord(leader: "00000cam a2200000 i 4500", fields: [.control(tag: "008", value: fixed008([6: "m", 7: "17441745"]))])
        let pnx = normalizer.record(bib: record, mmsID: "8")
        #expect(pnx.search["startdate"] == ["17440101"])
        #expect(pnx.search["enddate"] == ["17451231"])
        #expect(pnx.display["creationdate"] == ["1744"])
    }

    @Test func addataIsTheCitation() {
        let addata = defoe.addata
        #expect(addata["au"] == ["Defoe, Daniel"])
        #expect(addata["aulast"] == ["Defoe"])
        #expect(addata["aufirst"] == ["Daniel"])
        #expect(addata["auinit"] == ["D"])
        #expect(addata["addau"] == ["Richetti, John J"])
        #expect(addata["btitle"] == ["The life and strange surprizing adventures of Robinson Crusoe, of York, mariner"])
        #expect(addata["jtitle"] == [])
        #expect(addata["date"] == ["2003"])
        #expect(addata["risdate"] == ["2003"])
        #expect(addata["pub"] == ["Penguin Books"])
        #expect(addata["cop"] == ["London"])
        #expect(addata["isbn"] == ["9780141439822", "0141439823"])
        #expect(addata["oclcid"] == ["53287839"])
        #expect(addata["format"] == ["book"])
        #expect(addata["genre"] == ["book"])
        #expect(addata["ristype"] == ["BOOK"])
        #expect(addata["abstract"] == defoe.display["description"])
    }

    @Test func articlesCiteTheirJournal() {
        let addata = normalizer.record(bib: TestRecords.article, mmsID: "3").addata
        #expect(addata["atitle"] == ["Popcorn physics : a study."])
        #expect(addata["jtitle"] == ["Journal of things"])
        #expect(addata["issn"] == ["1234-5679"])
        #expect(addata["format"] == ["journal"])
        #expect(addata["genre"] == ["article"])
        #expect(addata["ristype"] == ["JOUR"])
    }

    @Test func vernacularFieldsAddValuesButNeverLead() {
        let pnx = normalizer.record(bib: TestRecords.tolstoy, mmsID: "2")
        #expect(pnx.display["title"] == ["War and peace", "Война и мир"])
        #expect(pnx.sort["title"] == ["War and peace / Leo Tolstoy ; translated by Louise and Aylmer Maude."])
        #expect(pnx.addata["btitle"] == ["War and peace"])
        #expect(pnx.display["creator"] == ["Tolstoy, Leo, graf, 1828-1910.$$QTolstoy, Leo, graf, 1828-1910."])
    }

    @Test func anEmptyRecordStillHasItsIdentity() {
        let pnx = normalizer.record(bib: MARCRecord(leader: ""), mmsID: "9")
        #expect(pnx.control["recordid"] == ["alma9"])
        #expect(pnx.display["type"] == ["other"])
        #expect(pnx.display["title"] == [])
        #expect(pnx.sort.names == [])
    }
}
