// Deciding what a record describes: kind, subject, language, dates, title and people.

import LecternCore
import LecternMARC

extension DemoCatalogueBuilder {
    /// Decides what the record describes, before any field is written.
    mutating func plan() {
        kind = pickKind()
        switch kind {
        case .book, .electronicBook, .multivolume: planBook()
        case .serial: planSerial()
        case .score, .musicRecording: planMusic()
        case .spokenWord: planSpokenWord()
        case .video: planVideo()
        case .map: planMap()
        case .manuscript: planManuscript()
        case .dataset: planDataset()
        }
        if classNumber.isEmpty {
            classNumber = topic.classNumber
            classHasCutter = topic.classHasCutter
        }
        if itemPart == nil {
            itemPart = (classHasCutter ? "" : ".") + mainCutter() + " " + String(year)
        }
        if headings.isEmpty {
            headings = [topic.heading] + otherTopics.map(\.heading) + extraHeadings
        }
    }

    mutating func pickKind() -> Kind {
        var roll = random.int(1000)
        for (kind, weight) in Kind.weights {
            if roll < weight { return kind }
            roll -= weight
        }
        return .book
    }

    mutating func pickSubject() {
        subject = Vocabulary.subjects[random.pick(Vocabulary.subjectWeights)]
        topic = random.pick(subject.topics)
    }

    /// A publication year no earlier than `earliest`, distributed as a university library's
    /// holdings are (``Vocabulary/yearBrackets``); for media that began in the 1980s or later,
    /// skewed to recent years.
    mutating func publicationYear(from earliest: Int) -> Int {
        if earliest >= 1980 {
            let uniform = Double(random.next() >> 11) * 0x1p-53
            return 2026 - Int(Double(2026 - earliest + 1) * uniform * uniform.squareRoot())
        }
        var roll = random.int(100)
        for bracket in Vocabulary.yearBrackets {
            if roll < bracket.percent { return max(earliest, bracket.years.lowerBound + random.int(bracket.years.count)) }
            roll -= bracket.percent
        }
        return 2026
    }

    /// Sets the year and, from it, whether the record was catalogued under RDA (with `264`) or
    /// AACR2 (with `260`).
    mutating func setYear(_ newYear: Int) {
        year = newYear
        isRDA = year >= 2013 || (year >= 1990 && random.chance(30))
    }

    /// `count` different people from `pool`.
    mutating func people(_ count: Int, from pool: [Vocabulary.Person]) -> [Vocabulary.Person] {
        var chosen: [Vocabulary.Person] = []
        while chosen.count < count {
            let person = random.pick(pool)
            if !chosen.contains(where: { $0.heading == person.heading }) { chosen.append(person) }
        }
        return chosen
    }

    /// Life dates for a heading ("1947-", "1901-1978"), for some people; fixed for historical ones.
    mutating func lifeDates(_ person: Vocabulary.Person, chance: Int = 25) -> String? {
        if let dates = person.dates { return dates }
        guard random.chance(chance) else { return nil }
        let birth = year - int(28...70)
        if birth < 1935 || (birth <= 1965 && random.chance(20)) {
            return String(birth) + "-" + String(min(birth + int(55...95), 2024))
        }
        return String(birth) + "-"
    }

    /// A topic of the same subject other than the main one and those chosen, if one is found.
    /// It is taken from near the main topic: the vocabulary lists related topics together.
    mutating func anotherTopic() -> Vocabulary.Topic? {
        let topics = subject.topics
        guard let position = topics.firstIndex(where: { $0.phrase == topic.phrase }) else { return nil }
        for _ in 0..<6 {
            let offset = int(1...3) * (random.chance(50) ? 1 : -1)
            let candidate = topics[(position + offset + topics.count) % topics.count]
            if !otherTopics.contains(where: { $0.phrase == candidate.phrase }) { return candidate }
        }
        return nil
    }

    /// Up to three further topics, for subject headings and summaries.
    mutating func planOtherTopics() {
        let wanted = [0, 0, 0, 1, 1, 1, 1, 2, 2, 3][random.int(10)]
        while otherTopics.count < wanted, let another = anotherTopic() {
            otherTopics.append(another)
        }
        if Vocabulary.regionalSubjects.contains(subject.name) && random.chance(20) {
            let aspect = random.pick(Vocabulary.placeAspects)
            extraHeadings.append(Vocabulary.Heading("@" + random.pick(Vocabulary.places).heading + "$x" + aspect))
        }
    }

    /// The Cutter of the main entry, or of the title's first word that files.
    func mainCutter() -> String {
        switch creator {
        case .person(let person, _, _): person.cutter
        case .body(let name, _): DemoCatalogueNumbers.cutter(String(Self.firstFilingWord(name)))
        case nil: DemoCatalogueNumbers.cutter(String(Self.firstFilingWord(title.main)))
        }
    }

    /// The first word of `text`, or the second after an English article.
    static func firstFilingWord(_ text: String) -> Substring {
        var rest = Substring(text)
        for article in ["The ", "A ", "An "] where rest.hasPrefix(article) && rest.count > article.count {
            rest = rest.dropFirst(article.count)
            break
        }
        return rest.prefix { $0 != " " }
    }

