import LecternDiscovery
import Testing

/// `q` as PRIMO.md §2 and the recorded traffic use it.
struct PrimoQueryTests {
    func parse(_ q: String) throws -> PrimoQuery {
        try PrimoQuery(parsing: q)
    }

    @Test func singleContainsClause() throws {
        let query = try parse("any,contains,popcorn")
        #expect(query.clauses.count == 1)
        #expect(query.clauses[0].field == "any")
        #expect(query.clauses[0].precision == .contains)
        #expect(query.clauses[0].value == "popcorn")
        #expect(query.clauses[0].terms == .word("popcorn"))
        #expect(query.root == .clause(query.clauses[0]))
    }

    @Test func recordedTrafficQuotesEachIDAndEndsEveryClauseWithOR() throws {
        // S:primo/primo_search_service.yml
        let query = try parse("any,contains,'pubmed_central5894087',OR;any,contains,'sage_s10_1177_0011392114556593',OR")
        #expect(query.clauses.count == 2)
        #expect(query.clauses[0].terms == .phrase(["pubmed", "central5894087"]))
        #expect(query.clauses[1].terms == .phrase(["sage", "s10", "1177", "0011392114556593"]))
        #expect(query.clauses.map(\.joiner) == [.or, .or])
        guard case .or(let nodes) = query.root else {
            Issue.record("not an OR: \(query.root)")
            return
        }
        #expect(nodes.count == 2)
    }

    @Test func exactTitleIsOnePhrase() throws {
        let query = try parse("title,exact,\"War and peace\"")
        #expect(query.clauses[0].precision == .exact)
        #expect(query.clauses[0].terms == .phrase(["war", "and", "peace"]))
        // Operators inside an exact value are words.
        #expect(try parse("title,exact,War AND peace").clauses[0].terms == .phrase(["war", "and", "peace"]))
    }

    @Test func beginsWithKeepsAPartialWord() throws {
        let query = try parse("creator,begins_with,Tolst")
        #expect(query.clauses[0].precision == .beginsWith)
        #expect(query.clauses[0].terms == .phrase(["tolst"]))
    }

    @Test func fieldsAndPrecisionsAreCaseInsensitive() throws {
        let query = try parse(" Title , EXACT , War")
        #expect(query.clauses[0].field == "title")
        #expect(query.clauses[0].precision == .exact)
        #expect(try parse("lsr07,contains,x").clauses[0].field == "lsr07")
    }

