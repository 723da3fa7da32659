// The languages of the demo catalogue: their publishers, people, title patterns and topics.

extension DemoCatalogueVocabulary {
    /// A language the catalogue has books in.
    struct Language: Sendable {
        /// The MARC language code (`008/35-37`, `041`).
        let code: String
        /// The English name, for notes: "Translated from the German."
        let name: String
        let isbnGroups: [String]
        let publishers: [Publisher]
        let people: [Person]
        /// Title patterns in the language (in its script), and for Japanese, Chinese and Russian
        /// the same patterns romanized (`245`) in ``romanizedPatterns``.
        let patterns: [Pattern]
        let romanizedPatterns: [Pattern]
        let topics: [ForeignTopic]
        let subtitles: [String]
        let romanizedSubtitles: [String]
        /// "and" in the language, for statements of responsibility.
        let conjunction: String
        /// The `880 $6` script code: `$1` (CJK) or `(N` (Cyrillic); `nil` for Latin script.
        let scriptCode: String?
        /// What follows an author's name in the statement of responsibility: `著` / ` cho`.
        let authorSuffix: (script: String, romanized: String)
        /// Whether "de" elides before a vowel (French).
        let elides: Bool

        /// Whether titles are romanized, with the original script in `880`.
        var isRomanized: Bool { scriptCode != nil }
    }

    /// A topic's name in another language, tied to the English ``Topic`` that gives its class
    /// number and headings.
    struct ForeignTopic: Sendable {
        let subject: Int
        let topic: Int
        let text: String
        let romanized: String

        /// Looks up `key`, the English phrase of a topic; a key that matches no topic is a
        /// programming error and stops the program on first use of the vocabulary.
        init(_ key: String, _ text: String, _ romanized: String = "") {
            for (subjectIndex, subject) in DemoCatalogueVocabulary.subjects.enumerated() {
                if let topicIndex = subject.topics.firstIndex(where: { $0.phrase == key }) {
                    self.subject = subjectIndex
                    self.topic = topicIndex
                    self.text = text
                    self.romanized = romanized
                    return
                }
            }
            preconditionFailure("no topic \"\(key)\" in the demo catalogue vocabulary")
        }
    }

    /// Every language; English first.
    static let languages: [Language] = [english, german, french, spanish, italian, norwegian, japanese, chinese, russian]

    /// Language indexes repeated by weight, for books: mostly English.
    static let languageWeights: [Int] = {
        let weights = [164, 8, 6, 5, 3, 3, 4, 4, 3]
        var table: [Int] = []
        for (index, weight) in weights.enumerated() {
            table.append(contentsOf: repeatElement(index, count: weight))
        }
        return table
    }()

    /// Every person in every language, for the authors of English books: academic publishing is international.
    static let authorsOfEnglishBooks: [Person] = languages.flatMap(\.people)

    /// Every combination of `forenames` and `surnames`.
    static func people(_ forenames: [String], _ surnames: [String]) -> [Person] {
        surnames.flatMap { surname in forenames.map { Person(surname: surname, forename: $0) } }
    }

    /// Latin-script patterns written with `{t}`.
    static func patterns(_ texts: [String]) -> [Pattern] {
        texts.map { Pattern($0) }
    }

