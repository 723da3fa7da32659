/// The asset types (`resourcetype.esploro`) Lectern knows, with their display names: the
/// common part of Esploro's asset type list (category `.` type).
enum AssetTypes {
    static let descriptions: [String: String] = [
        "publication.journalArticle": "Journal article",
        "publication.book": "Book",
        "publication.bookChapter": "Book chapter",
        "publication.conferenceProceeding": "Conference proceeding",
        "publication.conferencePaper": "Conference paper",
        "publication.report": "Report",
        "publication.review": "Review",
        "publication.editorial": "Editorial",
        "publication.preprint": "Preprint",
        "etd.doctoral": "Doctoral thesis",
        "etd.graduate": "Master's thesis",
        "etd.undergraduate": "Undergraduate thesis",
        "dataset.dataset": "Dataset",
        "software.software": "Software",
        "conference.presentation": "Presentation",
        "conference.poster": "Poster",
        "patent.patent": "Patent",
        "creativeWork.creativeWork": "Creative work",
        "teaching.teachingMaterial": "Teaching material",
        "other.other": "Other",
    ]
}