    @Test func operatorsInsideAValue() throws {
        #expect(try parse("any,contains,cats AND dogs").clauses[0].terms == .and([.word("cats"), .word("dogs")]))
        #expect(try parse("any,contains,cats dogs").clauses[0].terms == .and([.word("cats"), .word("dogs")]))
        #expect(try parse("any,contains,cats OR dogs").clauses[0].terms == .or([.word("cats"), .word("dogs")]))
        #expect(try parse("any,contains,cats NOT dogs").clauses[0].terms == .and([.word("cats"), .not(.word("dogs"))]))
        #expect(try parse("any,contains,NOT dogs").clauses[0].terms == .not(.word("dogs")))
        #expect(
            try parse("any,contains,a b OR c").clauses[0].terms == .or([.and([.word("a"), .word("b")]), .word("c")])
        )
        #expect(
            try parse("any,contains,(cats OR dogs) AND pets").clauses[0].terms
                == .and([.or([.word("cats"), .word("dogs")]), .word("pets")])
        )
    }

    @Test func lowercaseOperatorsAndStrayOperatorsAreWords() throws {
        #expect(try parse("title,contains,war and peace").clauses[0].terms == .and([.word("war"), .word("and"), .word("peace")]))
        #expect(try parse("title,contains,OR").clauses[0].terms == .word("or"))
        #expect(try parse("title,contains,AND peace").clauses[0].terms == .and([.word("and"), .word("peace")]))
        #expect(try parse("title,contains,peace NOT").clauses[0].terms == .and([.word("peace"), .word("not")]))
    }

    @Test func phrasesAndApostrophes() throws {
        #expect(
            try parse("any,contains,\"robinson crusoe\" defoe").clauses[0].terms
                == .and([.phrase(["robinson", "crusoe"]), .word("defoe")])
        )
        #expect(try parse("any,contains,'robinson crusoe'").clauses[0].terms == .phrase(["robinson", "crusoe"]))
        #expect(try parse("creator,contains,O'Brien").clauses[0].terms == .phrase(["o", "brien"]))
        #expect(try parse("title,contains,'Tis pity").clauses[0].terms == .and([.word("tis"), .word("pity")]))
    }

    @Test func prefixesAndCompoundWords() throws {
        #expect(try parse("any,contains,popul*").clauses[0].terms == .prefix("popul"))
        #expect(try parse("any,contains,e-mail").clauses[0].terms == .phrase(["e", "mail"]))
        #expect(try parse("any,contains,popcorn & butter").clauses[0].terms == .and([.word("popcorn"), .word("butter")]))
    }

    @Test func valuesMayContainCommasAndSemicolons() throws {
        let query = try parse("creator,contains,Tolstoy, Leo,AND;title,contains,Rome; a history")
        #expect(query.clauses.count == 2)
        #expect(query.clauses[0].value == "Tolstoy, Leo")
        #expect(query.clauses[0].joiner == .and)
        #expect(query.clauses[1].value == "Rome; a history")
    }

    @Test func clausesCombineLeftToRight() throws {
        let query = try parse("any,contains,a,OR;any,contains,b,AND;any,contains,c,NOT;any,contains,d")
        let (a, b, c, d) = (query.clauses[0], query.clauses[1], query.clauses[2], query.clauses[3])
        #expect(query.root == .and([.or([.clause(a), .clause(b)]), .clause(c), .not(.clause(d))]))
        // Without an operator, clauses are ANDed; the last clause's operator is ignored.
        let implicit = try parse("any,contains,a;title,contains,b,NOT")
        #expect(implicit.root == .and([.clause(implicit.clauses[0]), .clause(implicit.clauses[1])]))
    }

    @Test(arguments: [
        ("", "is empty"),
        ("   ", "is empty"),
        ("popcorn", "is not field,precision,value"),
        ("any,popcorn", "is not field,precision,value"),
        ("titel,contains,x", "unknown field \"titel\""),
        ("lsr00,contains,x", "unknown field"),
        ("any,includes,x", "unknown precision \"includes\""),
        ("any,contains,", "empty value"),
        ("any,contains, ,OR", "empty value"),
        ("any,contains,\"unclosed phrase", "unmatched \""),
        ("title,exact,\"War and peace", "unmatched \""),
        ("any,contains,(cats OR dogs", "unmatched ("),
        ("any,contains,cats)", "unmatched )"),
        ("any,contains,()", "empty parentheses"),
        ("any,contains,!!!", "no word"),
        ("any,contains,x;nope,contains,y", "unknown field \"nope\" in clause 2"),
    ])
    func malformedQueriesAreErrors(_ q: String, _ expected: String) {
        let error = #expect(throws: PrimoQueryError.self) { try PrimoQuery(parsing: q) }
        #expect(error?.parameter == "q")
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
    }

    @Test func limits() {
        let deep = "any,contains," + String(repeating: "(", count: 40) + "x" + String(repeating: ")", count: 40)
        #expect(throws: PrimoQueryError.self) { try PrimoQuery(parsing: deep) }
        let wide = "any,contains," + Array(repeating: "w", count: 500).joined(separator: " ")
        #expect(throws: PrimoQueryError.self) { try PrimoQuery(parsing: wide) }
        let long = "any,contains," + String(repeating: "x", count: PrimoQuery.maximumLength)
        #expect(throws: PrimoQueryError.self) { try PrimoQuery(parsing: long) }
        let many = Array(repeating: "any,contains,x", count: 101).joined(separator: ";")
        #expect(throws: PrimoQueryError.self) { try PrimoQuery(parsing: many) }
    }

    @Test func errorDescriptionNamesTheParameter() {
        let error = PrimoQueryError(parameter: "q", message: "unknown field")
        #expect(error.description == "q: unknown field")
    }
}