    static let english = Language(
        code: "eng",
        name: "English",
        isbnGroups: ["0", "1"],
        publishers: [
            Publisher("Cambridge", "Cambridge University Press", "enk"), Publisher("Oxford", "Oxford University Press", "enk"),
            Publisher("New York", "Routledge", "nyu"), Publisher("Hoboken, NJ", "Wiley", "nju"), Publisher("Cham", "Springer", "sz "),
            Publisher("Boston", "Pearson", "mau"), Publisher("Cambridge, Massachusetts", "The MIT Press", "mau"),
            Publisher("Princeton", "Princeton University Press", "nju"), Publisher("London", "Bloomsbury Academic", "enk"),
            Publisher("Chicago", "University of Chicago Press", "ilu"), Publisher("New Haven", "Yale University Press", "ctu"),
            Publisher("Berkeley", "University of California Press", "cau"), Publisher("Amsterdam", "Elsevier", "ne "),
            Publisher("Thousand Oaks, California", "SAGE Publications", "cau"),
            Publisher("Baltimore", "Johns Hopkins University Press", "mdu"),
            Publisher("Springfield, Illinois", "Demo University Press", "ilu"),
            Publisher("Philadelphia", "Lippincott Williams & Wilkins", "pau"), Publisher("Boca Raton", "CRC Press", "flu"),
            Publisher("Sebastopol, CA", "O'Reilly Media", "cau"), Publisher("Edinburgh", "Edinburgh University Press", "stk"),
        ],
        people: people(
            [
                "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
                "Susan", "Richard", "Sarah", "Thomas", "Karen", "Charles", "Nancy", "Daniel", "Margaret", "Matthew", "Emily",
                "Andrew", "Rachel", "Peter", "Laura", "Paul", "Helen", "Mark", "Catherine", "Steven", "Anne", "Kevin", "Rebecca",
                "Brian", "Deborah", "Jonathan", "Alice", "Simon", "Hannah", "Mary K.", "John P.", "Amara", "Kwame", "Priya",
                "Rafael", "Ngozi", "Yusuf",
            ],
            [
                "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
                "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
                "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
                "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
                "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood",
                "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders", "Patel", "Nguyen", "Kim", "Okafor", "Mensah",
                "Singh", "Cohen", "Haddad", "O'Brien", "MacLeod", "Fitzgerald", "Okonkwo", "Gupta", "Rahman", "Silva",
            ]
        ),
        patterns: [],
        romanizedPatterns: [],
        topics: [],
        subtitles: [],
        romanizedSubtitles: [],
        conjunction: "and",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: false
    )

    /// Publishers of the nineteenth century, for English books before 1900.
    static let victorianPublishers = [
        Publisher("London", "Macmillan and Co.", "enk"), Publisher("London", "John Murray", "enk"),
        Publisher("Boston", "Ticknor and Fields", "mau"), Publisher("New York", "Harper & Brothers", "nyu"),
        Publisher("Edinburgh", "W. Blackwood and Sons", "stk"), Publisher("Philadelphia", "J.B. Lippincott", "pau"),
        Publisher("Oxford", "Clarendon Press", "enk"), Publisher("London", "Longmans, Green, and Co.", "enk"),
    ]

