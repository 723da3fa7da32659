// English title patterns, subtitles and summary phrases, shared by every subject area.

extension DemoCatalogueVocabulary {
    /// Patterns that read well with any topic, whether "machine learning" or "the Cold War".
    static let generalPatterns: [Pattern] = [
        Pattern("Introduction to {t}", form: "Textbooks"),
        Pattern("An introduction to {t}", form: "Textbooks"),
        Pattern("Perspectives on {t}"),
        Pattern("Studies in {t}"),
        Pattern("Readings in {t}"),
        Pattern("Understanding {t}"),
        Pattern("New perspectives on {t}"),
        Pattern("Handbook of {t}", form: "Handbooks, manuals, etc.", reference: true),
        Pattern("The handbook of {t}", form: "Handbooks, manuals, etc.", reference: true),
        Pattern("Research handbook on {t}", form: "Handbooks, manuals, etc.", reference: true),
        Pattern("Encyclopedia of {t}", form: "Encyclopedias", reference: true),
        Pattern("Essays on {t}"),
        Pattern("{t}"),
        Pattern("{t}"),
        Pattern("Approaches to {t}"),
        Pattern("Key issues in {t}"),
        Pattern("A guide to {t}"),
        Pattern("Explorations in {t}"),
        Pattern("Critical perspectives on {t}"),
        Pattern("Themes in {t}"),
    ]

    /// Patterns by ``Subject/Style``.
    static func patterns(for style: Subject.Style) -> [Pattern] {
        switch style {
        case .science: sciencePatterns
        case .clinical: clinicalPatterns
        case .humanities: humanitiesPatterns
        case .social: socialPatterns
        }
    }

    static let sciencePatterns: [Pattern] = [
        Pattern("Advanced {t}", form: "Textbooks"),
        Pattern("Applied {t}"),
        Pattern("Modern {t}"),
        Pattern("Problems in {t}", form: "Problems, exercises, etc."),
        Pattern("Methods in {t}"),
        Pattern("Lectures on {t}"),
        Pattern("{t} in a nutshell"),
        Pattern("Principles of {t}", form: "Textbooks"),
        Pattern("Fundamentals of {t}", form: "Textbooks"),
        Pattern("Elements of {t}", form: "Textbooks"),
        Pattern("Topics in {t}"),
        Pattern("Essentials of {t}", form: "Textbooks"),
        Pattern("Foundations of {t}"),
        Pattern("A first course in {t}", form: "Textbooks"),
        Pattern("Advances in {t}"),
        Pattern("Exercises in {t}", form: "Problems, exercises, etc."),
    ]

    static let clinicalPatterns: [Pattern] = [
        Pattern("Clinical {t}"),
        Pattern("Textbook of {t}", form: "Textbooks"),
        Pattern("Principles of {t}", form: "Textbooks"),
        Pattern("Essentials of {t}", form: "Textbooks"),
        Pattern("Manual of {t}", form: "Handbooks, manuals, etc.", reference: true),
        Pattern("Current practice in {t}"),
        Pattern("Evidence-based {t}"),
        Pattern("Lecture notes on {t}", form: "Outlines, syllabi, etc."),
        Pattern("Case files in {t}", form: "Case studies"),
        Pattern("Pocket guide to {t}", form: "Handbooks, manuals, etc.", reference: true),
        Pattern("Review of {t}", form: "Examinations, questions, etc."),
        Pattern("Atlas of {t}", form: "Atlases", reference: true),
        Pattern("Emergencies in {t}"),
    ]

    static let humanitiesPatterns: [Pattern] = [
        Pattern("Rethinking {t}"),
        Pattern("Reading {t}"),
        Pattern("Writing {t}"),
        Pattern("Remembering {t}"),
        Pattern("Interpreting {t}"),
        Pattern("A companion to {t}", reference: true),
        Pattern("The idea of {t}"),
        Pattern("Beyond {t}"),
        Pattern("Reconsidering {t}"),
        Pattern("The making of {t}"),
        Pattern("Inventing {t}"),
        Pattern("Imagining {t}"),
        Pattern("A history of {t}"),
    ]

    static let socialPatterns: [Pattern] = [
        Pattern("Principles of {t}", form: "Textbooks"),
        Pattern("Foundations of {t}"),
        Pattern("Contemporary {t}"),
        Pattern("Issues in {t}"),
        Pattern("Research methods in {t}"),
        Pattern("Comparative {t}"),
        Pattern("The theory and practice of {t}"),
        Pattern("The politics of {t}"),
        Pattern("Cases and materials on {t}", form: "Cases"),
        Pattern("Current debates in {t}"),
    ]

    /// Titles of journals.
    static let serialPatterns: [Pattern] = [
        Pattern("Journal of {t}"), Pattern("International journal of {t}"), Pattern("Annals of {t}"), Pattern("{t} review"),
        Pattern("{t} quarterly"), Pattern("Advances in {t}"), Pattern("Bulletin of {t}"), Pattern("European journal of {t}"),
        Pattern("{t} letters"), Pattern("Archives of {t}"), Pattern("Current opinion in {t}"), Pattern("Studies in {t}"),
    ]

