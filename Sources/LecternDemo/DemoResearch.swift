import LecternAlma
import LecternCore
import LecternEsploro
import LecternPeople
import LecternRepresentation
import LecternStore

/// The demo institution's research office: organizations, researchers (demo users with a
/// researcher section: the same people in Alma and Esploro), and assets that cite them.
struct DemoResearch {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Faculties, and their departments with the subject styles they publish in.
    static let faculties: [(code: String, name: String, style: DemoCatalogueVocabulary.Subject.Style, departments: [(String, String)])] = [
        (
            "FAC_SCI", "Faculty of Science", .science,
            [("DEPT_CS", "Department of Computer Science"), ("DEPT_PHYS", "Department of Physics"), ("DEPT_BIO", "Department of Biology")]
        ),
        ("FAC_MED", "Faculty of Medicine", .clinical, [("DEPT_CLIN", "Department of Clinical Medicine"), ("DEPT_PH", "School of Public Health")]),
        ("FAC_HUM", "Faculty of Humanities", .humanities, [("DEPT_HIST", "Department of History"), ("DEPT_LING", "Department of Linguistics")]),
        ("FAC_SOC", "Faculty of Social Sciences", .social, [("DEPT_ECON", "Department of Economics"), ("DEPT_SOC", "Department of Sociology")]),
    ]

    static var organizations: [Document] {
        var documents = [
            EsploroDocuments.organization(code: "DEMO_UNIV", name: "Lectern Demo University", type: ("INSTITUTION", "Institution"), parent: nil)
        ]
        for faculty in faculties {
            documents.append(EsploroDocuments.organization(code: faculty.code, name: faculty.name, type: ("FACULTY", "Faculty"), parent: "DEMO_UNIV"))
            for (code, name) in faculty.departments {
                documents.append(EsploroDocuments.organization(code: code, name: name, type: ("DEPARTMENT", "Department"), parent: faculty.code))
            }
        }
        documents.append(
            EsploroDocuments.organization(
                code: "CTR_CLIMATE",
                name: "Centre for Climate Research",
                type: ("CENTER", "Research center"),
                parent: "FAC_SCI"
            )
        )
        return documents
    }

    /// The code tables the researcher section's codes come from, as every institution has them.
    static let topics = StandardCodeTables.rows(of: "ResearchTopics")
    static let positions = StandardCodeTables.rows(of: "OrganizationPositions")

    struct Researcher {
        let id: String
        let first: String
        let last: String
        let department: (code: String, name: String)
        let style: DemoCatalogueVocabulary.Subject.Style
    }

    /// `users` with a researcher section on everyone but undergraduates, guests and community
    /// borrowers, topped up with undergraduates to `count`; the researchers, for the assets.
    mutating func researchers(_ users: [Document], count: Int) -> (documents: [Document], researchers: [Researcher]) {
        let eligible = Set(["GRAD", "FACULTY", "STAFF", "ALUMNI"])
        var chosen = Set(users.indices.filter { eligible.contains(users[$0].body.value("user_group") ?? "") })
        for index in users.indices where chosen.count < count && users[index].body.value("user_group") == "UNDERGRAD" { chosen.insert(index) }
        var documents = users
        var researchers: [Researcher] = []
        for index in chosen.sorted() {
            let user = users[index].body
            let faculty = random.pick(Self.faculties)
            let department = random.pick(faculty.departments)
            let researcher = Researcher(
                id: users[index].id,
                first: user.value("first_name") ?? "",
                last: user.value("last_name") ?? "",
                department: (department.0, department.1),
                style: faculty.style
            )
            documents[index] = PeopleDocuments.user(researcherUser(user, researcher), passwordHash: users[index].fields["password_hash"])
            researchers.append(researcher)
        }
        return (documents, researchers)
    }