    static let german = Language(
        code: "ger",
        name: "German",
        isbnGroups: ["3"],
        publishers: [
            Publisher("Berlin", "Springer", "gw "), Publisher("München", "C.H. Beck", "gw "), Publisher("Stuttgart", "Thieme", "gw "),
            Publisher("Frankfurt am Main", "Suhrkamp", "gw "), Publisher("Wien", "Böhlau", "au "), Publisher("Tübingen", "Mohr Siebeck", "gw "),
            Publisher("Berlin", "De Gruyter", "gw "), Publisher("Wiesbaden", "Springer Vieweg", "gw "),
        ],
        people: people(
            ["Hans", "Klaus", "Jürgen", "Wolfgang", "Ursula", "Monika", "Sabine", "Andreas", "Stefan", "Katrin", "Petra", "Friedrich"],
            [
                "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch",
                "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange",
            ]
        ),
        patterns: patterns([
            "{t}", "Grundkurs {t}", "Handbuch {t}", "Lehrbuch {t}", "Kompendium {t}", "Repetitorium {t}", "Praxishandbuch {t}",
            "Taschenbuch {t}",
        ]),
        romanizedPatterns: [],
        topics: [
            ForeignTopic("algorithms", "Algorithmen"), ForeignTopic("machine learning", "Maschinelles Lernen"),
            ForeignTopic("database systems", "Datenbanksysteme"), ForeignTopic("software engineering", "Softwaretechnik"),
            ForeignTopic("linear algebra", "Lineare Algebra"), ForeignTopic("real analysis", "Analysis"),
            ForeignTopic("probability theory", "Wahrscheinlichkeitstheorie"), ForeignTopic("quantum mechanics", "Quantenmechanik"),
            ForeignTopic("thermodynamics", "Thermodynamik"), ForeignTopic("organic chemistry", "Organische Chemie"),
            ForeignTopic("genetics", "Genetik"), ForeignTopic("internal medicine", "Innere Medizin"),
            ForeignTopic("pharmacology", "Pharmakologie"), ForeignTopic("anatomy", "Anatomie"), ForeignTopic("the Reformation", "Reformation"),
            ForeignTopic("medieval Europe", "Europa im Mittelalter"), ForeignTopic("the First World War", "Erster Weltkrieg"),
            ForeignTopic("constitutional law", "Staatsrecht"), ForeignTopic("contract law", "Vertragsrecht"),
            ForeignTopic("criminal law", "Strafrecht"), ForeignTopic("European Union law", "Europarecht"),
            ForeignTopic("microeconomics", "Mikroökonomie"), ForeignTopic("macroeconomics", "Makroökonomie"),
            ForeignTopic("epistemology", "Erkenntnistheorie"), ForeignTopic("ethics", "Ethik"), ForeignTopic("Goethe", "Goethe"),
            ForeignTopic("music theory", "Musiktheorie"), ForeignTopic("cognitive psychology", "Kognitive Psychologie"),
            ForeignTopic("structural engineering", "Baustatik"), ForeignTopic("control theory", "Regelungstechnik"),
            ForeignTopic("human geography", "Humangeographie"),
        ],
        subtitles: [
            "eine Einführung", "Grundlagen und Anwendungen", "Theorie und Praxis", "ein Lehrbuch", "Methoden und Probleme",
            "ein Handbuch für Studium und Praxis", "Texte und Kommentare", "Geschichte und Gegenwart",
        ],
        romanizedSubtitles: [],
        conjunction: "und",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: false
    )

    static let french = Language(
        code: "fre",
        name: "French",
        isbnGroups: ["2"],
        publishers: [
            Publisher("Paris", "Gallimard", "fr "), Publisher("Paris", "Presses universitaires de France", "fr "),
            Publisher("Paris", "Dunod", "fr "), Publisher("Paris", "Éditions du Seuil", "fr "), Publisher("Lyon", "ENS Éditions", "fr "),
            Publisher("Paris", "Dalloz", "fr "), Publisher("Genève", "Droz", "sz "),
        ],
        people: people(
            ["Jean", "Marie", "Pierre", "Claire", "François", "Sophie", "Philippe", "Isabelle", "Jacques", "Nathalie", "Camille", "Hélène"],
            [
                "Martin", "Bernard", "Dubois", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
                "Lefèvre", "Michel", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Girard", "Bonnet",
            ]
        ),
        patterns: patterns([
            "{t}", "Manuel de {t}", "Traité de {t}", "Précis de {t}", "Éléments de {t}", "Cours de {t}", "Leçons de {t}",
            "Dictionnaire de {t}",
        ]),
        romanizedPatterns: [],
        topics: [
            ForeignTopic("algorithms", "algorithmique"), ForeignTopic("machine learning", "apprentissage automatique"),
            ForeignTopic("database systems", "bases de données"), ForeignTopic("linear algebra", "algèbre linéaire"),
            ForeignTopic("probability theory", "probabilités"), ForeignTopic("quantum mechanics", "mécanique quantique"),
            ForeignTopic("thermodynamics", "thermodynamique"), ForeignTopic("organic chemistry", "chimie organique"),
            ForeignTopic("cell biology", "biologie cellulaire"), ForeignTopic("internal medicine", "médecine interne"),
            ForeignTopic("cardiology", "cardiologie"), ForeignTopic("constitutional law", "droit constitutionnel"),
            ForeignTopic("administrative law", "droit administratif"), ForeignTopic("international law", "droit international public"),
            ForeignTopic("the French Revolution", "histoire de la Révolution française"),
            ForeignTopic("medieval Europe", "histoire médiévale"), ForeignTopic("microeconomics", "microéconomie"),
            ForeignTopic("macroeconomics", "macroéconomie"), ForeignTopic("epistemology", "épistémologie"),
            ForeignTopic("phenomenology", "phénoménologie"), ForeignTopic("literary theory", "théorie littéraire"),
            ForeignTopic("French drama", "littérature dramatique"), ForeignTopic("harmony", "harmonie"),
            ForeignTopic("art history", "histoire de l'art"), ForeignTopic("human geography", "géographie humaine"),
        ],
        subtitles: [
            "une introduction", "théorie et pratique", "méthodes et applications", "cours et exercices corrigés",
            "nouvelles perspectives", "textes et documents", "enjeux et débats",
        ],
        romanizedSubtitles: [],
        conjunction: "et",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: true
    )