    static let generalSubtitles = [
        "an introduction", "a practical guide", "theory and practice", "concepts and methods", "a critical introduction",
        "principles and applications", "a reader", "selected essays", "new approaches", "past, present and future",
        "a very short introduction", "a comprehensive guide", "an interdisciplinary approach", "methods and applications",
        "a historical perspective", "the essential guide", "from theory to practice", "a global perspective",
        "challenges and opportunities", "recent developments",
    ]

    /// Subtitles by ``Subject/Style``.
    static func subtitles(for style: Subject.Style) -> [String] {
        switch style {
        case .science: scienceSubtitles
        case .clinical: clinicalSubtitles
        case .humanities: humanitiesSubtitles
        case .social: socialSubtitles
        }
    }

    static let scienceSubtitles = [
        "a modern approach", "with worked examples", "models and methods", "a problem-solving approach", "with exercises and solutions",
    ]
    static let clinicalSubtitles = [
        "diagnosis and management", "a case-based approach", "an evidence-based approach", "a clinical guide", "principles and practice",
    ]
    static let humanitiesSubtitles = [
        "a cultural history", "texts and contexts", "a new reading", "memory, identity and power", "sources and interpretations",
    ]
    static let socialSubtitles = [
        "cases and materials", "policy and practice", "evidence from Europe", "a comparative study", "an empirical analysis",
    ]

    /// The first sentence of a summary: "This book {verb} {topic}".
    static let summaryVerbs = [
        "provides a comprehensive introduction to", "offers a concise overview of", "explores", "examines recent research on",
        "presents a fresh account of", "surveys the theory and practice of", "brings together leading scholars on",
    ]

    /// Who a book is for, by ``Subject/Style``.
    static func audiences(for style: Subject.Style) -> [String] {
        switch style {
        case .science: scienceAudiences
        case .clinical: clinicalAudiences
        case .humanities: humanitiesAudiences
        case .social: socialAudiences
        }
    }

    static let scienceAudiences = [
        "advanced undergraduates", "graduate students and researchers", "practising engineers and scientists", "students and professionals",
    ]
    static let clinicalAudiences = ["medical students", "clinicians in training", "nurses and allied health professionals", "general practitioners"]
    static let humanitiesAudiences = ["students and general readers", "scholars of the period", "anyone interested in the subject"]
    static let socialAudiences = ["students and practitioners", "policy makers", "undergraduate students", "researchers"]

    /// Leader/17, encoding level, weighted: mostly full (blank), some minimal (`7`) and others.
    static let encodingLevels = [" ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "7", "7", "5", "4", "1", "3"]
    /// Aspects of a place for geographic headings (`651 $x`).
    static let placeAspects = ["History", "Economic conditions", "Politics and government", "Social conditions", "Foreign relations"]
    /// Subject areas whose books sometimes get a geographic heading.
    static let regionalSubjects: Set<String> = ["History", "Economics", "Law", "Geography"]
    static let serialSubtitles = ["an international journal", "a quarterly review", "research and practice"]
    static let frequencies = [("q", "Quarterly"), ("m", "Monthly"), ("b", "Bimonthly"), ("f", "Semiannual"), ("a", "Annual")]
    static let illustrationTerms = ["illustrations", "illustrations (some color)", "color illustrations", "illustrations, maps"]
    static let videoTechnicalNotes = ["DVD; region 1, NTSC; Dolby digital.", "DVD; all regions.", "DVD; region 2, PAL."]

    /// Publication years of print holdings by period, in percent.
    static let yearBrackets: [(years: ClosedRange<Int>, percent: Int)] = [
        (2020...2026, 14), (2010...2019, 22), (2000...2009, 20), (1990...1999, 14), (1980...1989, 9), (1960...1979, 9), (1900...1959, 8),
        (1850...1899, 4),
    ]

    /// Ordinal edition statements, RDA and AACR2 style, for editions 2 to 9.
    static let editions: [(rda: String, aacr2: String)] = [
        ("Second edition", "2nd ed"), ("Third edition", "3rd ed"), ("Fourth edition", "4th ed"), ("Fifth edition", "5th ed"),
        ("Sixth edition", "6th ed"), ("Seventh edition", "7th ed"), ("Eighth edition", "8th ed"), ("Ninth edition", "9th ed"),
    ]

    static let romanNumerals = [
        "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii",
        "xxiv", "xxvi", "xxviii", "xxx", "xxxii",
    ]

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Public notes on items (`876 $z`).
    static let itemNotes = [
        "Accompanying CD-ROM available at the circulation desk.", "Spine label faded.", "Includes folded map in pocket.",
        "Pages annotated in pencil.", "Ask at the desk for the accompanying booklet.", "Binding fragile; handle with care.",
    ]

    /// Staff notes on items (`876 $x`).
    static let internalNotes = [
        "Replacement copy ordered 2023.", "Check binding at next inventory.", "Transferred from the Science Library in 2019.",
        "Donated by the Friends of the Library.", "Former reserve copy.", "Barcode relabelled 2021.",
    ]
}