    // MARK: - Books

    mutating func planBook() {
        let foreign: Vocabulary.ForeignTopic?
        if kind == .electronicBook {
            language = Vocabulary.english
        } else {
            language = Vocabulary.languages[random.pick(Vocabulary.languageWeights)]
        }
        languageCode = language.code
        if language.topics.isEmpty {
            foreign = nil
            pickSubject()
        } else {
            let chosen = random.pick(language.topics)
            subject = Vocabulary.subjects[chosen.subject]
            topic = subject.topics[chosen.topic]
            foreign = chosen
        }
        setYear(publicationYear(from: kind == .electronicBook ? 1995 : 1850))
        if year < 1900 && foreign == nil {
            publisher = random.pick(Vocabulary.victorianPublishers)
        } else {
            publisher = random.pick(language.publishers)
        }
        dewey = topic.dewey
        pageCount = int(12...120) * 8
        if let foreign {
            planForeignTitle(foreign)
        } else if subject.name == "Literature" && kind == .book && random.chance(35) {
            planNovel()
        } else {
            planEnglishTitle()
        }
        guard !isFiction else { return }
        hasBibliography = random.chance(60)
        hasIndex = random.chance(55)
        isIllustrated = random.chance(subject.style == .science || subject.style == .clinical ? 60 : 35)
        if kind == .multivolume {
            volumes = int(2...4)
            if random.chance(50) { endYear = min(year + int(1...4), 2026) }
        } else if foreign == nil && random.chance(12) {
            let choice = [0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7][random.int(12)]
            edition = isRDA ? Vocabulary.editions[choice].rda : Vocabulary.editions[choice].aacr2
        }
        if year >= 1960 && random.chance(15) { series = (random.pick(subject.series), int(1...480)) }
        if isRDA && kind == .book && random.chance(15) { copyrightYear = year }
        if !isRDA && year >= 1960 && foreign == nil && random.chance(5) {
            let original = max(1850, year - int(5...60))
            originalYear = original
            notes.append(("500", " ", "Originally published: " + publisher.place + " : " + publisher.name + ", " + String(original) + "."))
        }
        if foreign == nil && translatedFrom == nil && random.chance(3) {
            parallelLanguage = Vocabulary.languages[int(1...5)]
        }
        if foreign != nil && random.chance(15) { hasEnglishSummary = true }
        planOtherTopics()
        if foreign == nil && random.chance(30) { planSummary() }
        isCopiedFromLC = foreign == nil && year >= 1970 && random.chance(30)
    }

    mutating func planEnglishTitle() {
        var main: String
        if random.chance(7), let second = anotherTopic() {
            otherTopics.append(second)
            main = topic.capitalized + " and " + second.phrase
        } else {
            let general = Vocabulary.generalPatterns
            let styled = Vocabulary.patterns(for: subject.style)
            let choice = random.int(general.count + styled.count)
            let pattern = choice < general.count ? general[choice] : styled[choice - general.count]
            main = pattern.apply(topic.phrase, capitalized: topic.capitalized)
            form = pattern.form
            isReference = pattern.isReference
            if random.chance(30) { main += random.pick(subject.contexts) }
        }
        title.main = main
        title.nonfiling = Self.nonfiling(main)
        var honouree: Vocabulary.Person?
        if random.chance(45) {
            if subject.style == .humanities && random.chance(8) {
                let person = random.pick(Vocabulary.authorsOfEnglishBooks)
                honouree = person
                isFestschrift = true
                title.remainder = "essays in honour of " + person.western
            } else {
                let general = Vocabulary.generalSubtitles
                let styled = Vocabulary.subtitles(for: subject.style)
                let choice = random.int(general.count + styled.count)
                title.remainder = choice < general.count ? general[choice] : styled[choice - general.count]
            }
        }
        planEnglishResponsibility(honouree: honouree)
    }

    /// Authors, editors or a corporate body, and the statement of responsibility naming them.
    mutating func planEnglishResponsibility(honouree: Vocabulary.Person?) {
        if random.chance(5) { translatedFrom = Vocabulary.languages[int(1...8)] }
        let roll = random.int(100)
        var statement: String
        if honouree != nil || (isReference && roll < 75) || (roll >= 60 && roll < 75) {
            let editors = people(int(1...3), from: Vocabulary.authorsOfEnglishBooks)
            contributors += editors.map { Contributor(person: $0, dates: nil, role: "editor") }
            statement = "edited by " + Self.joined(editors.map(\.western), conjunction: "and")
        } else if roll >= 75 && roll < 81 && !subject.bodies.isEmpty {
            let body = random.pick(subject.bodies)
            creator = .body(body, role: "author")
            statement = body
        } else {
            let count = roll < 45 ? 1 : roll < 55 ? 2 : roll < 60 ? 3 : 1
            let authors = people(count, from: translatedFrom?.people ?? Vocabulary.authorsOfEnglishBooks)
            creator = .person(authors[0], dates: lifeDates(authors[0]), role: "author")
            contributors += authors.dropFirst().map { Contributor(person: $0, dates: nil, role: "author") }
            statement = Self.joined(authors.map(\.western), conjunction: "and")
            if !isRDA { statement = "by " + statement }
        }
        if let honouree { contributors.append(Contributor(person: honouree, dates: nil, role: "honouree")) }
        if let translatedFrom {
            let translator = random.pick(Vocabulary.english.people)
            contributors.append(Contributor(person: translator, dates: nil, role: "translator"))
            statement += " ; translated from the " + translatedFrom.name + " by " + translator.western
            notes.append(("500", " ", "Translated from the " + translatedFrom.name + "."))
        }
        title.statement = statement
    }