    static let spanish = Language(
        code: "spa",
        name: "Spanish",
        isbnGroups: ["84"],
        publishers: [
            Publisher("Madrid", "Alianza Editorial", "sp "), Publisher("Barcelona", "Editorial Ariel", "sp "),
            Publisher("México, D.F.", "Fondo de Cultura Económica", "mx "), Publisher("Madrid", "Cátedra", "sp "),
            Publisher("Buenos Aires", "Siglo Veintiuno Editores", "ag "),
        ],
        people: people(
            ["José", "María", "Carmen", "Antonio", "Juan", "Ana", "Francisco", "Isabel", "Manuel", "Lucía", "Javier", "Elena"],
            [
                "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Jiménez",
                "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez",
            ]
        ),
        patterns: patterns([
            "{t}", "Manual de {t}", "Tratado de {t}", "Curso de {t}", "Lecciones de {t}", "Fundamentos de {t}", "Compendio de {t}",
        ]),
        romanizedPatterns: [],
        topics: [
            ForeignTopic("algorithms", "algoritmos"), ForeignTopic("machine learning", "aprendizaje automático"),
            ForeignTopic("linear algebra", "álgebra lineal"), ForeignTopic("quantum mechanics", "mecánica cuántica"),
            ForeignTopic("organic chemistry", "química orgánica"), ForeignTopic("ecology", "ecología"),
            ForeignTopic("internal medicine", "medicina interna"), ForeignTopic("pediatrics", "pediatría"),
            ForeignTopic("the Spanish Civil War", "historia de la Guerra Civil española"),
            ForeignTopic("medieval Europe", "historia medieval"), ForeignTopic("constitutional law", "derecho constitucional"),
            ForeignTopic("criminal law", "derecho penal"), ForeignTopic("microeconomics", "microeconomía"),
            ForeignTopic("development economics", "economía del desarrollo"), ForeignTopic("Cervantes", "estudios cervantinos"),
            ForeignTopic("ethics", "ética"), ForeignTopic("social psychology", "psicología social"),
            ForeignTopic("music theory", "teoría musical"), ForeignTopic("art history", "historia del arte"),
            ForeignTopic("human geography", "geografía humana"),
        ],
        subtitles: [
            "una introducción", "teoría y práctica", "fundamentos y aplicaciones", "problemas resueltos", "nuevas perspectivas",
            "textos y documentos",
        ],
        romanizedSubtitles: [],
        conjunction: "y",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: false
    )

