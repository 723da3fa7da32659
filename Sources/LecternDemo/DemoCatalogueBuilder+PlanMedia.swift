// Deciding what a record describes, for everything but books: journals, scores, recordings,
// films, maps, manuscripts and data sets.

import LecternCore
import LecternMARC

extension DemoCatalogueBuilder {
    mutating func planSerial() {
        pickSubject()
        setYear(min(publicationYear(from: 1850), 2020))
        if random.chance(25) { endYear = max(year + 1, min(year + int(5...40), 2024)) }
        let pattern = random.pick(Vocabulary.serialPatterns)
        title.main = pattern.apply(topic.phrase, capitalized: topic.capitalized)
        title.nonfiling = Self.nonfiling(title.main)
        if random.chance(15) { title.remainder = random.pick(Vocabulary.serialSubtitles) }
        publisher = random.pick(Vocabulary.english.publishers)
        if !subject.bodies.isEmpty && random.chance(35) { bodies.append((random.pick(subject.bodies), "issuing body")) }
        isIllustrated = random.chance(50)
        form = "Periodicals"
        dewey = topic.dewey
        frequency = random.pick(Vocabulary.frequencies)
        planOtherTopics()
    }

    /// A score or a recording of a composer's works.
    mutating func planMusic() {
        subject = Vocabulary.music
        let composer = random.pick(Vocabulary.composers)
        let work = random.pick(Vocabulary.musicForms)
        musicForm = work
        let born = Int(composer.dates!.prefix(4))!
        setYear(max(publicationYear(from: kind == .score ? 1850 : 1983), min(born + 25, 2026)))
        languageCode = work.plural == "Songs" ? "ger" : work.plural == "Masses" ? "lat" : "zxx"
        creator = .person(composer, dates: composer.dates, role: "composer")
        let lowerPlural = work.plural.prefix(1).lowercased() + work.plural.dropFirst()
        let forces = work.instrument.isEmpty ? "" : " for " + work.instrument
        let key = random.pick(Vocabulary.keys)
        let opus = "op. " + String(int(1...120))
        var uniform = [Subfield("a", work.plural)]
        if !work.instrument.isEmpty { uniform.append(Subfield("m", work.instrument)) }
        switch random.int(5) {
        case 0:
            title.main = work.plural + forces
        case 1:
            title.main = "Complete " + lowerPlural + forces
        case 2:
            title.main = "Selected " + lowerPlural + forces
            uniform.append(Subfield("k", "Selections"))
        case 3:
            let number = "no. " + String(int(1...12))
            title.main = work.singular + " " + number + " in " + key + ", " + opus
            uniform += [Subfield("n", number + ", " + opus), Subfield("r", key)]
        default:
            title.main = work.singular + " in " + key + ", " + opus
            uniform += [Subfield("n", opus), Subfield("r", key)]
        }
        uniformTitle = Self.punctuatedUniformTitle(uniform)
        var statement = composer.western
        if kind == .score {
            publisher = random.pick(Vocabulary.musicPublishers)
            publisherNumber = Self.numberPrefix(publisher.name, letters: 2) + " " + String(int(100...9999))
            if random.chance(40) {
                let editor = random.pick(Vocabulary.authorsOfEnglishBooks)
                contributors.append(Contributor(person: editor, dates: nil, role: "editor"))
                statement += " ; edited by " + editor.western
            }
            if random.chance(25) { edition = "Urtext edition" }
        } else {
            publisher = random.pick(Vocabulary.recordLabels)
            publisherNumber = Self.numberPrefix(publisher.name, letters: 3) + " " + String(int(10_000...99_999))
            var performers: [String] = []
            // Soloists for the instruments the work names: "violin and piano" is two players.
            for instrument in work.instrument.split(separator: " and ") {
                let soloist = random.pick(Vocabulary.authorsOfEnglishBooks)
                contributors.append(Contributor(person: soloist, dates: nil, role: "performer"))
                performers.append(
                    soloist.western + ", " + (instrument == "voice" ? random.pick(["soprano", "mezzo-soprano", "baritone"]) : instrument)
                )
            }
            if let choices = Vocabulary.ensembles[work.plural] {
                let ensemble = random.pick(choices)
                bodies.append((ensemble, "performer"))
                performers.append(ensemble)
            }
            if ["Symphonies", "Concertos", "Masses"].contains(work.plural) {
                let orchestra = random.pick(Vocabulary.orchestras)
                let conductor = random.pick(Vocabulary.authorsOfEnglishBooks)
                bodies.append((orchestra, "performer"))
                contributors.append(Contributor(person: conductor, dates: nil, role: "conductor"))
                performers += [orchestra, conductor.western + ", conductor"]
            }
            statement += " ; " + performers.joined(separator: " ; ")
            minutes = int(45...80)
            notes.append(("511", "0", performers.joined(separator: " ; ") + "."))
            let recorded = int(max(year - 30, 1955)...year)
            notes.append(
                (
                    "518", " ",
                    "Recorded " + String(int(1...28)) + " " + random.pick(Vocabulary.months) + " " + String(recorded) + ", "
                        + random.pick(Vocabulary.venues) + "."
                )
            )
            if random.chance(50) { notes.append(("500", " ", "Program notes in English, German and French inserted in container.")) }
        }
        title.statement = statement
        classNumber = work.classNumber
        classHasCutter = false
        dewey = work.dewey
        headings = [work.heading]
    }

