import LecternDiscovery
import Testing

/// `qInclude`, `qExclude` and `multiFacets` (PRIMO.md §2).
struct PrimoFiltersTests {
    @Test func qIncludeFiltersAllApply() throws {
        let filters = try PrimoFilters(qInclude: "facet_rtype,exact,books|,|facet_topic,exact,Law, Economics")
        #expect(
            filters.required == [
                .init(facet: "rtype", values: [.term("books")]),
                .init(facet: "topic", values: [.term("Law, Economics")]),
            ]
        )
        #expect(filters.excluded == [])
    }

    @Test func creationDateRanges() throws {
        let filters = try PrimoFilters(qInclude: "facet_searchcreationdate,exact,[2005 TO 2013]")
        #expect(filters.required == [.init(facet: "creationdate", values: [.years(lower: 2005, upper: 2013)])])
        #expect(filters.matches(["creationdate": ["2010"]]))
        #expect(filters.matches(["creationdate": ["2013"]]))
        #expect(!filters.matches(["creationdate": ["2014"]]))
        #expect(!filters.matches([:]))
        let dates = try PrimoFilters(qInclude: "facet_searchcreationdate,exact,[20050101 TO 20131231]")
        #expect(dates.required[0].values == [.years(lower: 2005, upper: 2013)])
    }

    @Test func qExcludeRemoves() throws {
        let filters = try PrimoFilters(qExclude: "facet_lang,exact,ger|,|facet_tlevel,exact,online_resources")
        #expect(filters.excluded == [.init(facet: "lang", value: .term("ger")), .init(facet: "tlevel", value: .term("online_resources"))])
        #expect(filters.matches(["lang": ["eng"]]))
        #expect(!filters.matches(["lang": ["eng", "ger"]]))
    }

    @Test func multiFacetsAreOrWithinACategoryAndAndAcross() throws {
        let filters = try PrimoFilters(
            multiFacets: "facet_rtype,include,books|,|facet_rtype,include,articles|,|facet_lang,include,eng|,|facet_topic,exclude,Law"
        )
        #expect(
            filters.required == [
                .init(facet: "rtype", values: [.term("books"), .term("articles")]),
                .init(facet: "lang", values: [.term("eng")]),
            ]
        )
        #expect(filters.excluded == [.init(facet: "topic", value: .term("Law"))])
        #expect(filters.matches(["rtype": ["articles"], "lang": ["eng"]]))
        #expect(!filters.matches(["rtype": ["videos"], "lang": ["eng"]]))
        #expect(!filters.matches(["rtype": ["books"], "lang": ["fre"]]))
        #expect(!filters.matches(["rtype": ["books"], "lang": ["eng"], "topic": ["Law"]]))
    }

    @Test func allThreeTogether() throws {
        let filters = try PrimoFilters(
            qInclude: "facet_tlevel,exact,available",
            qExclude: "facet_library,exact,LAW",
            multiFacets: "facet_lang,include,eng|,|facet_lang,include,fre"
        )
        #expect(filters.required.count == 2)
        #expect(filters.excluded.count == 1)
        #expect(PrimoFilters().matches([:]))
        #expect(try PrimoFilters(qInclude: "", qExclude: nil, multiFacets: "  ") == PrimoFilters())
    }

    @Test(arguments: [
        ("qInclude", "rtype,exact,books", "does not start with facet_"),
        ("qInclude", "facet_colour,exact,red", "unknown facet category \"facet_colour\""),
        ("qInclude", "facet_rtype,contains,books", "is not exact"),
        ("qInclude", "facet_rtype,exact,", "empty value"),
        ("qInclude", "facet_rtype,exact", "is not facet_<category>"),
        ("qInclude", "facet_rtype,exact,books|,|", "is not facet_<category>"),
        ("qInclude", "facet_searchcreationdate,exact,2005", "not a range of years"),
        ("qInclude", "facet_searchcreationdate,exact,[2005 TO]", "not a range of years"),
        ("qInclude", "facet_searchcreationdate,exact,[2013 TO 2005]", "not a range of years"),
        ("qExclude", "facet_lang,include,eng", "is not exact"),
        ("multiFacets", "facet_lang,exact,eng", "is not include or exclude"),
    ])
    func malformedFiltersAreErrors(_ parameter: String, _ value: String, _ expected: String) {
        let error = #expect(throws: PrimoQueryError.self) {
            switch parameter {
            case "qInclude": try PrimoFilters(qInclude: value)
            case "qExclude": try PrimoFilters(qExclude: value)
            default: try PrimoFilters(multiFacets: value)
            }
        }
        #expect(error?.parameter == parameter)
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
    }

    @Test func facetNamesMapBetweenPNXResponseAndFilter() {
        #expect(PrimoFacetName.responseName(forPNXField: "rsrctype") == "rtype")
        #expect(PrimoFacetName.responseName(forPNXField: "language") == "lang")
        #expect(PrimoFacetName.responseName(forPNXField: "toplevel") == "tlevel")
        #expect(PrimoFacetName.responseName(forPNXField: "creatorcontrib") == "creator")
        #expect(PrimoFacetName.responseName(forPNXField: "frbrtype") == nil)
        #expect(PrimoFacetName.indexFacet(forFilterCategory: "searchcreationdate") == "creationdate")
        #expect(PrimoFacetName.indexFacet(forFilterCategory: "domain") == "domain")
        #expect(PrimoFacetName.indexFacet(forFilterCategory: "local12") == "local12")
        #expect(PrimoFacetName.indexFacet(forFilterCategory: "local+1") == nil)
        #expect(PrimoFacetName.indexFacet(forFilterCategory: "local51") == nil)
    }
}
