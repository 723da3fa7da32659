// Vocabulary for scores, recordings, films, maps, fiction, manuscripts and data sets.

extension DemoCatalogueVocabulary {
    /// A musical form with the instrument it is written for, its class number and heading.
    struct MusicForm: Sendable {
        let plural: String
        let singular: String
        /// "piano", "violin and piano"; empty when the form names its forces ("String quartets").
        let instrument: String
        let classNumber: String
        let dewey: String
        let heading: Heading
        /// `008/18-19`, form of composition.
        let code: String

        init(_ plural: String, _ singular: String, _ instrument: String, _ classNumber: String, _ dewey: String, _ heading: String, _ code: String) {
            self.plural = plural
            self.singular = singular
            self.instrument = instrument
            self.classNumber = classNumber
            self.dewey = dewey
            self.heading = Heading(heading)
            self.code = code
        }
    }

    static let composers: [Person] = [
        ("Bach", "Johann Sebastian", "1685-1750"), ("Handel", "George Frideric", "1685-1759"), ("Vivaldi", "Antonio", "1678-1741"),
        ("Haydn", "Joseph", "1732-1809"), ("Mozart", "Wolfgang Amadeus", "1756-1791"), ("Beethoven", "Ludwig van", "1770-1827"),
        ("Schubert", "Franz", "1797-1828"), ("Mendelssohn-Bartholdy", "Felix", "1809-1847"), ("Chopin", "Frédéric", "1810-1849"),
        ("Schumann", "Robert", "1810-1856"), ("Schumann", "Clara", "1819-1896"), ("Liszt", "Franz", "1811-1886"),
        ("Brahms", "Johannes", "1833-1897"), ("Tchaikovsky", "Peter Ilich", "1840-1893"), ("Dvořák", "Antonín", "1841-1904"),
        ("Grieg", "Edvard", "1843-1907"), ("Fauré", "Gabriel", "1845-1924"), ("Smyth", "Ethel", "1858-1944"), ("Mahler", "Gustav", "1860-1911"),
        ("Debussy", "Claude", "1862-1918"), ("Sibelius", "Jean", "1865-1957"), ("Ravel", "Maurice", "1875-1937"),
        ("Bartók", "Béla", "1881-1945"), ("Boulanger", "Lili", "1893-1918"), ("Shostakovich", "Dmitriĭ Dmitrievich", "1906-1975"),
    ].map { Person(surname: $0.0, forename: $0.1, dates: $0.2) }

    static let musicForms: [MusicForm] = [
        MusicForm("Sonatas", "Sonata", "piano", "M23", "786.2183", "Sonatas (Piano)", "sn"),
        MusicForm("Sonatas", "Sonata", "violin and piano", "M219", "787.2183", "Sonatas (Violin and piano)", "sn"),
        MusicForm("Sonatas", "Sonata", "cello and piano", "M230", "787.4183", "Sonatas (Violoncello and piano)", "sn"),
        MusicForm("Symphonies", "Symphony", "", "M1001", "784.2184", "Symphonies", "sy"),
        MusicForm("Concertos", "Concerto", "piano", "M1010", "784.262186", "Concertos (Piano)", "co"),
        MusicForm("Concertos", "Concerto", "violin", "M1012", "784.272186", "Concertos (Violin)", "co"),
        MusicForm("String quartets", "String quartet", "", "M452", "785.7194", "String quartets", "zz"),
        MusicForm("Nocturnes", "Nocturne", "piano", "M25", "786.2189", "Piano music", "zz"),
        MusicForm("Preludes", "Prelude", "piano", "M25", "786.2189", "Preludes (Piano)", "pr"),
        MusicForm("Etudes", "Etude", "piano", "M25", "786.2189", "Piano music", "st"),
        MusicForm("Suites", "Suite", "cello", "M50", "787.4184", "Suites (Violoncello)", "su"),
        MusicForm("Songs", "Song", "voice and piano", "M1621", "782.42168", "Songs (High voice) with piano", "sg"),
        MusicForm("Variations", "Variations", "piano", "M27", "786.21825", "Variations (Piano)", "vr"),
        MusicForm("Piano trios", "Piano trio", "", "M312", "785.28194", "Piano trios", "zz"),
        MusicForm("Masses", "Mass", "", "M2010", "782.3232", "Masses", "ms"),
    ]