    /// The first `letters` letters of a publisher's name in capitals, as labels prefix their numbers.
    static func numberPrefix(_ name: String, letters: Int) -> String {
        String(decoding: DemoCatalogueNumbers.folded(name).prefix(letters).map { $0 - 32 }, as: UTF8.self)
    }

    /// A uniform title's parts, each but the last followed by a comma, or by a full stop before `$k`.
    static func punctuatedUniformTitle(_ parts: [Subfield]) -> [Subfield] {
        var result = parts
        for index in result.indices.dropLast() {
            result[index].value += result[index + 1].code == "k" ? "." : ","
        }
        return result
    }

    mutating func planSpokenWord() {
        pickSubject()
        setYear(publicationYear(from: 1985))
        title.main = random.pick(Vocabulary.spokenPatterns).apply(topic.phrase, capitalized: topic.capitalized)
        title.nonfiling = Self.nonfiling(title.main)
        let speaker = random.pick(Vocabulary.authorsOfEnglishBooks)
        creator = .person(speaker, dates: nil, role: "speaker")
        title.statement = speaker.western
        publisher = random.pick(Vocabulary.audioPublishers)
        volumes = int(2...8)
        minutes = volumes * int(55...75)
        languageCode = "eng"
        genre = "Lectures"
        dewey = topic.dewey
        planOtherTopics()
    }

    /// A documentary on DVD.
    mutating func planVideo() {
        pickSubject()
        setYear(publicationYear(from: 1997))
        title.main = random.pick(Vocabulary.videoPatterns).apply(topic.phrase, capitalized: topic.capitalized)
        title.nonfiling = Self.nonfiling(title.main)
        publisher = random.pick(Vocabulary.videoPublishers)
        let crew = people(4, from: Vocabulary.authorsOfEnglishBooks)
        contributors.append(Contributor(person: crew[0], dates: nil, role: "director"))
        contributors.append(Contributor(person: crew[3], dates: nil, role: "narrator"))
        bodies.append((publisher.name, "production company"))
        title.statement = "directed by " + crew[0].western + " ; produced by " + publisher.name
        minutes = int(45...150)
        notes.append(("508", " ", "Director, " + crew[0].western + " ; editor, " + crew[1].western + " ; music, " + crew[2].western + "."))
        notes.append(("511", "0", "Narrator, " + crew[3].western + "."))
        notes.append(("538", " ", random.pick(Vocabulary.videoTechnicalNotes)))
        summary = "Documentary that explores " + topic.phrase + ", with interviews with leading experts and archival footage."
        genre = "Documentary films"
        dewey = topic.dewey
        planOtherTopics()
    }