    private mutating func researcherUser(_ user: Node, _ researcher: Researcher) -> Node {
        var user = user
        let group = user.value("user_group") ?? ""
        let positionCode =
            switch group {
            case "FACULTY": random.pick(["PROFESSOR", "ASSOC_PROF", "LECTURER"])
            case "GRAD": "PHD"
            case "ALUMNI": "EMERITUS"
            default: random.pick(["POSTDOC", "RESEARCH_STAFF"])
            }
        let position = Self.positions.first { $0.code == positionCode }.map { ($0.code, $0.description) } ?? (positionCode, "")
        func code(_ name: String, _ value: (String, String)) -> Node { Node(name, attributes: [.init("desc", value.1)], text: value.0) }
        let topics = Self.topics.map { ($0.code, $0.description) }
        var chosenTopics: [(String, String)] = []
        for _ in 0..<(1 + random.int(3)) {
            let topic = random.pick(topics)
            if !chosenTopics.contains(where: { $0.0 == topic.0 }) { chosenTopics.append(topic) }
        }
        let startYear = 1995 + random.int(28)
        var children = [
            Node("researcher_first_name", text: researcher.first),
            Node("researcher_last_name", text: researcher.last),
            code("researcher_title", group == "FACULTY" ? ("PROF", "Prof.") : ("DR", "Dr.")),
            code("position", position),
            code("portal_profile", ("true", "Yes")),
            Node("auto_capture", text: "true"),
            Node("research_center", text: "false"),
            Node("previous_affiliated", text: group == "ALUMNI" ? "true" : "false"),
            code("default_publication_language", ("en", "English")),
            Node(
                "researcher_organization_affiliations",
                children: [
                    Node(
                        "researcher_organization_affiliation",
                        children: [
                            Node("organization_code", text: researcher.department.code),
                            Node("organization_name", text: researcher.department.name),
                            Node("start_date", text: "\(startYear)-09-01Z"),
                            code("position", position),
                            Node("positionOrder", text: "1"),
                        ]
                    )
                ]
            ),
            Node("researcher_research_topics", children: chosenTopics.map { code("researcher_research_topic", $0) }),
            Node(
                "researcher_keywords",
                children: chosenTopics.map { Node("researcher_keyword", children: [Node("value", text: $0.1.lowercased())]) }
            ),
        ]
        if group == "FACULTY" {
            children.append(
                Node(
                    "researcher_educations",
                    children: [
                        Node(
                            "researcher_education",
                            children: [
                                Node(
                                    "organization_name",
                                    text: random.pick([
                                        "University of Edinburgh", "Universität Heidelberg", "McGill University", "University of Tokyo",
                                    ])
                                ),
                                Node("degree", text: "PhD"), Node("from_year", text: String(startYear - 6)),
                                Node("to_year", text: String(startYear - 1)),
                            ]
                        )
                    ]
                )
            )
        }
        user.setChild(Node("is_researcher", text: "true"))
        user.setChild(Node("researcher", children: children))
        let orcid = "0000-000\(random.int(3))-\(1000 + random.int(9000))-\(1000 + random.int(9000))"
        if var identifiers = user.child("user_identifiers") {
            identifiers.children.append(
                Node(
                    "user_identifier",
                    attributes: [.init("segment_type", "Internal")],
                    children: [code("id_type", ("ORCID", "ORCID")), Node("value", text: orcid), Node("status", text: "ACTIVE")]
                )
            )
            user.setChild(identifiers)
        }
        return user
    }

