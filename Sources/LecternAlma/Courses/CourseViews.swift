import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// Courses, reading lists and citations as answered: the stored object with its link, and with
/// `view=full` what it holds; a citation with where its title is on the shelf now.
enum CourseViews {
    static func courseURL(_ baseURL: String, _ id: String) -> String {
        "\(baseURL)/almaws/v1/courses/\(id)"
    }

    static func listURL(_ baseURL: String, course: String, _ id: String) -> String {
        "\(courseURL(baseURL, course))/reading-lists/\(id)"
    }

    static func citationURL(_ baseURL: String, course: String, list: String, _ id: String) -> String {
        "\(listURL(baseURL, course: course, list))/citations/\(id)"
    }

    static func course(_ document: Document, baseURL: String, lists: [Node]? = nil) -> Node {
        var course = document.body
        if let lists { course.setChild(CourseRules.wrapper("reading_lists", lists)) }
        course.setAttribute("link", courseURL(baseURL, document.id))
        return course
    }

    static func readingList(_ document: Document, course: String, baseURL: String, citations: [Node]? = nil) -> Node {
        var list = document.body
        if let citations { list.setChild(CourseRules.wrapper("citations", citations)) }
        list.setAttribute("link", listURL(baseURL, course: course, document.id))
        return list
    }

    /// The citations of `lists` as answered, by list id, in one trip for their bibs' holdings and items.
    static func citations(of lists: [Document], course: String, baseURL: String, in reader: any StoreReader) async throws -> [String: [Node]] {
        guard !lists.isEmpty else { return [:] }
        var query = DocumentQuery(kind: .citation)
        query.parents = lists.map(\.id)
        let citations = try await reader.find(query).items
        let shelf = try await Shelf.load(citations, in: reader)
        var byList: [String: [Node]] = [:]
        for citation in citations {
            byList[citation.parent ?? "", default: []].append(
                Self.citation(citation, course: course, list: citation.parent ?? "", baseURL: baseURL, shelf: shelf)
            )
        }
        return byList
    }

    static func citation(_ document: Document, course: String, list: String, baseURL: String, shelf: Shelf) -> Node {
        var citation = document.body
        if let mmsID = citedBib(document) {
            if let availability = shelf.availability[mmsID] {
                citation.setChild(CourseRules.wrapper("availability", availability))
            } else {
                // The cited bib was deleted: the citation keeps its description, no longer linked.
                if let metadata = citation.children.firstIndex(where: { $0.name == "metadata" }) {
                    citation.children[metadata].removeChildren(named: "mms_id")
                }
            }
        }
        citation.setAttribute("link", citationURL(baseURL, course: course, list: list, document.id))
        return AlmaShapes.citation.normalized(citation)
    }

    /// The MMS id a stored citation cites (links are written, not read back).
    static func citedBib(_ citation: Document) -> String? {
        citation.body.value("metadata/mms_id").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The holdings of cited bibs, as their AVA fields show them, by MMS id; a bib that no longer
    /// exists has no entry.
    struct Shelf {
        var availability: [String: [Node]] = [:]

        static func load(_ citations: [Document], in reader: any StoreReader) async throws -> Shelf {
            let mmsIDs = Array(Set(citations.compactMap(citedBib)))
            guard !mmsIDs.isEmpty else { return Shelf() }
            var bibs = DocumentQuery(kind: .bib)
            bibs.ids = mmsIDs
            var holdings = DocumentQuery(kind: .holding)
            holdings.parents = mmsIDs
            var items = DocumentQuery(kind: .item)
            items.parents = mmsIDs
            let pages = try await reader.find([bibs, holdings, items])
            let codes = try await CatalogCodes.load(from: reader)
            var shelf = Shelf()
            let holdingsByBib = Dictionary(grouping: pages[1].items) { $0.parent ?? "" }
            let itemsByBib = Dictionary(grouping: pages[2].items) { $0.parent ?? "" }
            for bib in pages[0].items {
                let fields = Availability.fields(
                    mmsID: bib.id,
                    institution: "",
                    holdings: holdingsByBib[bib.id] ?? [],
                    items: itemsByBib[bib.id] ?? [],
                    codes: codes
                )
                shelf.availability[bib.id] = fields.map(Self.holding)
            }
            return shelf
        }

        /// One AVA field as a citation shows it.
        private static func holding(_ field: Node) -> Node {
            func value(_ code: String) -> String { field.children.first { $0.attribute("code") == code }?.text ?? "" }
            let total = Int(value("f")) ?? 0
            let unavailable = Int(value("g")) ?? 0
            return Node(
                "holding_availability",
                children: [
                    Node("library", attributes: [.init("desc", value("q"))], text: value("b")),
                    Node("location", attributes: [.init("desc", value("c"))], text: value("j")),
                    Node("call_number", text: value("d")),
                    Node("availability", text: value("e")),
                    Node("total_items", text: String(total)),
                    Node("available_items", text: String(max(0, total - unavailable))),
                ]
            )
        }
    }
}