    /// A sheet map: a place, a kind of map and a scale, with a G call number.
    mutating func planMap() {
        subject = Vocabulary.geography
        topic = subject.topics[2]
        let shown = random.pick(Vocabulary.places)
        let mapKind = random.pick(Vocabulary.mapKinds)
        place = shown
        self.mapKind = mapKind
        setYear(publicationYear(from: 1850))
        publisher = random.pick(Vocabulary.mapPublishers)
        title.main = mapKind.pattern.apply(shown.name, capitalized: Vocabulary.capitalized(shown.name))
        title.nonfiling = Self.nonfiling(title.main)
        title.statement = publisher.name
        bodies.append((publisher.name, "cartographer"))
        scale = random.pick(Vocabulary.scales)
        classNumber = "G" + String(shown.mapClass + (mapKind.subjectCode == nil ? 0 : 1)) + (mapKind.subjectCode ?? "") + " " + String(year)
        itemPart = "." + DemoCatalogueNumbers.cutter(String(Self.firstFilingWord(publisher.name)))
        headings = [Vocabulary.Heading("@" + shown.heading + "$vMaps")]
        if let heading = mapKind.heading { headings.append(Vocabulary.Heading(heading + "$z" + shown.heading + "$vMaps")) }
        genre = "Maps"
        if mapKind.relief { notes.append(("500", " ", "Relief shown by contours and spot heights.")) }
        if random.chance(40) { notes.append(("500", " ", "Includes index and inset maps.")) }
    }

    /// A diary, letters or papers of a person, held in Special Collections.
    mutating func planManuscript() {
        subject = random.chance(50) ? Vocabulary.history : Vocabulary.literature
        topic = random.pick(subject.topics)
        let entry = random.pick(Vocabulary.manuscriptTitles)
        let start = 1850 + random.int(110)
        let end = entry.isCollection ? start + random.int(30) : start
        year = start
        isRDA = true
        if end > start { endYear = end }
        isCollection = entry.isCollection
        let person = random.pick(Vocabulary.english.people)
        let birth = start - int(20...50)
        let death = min(max(end + int(0...20), birth + int(50...90)), 2010)
        let dates = String(birth) + "-" + String(death)
        creator = .person(person, dates: dates, role: "creator")
        var main = entry.title
        if entry.title == "Letters" && random.chance(40) { main += " to " + random.pick(Vocabulary.english.people).western }
        title.main = main
        title.dates = end > start ? String(start) + "-" + String(end) : String(start)
        headings = [Vocabulary.Heading("#" + person.heading + ",$d" + dates + "$v" + entry.subdivision), topic.heading]
        genre = entry.genre
        let surname = person.heading.prefix { $0 != "," }
        notes.append(("506", " ", "Access restricted; available in the Special Collections reading room."))
        notes.append(("520", " ", main + " of " + person.western + ", touching on " + topic.phrase + "."))
        notes.append(
            (
                "545", " ",
                person.western + " (" + dates + ") was a " + random.pick(Vocabulary.occupations) + " in " + random.pick(Vocabulary.fictionPlaces)
                    + "."
            )
        )
        notes.append(("561", " ", "Gift of the " + surname + " family, " + String(min(death + int(1...30), 2024)) + "."))
    }

    mutating func planDataset() {
        pickSubject()
        setYear(publicationYear(from: 1995))
        let first = year - int(2...15)
        let pattern = random.pick(Vocabulary.datasetPatterns)
        title.main = pattern.apply(topic.phrase, capitalized: topic.capitalized) + ", " + String(first) + "-" + String(year - 1)
        title.nonfiling = Self.nonfiling(title.main)
        publisher = random.pick(Vocabulary.dataPublishers)
        if !subject.bodies.isEmpty && random.chance(50) {
            let body = random.pick(subject.bodies)
            creator = .body(body, role: "author")
            title.statement = body
        } else {
            let authors = people(int(1...3), from: Vocabulary.authorsOfEnglishBooks)
            creator = .person(authors[0], dates: nil, role: "author")
            contributors += authors.dropFirst().map { Contributor(person: $0, dates: nil, role: "author") }
            title.statement = Self.joined(authors.map(\.western), conjunction: "and")
        }
        notes.append(("516", " ", "Numeric data (CSV files)."))
        summary = "Data collected between " + String(first) + " and " + String(year - 1) + " for research on " + topic.phrase + "."
        dewey = topic.dewey
        planOtherTopics()
    }
}