    static let keys = [
        "C major", "C minor", "D major", "D minor", "E-flat major", "E minor", "F major", "F minor", "G major", "G minor",
        "A major", "A minor", "B-flat major", "B minor", "C-sharp minor", "F-sharp minor",
    ]

    static let musicPublishers = [
        Publisher("München", "G. Henle Verlag", "gw "), Publisher("Kassel", "Bärenreiter", "gw "), Publisher("Mainz", "Schott", "gw "),
        Publisher("Wiesbaden", "Breitkopf & Härtel", "gw "), Publisher("New York", "G. Schirmer", "nyu"),
        Publisher("London", "Edition Peters", "enk"), Publisher("Wien", "Wiener Urtext Edition", "au "),
    ]

    static let recordLabels = [
        Publisher("Hamburg", "Deutsche Grammophon", "gw "), Publisher("London", "Decca", "enk"), Publisher("Colchester", "Chandos", "enk"),
        Publisher("Arles", "Harmonia Mundi", "fr "), Publisher("London", "Hyperion", "enk"), Publisher("Hong Kong", "Naxos", "cc "),
        Publisher("München", "ECM Records", "gw "), Publisher("Bergen", "Lawo Classics", "no "),
    ]

    static let orchestras = [
        "Berliner Philharmoniker", "London Symphony Orchestra", "Wiener Philharmoniker", "Oslo Philharmonic Orchestra",
        "Chicago Symphony Orchestra", "Orchestre de Paris", "Academy of St. Martin in the Fields", "Bergen Philharmonic Orchestra",
    ]

    /// Chamber ensembles and choirs for the forms that need them.
    static let ensembles: [String: [String]] = [
        "String quartets": ["Emerson String Quartet", "Hagen Quartett", "Quatuor Ébène", "Takács Quartet"],
        "Piano trios": ["Beaux Arts Trio", "Trio Wanderer", "Florestan Trio"],
        "Masses": ["Monteverdi Choir", "The Tallis Scholars", "Collegium Vocale Gent"],
    ]

    static let audioPublishers = [
        Publisher("Prince Frederick, MD", "Recorded Books", "mdu"), Publisher("Chantilly, VA", "The Great Courses", "vau"),
        Publisher("New York", "Random House Audio", "nyu"), Publisher("Ashland, OR", "Blackstone Audio", "oru"),
        Publisher("London", "BBC Audio", "enk"),
    ]

    static let venues = [
        "Abbey Road Studio 1, London", "Jesus-Christus-Kirche, Berlin", "Grieghallen, Bergen", "Konzerthaus, Vienna",
        "Henry Wood Hall, London", "Salle Colonne, Paris", "Symphony Hall, Birmingham", "Orchestra Hall, Chicago",
    ]

    /// A place that maps show: its name in a title, its heading and its LC map class (`G` number).
    struct Place: Sendable {
        let name: String
        let heading: String
        let mapClass: Int
        let country: String
    }