    /// `count` assets by the researchers (one to five creators each, some from elsewhere), with
    /// DOIs under the test prefix 10.5555.
    mutating func assets(_ count: Int, by researchers: [Researcher]) -> [AssetRecord] {
        let types: [(String, Int)] = [
            ("publication.journalArticle", 40), ("publication.conferencePaper", 12), ("publication.bookChapter", 8), ("publication.book", 4),
            ("publication.report", 5), ("publication.preprint", 6), ("etd.doctoral", 5), ("etd.graduate", 4), ("dataset.dataset", 8),
            ("software.software", 3), ("conference.presentation", 3), ("conference.poster", 2),
        ]
        let weighted = types.flatMap { Array(repeating: $0.0, count: $0.1) }
        let external = [("Okafor", "Chidi"), ("Lindqvist", "Maja"), ("Tanaka", "Hiroshi"), ("Moreau", "Camille"), ("Silva", "Rafael")]
        return (0..<count).map { index in
            let lead = random.pick(researchers)
            var team = [lead]
            for _ in 0..<random.int(4) {
                let other = random.pick(researchers)
                if !team.contains(where: { $0.id == other.id }) { team.append(other) }
            }
            let subjects = DemoCatalogueVocabulary.subjects.filter { $0.style == lead.style }
            let subject = random.pick(subjects.isEmpty ? DemoCatalogueVocabulary.subjects : subjects)
            let topic = random.pick(subject.topics)
            let year = 2008 + random.int(18)
            let type = random.pick(weighted)
            let title = random.pick([
                "\(topic.capitalized): new evidence", "Rethinking \(topic.phrase)", "\(topic.capitalized) and its measurement",
                "A longitudinal study of \(topic.phrase)", "Open questions in \(topic.phrase)",
                "\(topic.capitalized)\(random.pick(subject.contexts))",
            ])
            var creators: [JSONValue] = team.enumerated().map { order, person in
                .object([
                    JSONEntry("order", .string(String(order + 1))),
                    JSONEntry("creatorname", .string("\(person.first) \(person.last)")),
                    JSONEntry("familyname", .string(person.last)),
                    JSONEntry("givenname", .string(person.first)),
                    JSONEntry("user.primaryId", .string(person.id)),
                    JSONEntry("affiliated", .bool(true)),
                    JSONEntry("isDisplayInPublicProfile", .bool(true)),
                    JSONEntry("affiliation", .array([.string(person.department.code)])),
                ])
            }
            if random.chance(30) {
                let (family, given) = random.pick(external)
                creators.append(
                    .object([
                        JSONEntry("order", .string(String(creators.count + 1))), JSONEntry("creatorname", .string("\(given) \(family)")),
                        JSONEntry("familyname", .string(family)), JSONEntry("givenname", .string(given)), JSONEntry("affiliated", .bool(false)),
                        JSONEntry("isDisplayInPublicProfile", .bool(false)),
                    ])
                )
            }
            let doi = "10.5555/demo.\(year).\(10_000 + index)"
            let openAccess = random.chance(45)
            let record = AssetRecord([
                JSONEntry("title", .string(title)),
                JSONEntry("resourcetype.esploro", .string(type)),
                JSONEntry("creators", .array(creators)),
                JSONEntry("identifier.doi", .string(doi)),
                JSONEntry("date.published", .string(random.chance(70) ? "\(year)\(Self.two(1 + random.int(12)))" : "\(year)")),
                JSONEntry(
                    "description.abstract",
                    .array([
                        .object([
                            JSONEntry("language", .string("eng")),
                            JSONEntry("value", .string("We study \(topic.phrase) at \(lead.department.name), \(year).")),
                        ])
                    ])
                ),
                JSONEntry(
                    "keywords",
                    .array([
                        .object([
                            JSONEntry("language", .string("eng")),
                            JSONEntry("values", .array([.string(topic.phrase), .string(subject.name.lowercased())])),
                        ])
                    ])
                ),
                JSONEntry("subject.esploro", .array([.string(subject.name)])),
                JSONEntry("language", .array([.string("eng")])),
                JSONEntry(
                    "publisher",
                    .string(random.pick(["Elsevier", "Springer Nature", "Wiley", "Taylor & Francis", "Demo University Press", "IEEE"]))
                ),
                JSONEntry("openaccess", .string(openAccess ? "yes" : "no")),
                JSONEntry("peerreview", .string(type.hasPrefix("publication.") && type != "publication.preprint" ? "yes" : "no")),
                JSONEntry("asset.affiliation", .array(Array(Set(team.map(\.department.code))).sorted().map(JSONValue.string))),
                JSONEntry(
                    "links",
                    .array([
                        .object([
                            JSONEntry("link.url", .string("https://doi.org/\(doi)")), JSONEntry("link.type", .string("published")),
                            JSONEntry("link.title", .string("Version of record")), JSONEntry("link.order", .number("1")),
                        ])
                    ])
                ),
                JSONEntry("portal_visibility", .string("true")),
            ])
            return record
        }
    }

    private static func two(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }
}