    static let italian = Language(
        code: "ita",
        name: "Italian",
        isbnGroups: ["88"],
        publishers: [
            Publisher("Bologna", "Il Mulino", "it "), Publisher("Torino", "Einaudi", "it "), Publisher("Milano", "Feltrinelli", "it "),
            Publisher("Roma", "Carocci", "it "), Publisher("Milano", "Hoepli", "it "),
        ],
        people: people(
            ["Giuseppe", "Maria", "Giovanni", "Anna", "Francesco", "Giulia", "Luca", "Chiara", "Marco", "Francesca", "Alessandro", "Paola"],
            [
                "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
                "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
            ]
        ),
        patterns: patterns([
            "{t}", "Manuale di {t}", "Trattato di {t}", "Lezioni di {t}", "Elementi di {t}", "Istituzioni di {t}", "Compendio di {t}",
        ]),
        romanizedPatterns: [],
        topics: [
            ForeignTopic("algorithms", "algoritmi"), ForeignTopic("linear algebra", "algebra lineare"),
            ForeignTopic("calculus", "analisi matematica"), ForeignTopic("quantum mechanics", "meccanica quantistica"),
            ForeignTopic("organic chemistry", "chimica organica"), ForeignTopic("genetics", "genetica"),
            ForeignTopic("internal medicine", "medicina interna"), ForeignTopic("pharmacology", "farmacologia"),
            ForeignTopic("the Renaissance", "storia del Rinascimento"), ForeignTopic("the Roman Empire", "storia romana"),
            ForeignTopic("constitutional law", "diritto costituzionale"), ForeignTopic("contract law", "diritto privato"),
            ForeignTopic("economic history", "storia economica"), ForeignTopic("aesthetics", "estetica"),
            ForeignTopic("opera", "storia dell'opera italiana"), ForeignTopic("Renaissance painting", "storia dell'arte italiana"),
            ForeignTopic("urban design", "urbanistica"),
        ],
        subtitles: ["un'introduzione", "teoria e pratica", "problemi e metodi", "esercizi svolti", "nuove prospettive", "testi e documenti"],
        romanizedSubtitles: [],
        conjunction: "e",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: false
    )

    static let norwegian = Language(
        code: "nor",
        name: "Norwegian",
        isbnGroups: ["82"],
        publishers: [
            Publisher("Oslo", "Universitetsforlaget", "no "), Publisher("Bergen", "Fagbokforlaget", "no "),
            Publisher("Oslo", "Cappelen Damm akademisk", "no "), Publisher("Oslo", "Gyldendal", "no "),
        ],
        people: people(
            ["Ole", "Kari", "Lars", "Ingrid", "Per", "Anne", "Knut", "Solveig", "Bjørn", "Marit", "Erik", "Sigrid"],
            [
                "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
                "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Andreassen", "Jacobsen", "Dahl", "Lie", "Bakke", "Solberg",
                "Strand", "Sæther", "Løken",
            ]
        ),
        patterns: patterns([
            "{t}", "Innføring i {t}", "Grunnbok i {t}", "Lærebok i {t}", "Grunnleggende {t}", "Innledning til {t}", "Perspektiver på {t}",
        ]),
        romanizedPatterns: [],
        topics: [
            ForeignTopic("algorithms", "algoritmer"), ForeignTopic("Python programming", "programmering i Python"),
            ForeignTopic("linear algebra", "lineær algebra"), ForeignTopic("classical mechanics", "mekanikk"),
            ForeignTopic("organic chemistry", "organisk kjemi"), ForeignTopic("ecology", "økologi"), ForeignTopic("nursing", "sykepleie"),
            ForeignTopic("anatomy", "anatomi"), ForeignTopic("public health", "folkehelsearbeid"),
            ForeignTopic("Norwegian history", "norsk historie"), ForeignTopic("the Viking Age", "vikingtiden"),
            ForeignTopic("constitutional law", "statsrett"), ForeignTopic("contract law", "kontraktsrett"),
            ForeignTopic("criminal law", "strafferett"), ForeignTopic("macroeconomics", "makroøkonomi"), ForeignTopic("ethics", "etikk"),
            ForeignTopic("Ibsen's drama", "Ibsens dramatikk"), ForeignTopic("Scandinavian literature", "nordisk litteratur"),
            ForeignTopic("music theory", "musikkteori"), ForeignTopic("educational psychology", "pedagogisk psykologi"),
        ],
        subtitles: ["en innføring", "teori og praksis", "en lærebok", "metoder og anvendelser", "nye perspektiver"],
        romanizedSubtitles: [],
        conjunction: "og",
        scriptCode: nil,
        authorSuffix: ("", ""),
        elides: false
    )
}