    static let places: [Place] = [
        Place(name: "Norway", heading: "Norway", mapClass: 6940, country: "no "),
        Place(name: "Sweden", heading: "Sweden", mapClass: 7010, country: "sw "),
        Place(name: "Scotland", heading: "Scotland", mapClass: 5770, country: "stk"),
        Place(name: "England", heading: "England", mapClass: 5750, country: "enk"),
        Place(name: "France", heading: "France", mapClass: 5830, country: "fr "),
        Place(name: "Germany", heading: "Germany", mapClass: 6080, country: "gw "),
        Place(name: "Italy", heading: "Italy", mapClass: 6710, country: "it "),
        Place(name: "Spain", heading: "Spain", mapClass: 6560, country: "sp "),
        Place(name: "Switzerland", heading: "Switzerland", mapClass: 6040, country: "sz "),
        Place(name: "Iceland", heading: "Iceland", mapClass: 3000, country: "ic "),
        Place(name: "Japan", heading: "Japan", mapClass: 7960, country: "ja "),
        Place(name: "China", heading: "China", mapClass: 7820, country: "cc "),
        Place(name: "India", heading: "India", mapClass: 7650, country: "ii "),
        Place(name: "Brazil", heading: "Brazil", mapClass: 5400, country: "bl "),
        Place(name: "Canada", heading: "Canada", mapClass: 3400, country: "xxc"),
        Place(name: "Mexico", heading: "Mexico", mapClass: 4410, country: "mx "),
        Place(name: "Illinois", heading: "Illinois", mapClass: 4100, country: "ilu"),
        Place(name: "California", heading: "California", mapClass: 4360, country: "cau"),
        Place(name: "Alaska", heading: "Alaska", mapClass: 4370, country: "aku"),
        Place(name: "Kenya", heading: "Kenya", mapClass: 8410, country: "ke "),
        Place(name: "South Africa", heading: "South Africa", mapClass: 8500, country: "sa "),
        Place(name: "Australia", heading: "Australia", mapClass: 8960, country: "at "),
        Place(name: "New Zealand", heading: "New Zealand", mapClass: 9080, country: "nz "),
        Place(name: "Greece", heading: "Greece", mapClass: 6810, country: "gr "),
        Place(name: "Egypt", heading: "Egypt", mapClass: 8300, country: "ua "),
        Place(name: "Chile", heading: "Chile", mapClass: 5330, country: "cl "), Place(name: "Peru", heading: "Peru", mapClass: 5310, country: "pe "),
        Place(name: "the Alps", heading: "Alps", mapClass: 6035, country: "xx "),
        Place(name: "Antarctica", heading: "Antarctica", mapClass: 9800, country: "ay "),
        Place(name: "Europe", heading: "Europe", mapClass: 5700, country: "xx "),
    ]

    /// A kind of map: title pattern (`{t}` is the place), LC subject code and topical heading.
    struct MapKind: Sendable {
        let pattern: Pattern
        let subjectCode: String?
        let heading: String?
        let relief: Bool
    }

    static let mapKinds: [MapKind] = [
        MapKind(pattern: Pattern("{t}"), subjectCode: nil, heading: nil, relief: true),
        MapKind(pattern: Pattern("Road map of {t}"), subjectCode: ".P2", heading: "Roads", relief: false),
        MapKind(pattern: Pattern("Topographic map of {t}"), subjectCode: ".C2", heading: nil, relief: true),
        MapKind(pattern: Pattern("Geological map of {t}"), subjectCode: ".C5", heading: "Geology", relief: false),
        MapKind(pattern: Pattern("Political map of {t}"), subjectCode: ".F7", heading: nil, relief: false),
        MapKind(pattern: Pattern("Vegetation map of {t}"), subjectCode: ".D2", heading: "Vegetation", relief: false),
        MapKind(pattern: Pattern("{t} tourist map"), subjectCode: ".E635", heading: "Tourism", relief: true),
        MapKind(pattern: Pattern("Railway map of {t}"), subjectCode: ".P3", heading: "Railroads", relief: false),
    ]

    /// Map scales: as `255` prints them and as `034 $b` codes them.
    static let scales: [(display: String, denominator: String)] = [
        ("1:25,000", "25000"), ("1:50,000", "50000"), ("1:100,000", "100000"), ("1:250,000", "250000"), ("1:500,000", "500000"),
        ("1:1,000,000", "1000000"), ("1:2,500,000", "2500000"), ("1:5,000,000", "5000000"),
    ]

    static let mapPublishers = [
        Publisher("Glasgow", "Collins Bartholomew", "stk"), Publisher("Washington, D.C.", "National Geographic Maps", "dcu"),
        Publisher("Ostfildern", "Mairdumont", "gw "), Publisher("Chicago", "Rand McNally", "ilu"),
        Publisher("Reston, Virginia", "U.S. Geological Survey", "vau"), Publisher("Paris", "Michelin", "fr "),
        Publisher("Hønefoss", "Statens kartverk", "no "), Publisher("Bern", "Kümmerly + Frey", "sz "),
    ]