    /// A title in another language, romanized with the original script kept for `880` where
    /// the script is not Latin.
    mutating func planForeignTitle(_ foreign: Vocabulary.ForeignTopic) {
        let choice = random.int(language.patterns.count)
        let original = Self.foreignTitle(language.patterns[choice], foreign.text, elides: language.elides)
        var remainderChoice: Int?
        if random.chance(language.code == "rus" ? 85 : 40) { remainderChoice = random.int(language.subtitles.count) }
        let authors = people(language.isRomanized || random.chance(80) ? 1 : 2, from: language.people)
        creator = .person(authors[0], dates: lifeDates(authors[0], chance: 15), role: "author")
        contributors += authors.dropFirst().map { Contributor(person: $0, dates: nil, role: "author") }
        if language.isRomanized {
            let romanized = language.romanizedPatterns[choice].apply(foreign.romanized, capitalized: foreign.romanized)
            title.main = Vocabulary.capitalized(romanized)
            title.remainder = remainderChoice.map { language.romanizedSubtitles[$0] }
            title.statement = authors[0].native + language.authorSuffix.romanized
            title.script = (original, remainderChoice.map { language.subtitles[$0] }, (authors[0].script ?? "") + language.authorSuffix.script)
        } else {
            title.main = Vocabulary.capitalized(original)
            title.remainder = remainderChoice.map { language.subtitles[$0] }
            title.statement = Self.joined(authors.map(\.native), conjunction: language.conjunction)
        }
    }

    /// `pattern` applied to `text`, with French elision ("Manuel d'algorithmique").
    static func foreignTitle(_ pattern: Vocabulary.Pattern, _ text: String, elides: Bool) -> String {
        if elides, pattern.prefix.hasSuffix(" de "), let first = text.first, "aeiouhéèêàâîôûœ".contains(first) {
            return pattern.prefix.dropLast(3) + "d'" + text + pattern.suffix
        }
        return pattern.apply(text, capitalized: Vocabulary.capitalized(text))
    }

    /// A novel: an invented title, one author, a PS call number with author and title Cutters.
    mutating func planNovel() {
        isFiction = true
        let adjective = random.pick(Vocabulary.fictionAdjectives)
        let noun = random.pick(Vocabulary.fictionNouns)
        let main: String
        switch random.int(7) {
        case 0, 1: main = "The " + adjective + " " + noun
        case 2: main = "A " + noun + " in " + random.pick(Vocabulary.fictionPlaces)
        case 3: main = "The " + noun + " of " + random.pick(Vocabulary.fictionPlaces)
        case 4: main = "The " + noun + " and the " + random.pick(Vocabulary.fictionNouns)
        case 5: main = "What the " + noun + " remembers"
        default: main = Vocabulary.capitalized(adjective) + " " + noun + "s"
        }
        title.main = main
        title.nonfiling = Self.nonfiling(main)
        if random.chance(30) { title.remainder = "a novel" }
        let author = random.pick(Vocabulary.authorsOfEnglishBooks)
        creator = .person(author, dates: lifeDates(author), role: "author")
        title.statement = isRDA ? author.western : "by " + author.western
        if year >= 1900 { publisher = random.pick(Vocabulary.fictionPublishers) }
        classNumber = "PS3" + String(552 + random.int(70)) + "." + author.cutter
        classHasCutter = true
        itemPart = DemoCatalogueNumbers.cutter(String(Self.firstFilingWord(main))) + " " + String(year)
        dewey = random.chance(60) ? "813.6" : "823.92"
        let themes = random.chance(50) ? 1 : 2
        for _ in 0..<themes {
            headings.append(Vocabulary.Heading(random.pick(Vocabulary.fictionThemes) + "$vFiction"))
        }
        genre = headings.first?.subfields.first?.value == "Detectives" ? "Detective and mystery fiction" : "Novels"
    }

    mutating func planSummary() {
        var text = "This " + (isReference ? "reference work" : kind == .multivolume ? "multi-volume work" : "book") + " "
        text += random.pick(Vocabulary.summaryVerbs) + " " + topic.phrase
        if let first = otherTopics.first {
            text += ", with chapters on " + first.phrase
            if otherTopics.count > 1 { text += " and " + otherTopics[1].phrase }
        }
        summary = text + ". It is written for " + random.pick(Vocabulary.audiences(for: subject.style)) + "."
    }
}