    static let videoPatterns: [Pattern] = [
        Pattern("The story of {t}"), Pattern("Inside {t}"), Pattern("Exploring {t}"), Pattern("{t} explained"), Pattern("The world of {t}"),
        Pattern("Secrets of {t}"), Pattern("{t}"), Pattern("Frontiers of {t}"),
    ]

    static let videoPublishers = [
        Publisher("London", "BBC Worldwide", "enk"), Publisher("Arlington, VA", "PBS Distribution", "vau"),
        Publisher("Washington, D.C.", "National Geographic", "dcu"), Publisher("New York", "Films Media Group", "nyu"),
        Publisher("Princeton, NJ", "Films for the Humanities & Sciences", "nju"),
        Publisher("Springfield, Illinois", "Demo University Media Services", "ilu"),
    ]

    static let spokenPatterns: [Pattern] = [
        Pattern("Lectures on {t}"), Pattern("Conversations on {t}"), Pattern("Talking about {t}"), Pattern("{t}"), Pattern("Voices of {t}"),
    ]

    static let fictionAdjectives = [
        "silent", "last", "hidden", "winter", "broken", "distant", "golden", "salt", "lost", "northern", "paper", "quiet", "burning",
        "glass", "midnight", "small", "wild", "borrowed", "second", "empty",
    ]

    static let fictionNouns = [
        "harbour", "garden", "house", "river", "summer", "daughter", "orchard", "island", "city", "lighthouse", "museum", "country",
        "season", "bridge", "archive", "sea", "field", "fire", "mountain", "map", "orchestra", "station", "kingdom", "letter",
    ]

    static let fictionPlaces = [
        "Lisbon", "Vienna", "Oslo", "Kyoto", "Havana", "Trieste", "Alexandria", "Bergen", "Montreal", "Dublin", "Marrakesh", "Valparaíso",
    ]

    static let fictionPublishers = [
        Publisher("New York", "Alfred A. Knopf", "nyu"), Publisher("London", "Faber & Faber", "enk"), Publisher("New York", "Penguin Books", "nyu"),
        Publisher("London", "Vintage", "enk"), Publisher("Minneapolis", "Graywolf Press", "mnu"), Publisher("Edinburgh", "Canongate", "stk"),
    ]

    /// Themes of novels, as `650` headings subdivided by `$v Fiction`.
    static let fictionThemes = [
        "Families", "Friendship", "Man-woman relationships", "Detectives", "Coming of age", "Immigrants", "Sisters", "Islands",
        "Small cities", "Grief", "Artists", "Musicians", "Brothers", "Mothers and daughters",
    ]

    /// Manuscripts: title, whether it is a collection, the `$v` of the creator's `600` and the genre (`655`).
    static let manuscriptTitles: [(title: String, isCollection: Bool, subdivision: String, genre: String)] = [
        ("Letters", true, "Correspondence", "Personal correspondence"), ("Diary", false, "Diaries", "Diaries"),
        ("Notebooks", true, "Notebooks, sketchbooks, etc.", "Notebooks"), ("Papers", true, "Archives", "Archival materials"),
        ("Correspondence", true, "Correspondence", "Personal correspondence"), ("Travel journal", false, "Diaries", "Travel writing"),
        ("Commonplace book", false, "Notebooks, sketchbooks, etc.", "Commonplace books"), ("Sermons", true, "Manuscripts", "Sermons"),
        ("Account book", false, "Archives", "Account books"),
    ]

    static let occupations = [
        "physician", "schoolteacher", "merchant", "composer", "novelist", "clergyman", "botanist", "civil engineer", "suffragist",
        "journalist", "surveyor", "missionary",
    ]

    static let datasetPatterns: [Pattern] = [
        Pattern("{t} data set"), Pattern("Survey data on {t}"), Pattern("Measurements in {t}"), Pattern("{t} research data"),
        Pattern("Replication data for studies in {t}"),
    ]

    static let dataPublishers = [
        Publisher("Ann Arbor, Michigan", "Inter-university Consortium for Political and Social Research", "miu"),
        Publisher("Springfield, Illinois", "Demo University Research Data Service", "ilu"), Publisher("Geneva", "Zenodo", "sz "),
        Publisher("Durham, North Carolina", "Dryad", "ncu"),
    ]
}
