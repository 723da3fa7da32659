import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// The demo campus's people: students, faculty, staff, alumni and guests, with the identifiers,
/// addresses, emails, phones, blocks, notes, statistics and roles a real campus has.
struct DemoPatrons {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// The password of the first few demo users (`jsmith`-style ids are listed by `GET /users`).
    static let demoPassword = "demo-password-2026"

    mutating func documents(count: Int, passwords: any PasswordHasher) -> [Document] {
        var used: Set<String> = []
        var documents: [Document] = []
        let passwordHash = passwords.hash(Self.demoPassword)
        for index in 0..<count {
            let first = random.pick(Self.firstNames)
            let last = random.pick(Self.lastNames)
            var id = (String(first.name.prefix(1)) + last).lowercased().filter { $0.isLetter }
            if used.contains(id) { id += String(index) }
            used.insert(id)
            let user = makeUser(index: index, id: id, first: first, last: last)
            documents.append(PeopleDocuments.user(user, passwordHash: index < 5 ? passwordHash : nil))
        }
        return documents
    }

    private mutating func makeUser(index: Int, id: String, first: (name: String, gender: String), last: String) -> Node {
        let group = random.pick(Self.groups)
        let middle = random.chance(40) ? random.pick(Self.firstNames).name : ""
        let campus = random.pick([("MAIN", "Main Campus"), ("MAIN", "Main Campus"), ("NORTH", "North Campus"), ("MED", "Medical Campus")])
        let birthYear = group.code == "UNDERGRAD" ? 2000 + random.int(8) : 1950 + random.int(50)
        let birth = "\(birthYear)-\(Self.two(1 + random.int(12)))-\(Self.two(1 + random.int(28)))Z"
        let expiry = "\(2027 + random.int(4))-08-31Z"
        let isStaff = group.code == "STAFF"
        let job =
            group.job.map { Node("job_category", attributes: [.init("desc", $0)], text: $0) }
            ?? Node("job_category", attributes: [.init("desc", "")], text: "")
        let language =
            random.chance(85) ? ("en", "English") : random.pick([("de", "German"), ("fr", "French"), ("es", "Spanish"), ("zh", "Chinese")])
        let gender = first.gender == "F" ? ("FEMALE", "Female") : first.gender == "M" ? ("MALE", "Male") : ("OTHER", "Other")
        let title =
            group.code == "FACULTY" ? ("PROF", "Prof.") : (first.gender == "F" ? ("MS", "Ms.") : first.gender == "M" ? ("MR", "Mr.") : ("MX", "Mx."))
        var children: [Node] = [
            code("record_type", isStaff ? ("STAFF", "Staff") : ("PUBLIC", "Public")),
            Node("primary_id", text: id),
            Node("first_name", text: first.name),
            Node("middle_name", text: middle),
            Node("last_name", text: last),
            Node("full_name", text: [first.name, middle, last].filter { !$0.isEmpty }.joined(separator: " ")),
            code("user_title", title),
            job,
            Node("job_description", text: group.job.map { "\($0), \(random.pick(Self.departments).1)" } ?? ""),
            code("gender", gender),
            code("user_group", (group.code, group.name)),
            code("campus_code", campus),
            Node("web_site_url", text: group.code == "FACULTY" ? "https://faculty.demo.edu/\(id)" : ""),
            code("cataloger_level", ("00", "[00] Default Level")),
            code("preferred_language", language),
            Node("birth_date", text: birth),
            Node("expiry_date", text: expiry),
            Node("purge_date", text: expiry.replacingOccurrences(of: "-08-31Z", with: "-12-31Z")),
            code("account_type", ("INTERNAL", "Internal")),
            Node("external_id", text: ""),
            Node("password", text: ""),
            Node("force_password_change", text: ""),
            code("status", random.chance(93) ? ("ACTIVE", "Active") : ("INACTIVE", "Inactive")),
            contactInfo(id: id, first: first.name, last: last, group: group.code),
            identifiers(index: index, id: id),
            roles(isStaff: isStaff),
            blocks(),
            notes(),
            statistics(),
            Node("proxy_for_users"),
            Node("rs_libraries"),
        ]
        if random.chance(5) { children.append(Node("pref_first_name", text: String(first.name.prefix(3)))) }
        return Node("user", children: children)
    }

    private mutating func contactInfo(id: String, first: String, last: String, group: String) -> Node {
        let city = random.pick(Self.cities)
        let street = "\(10 + random.int(990)) \(random.pick(Self.streets))"
        var addresses = [
            Node(
                "address",
                attributes: [.init("preferred", "true"), .init("segment_type", "Internal")],
                children: [
                    Node("line1", text: street),
                    Node("city", text: city.0), Node("state_province", text: city.1), Node("postal_code", text: city.2),
                    code("country", ("USA", "United States")), Node("address_note", text: ""),
                    Node("start_date", text: "2024-0\(1 + random.int(9))-01Z"),
                    Node("address_types", children: [code("address_type", ("home", "Home"))]),
                ]
            )
        ]
        if group == "FACULTY" || group == "STAFF" {
            addresses.append(
                Node(
                    "address",
                    attributes: [.init("preferred", "false"), .init("segment_type", "Internal")],
                    children: [
                        Node("line1", text: "\(random.pick(Self.buildings)), Room \(100 + random.int(400))"),
                        Node("line2", text: "1 University Plaza"),
                        Node("city", text: "Springfield"), Node("state_province", text: "IL"), Node("postal_code", text: "62701"),
                        code("country", ("USA", "United States")), Node("address_note", text: ""),
                        Node("address_types", children: [code("address_type", ("work", "Work"))]),
                    ]
                )
            )
        }
        let campusMail = "\(first.lowercased()).\(last.lowercased())@demo.edu".filter { $0.isASCII }
        var emails = [
            Node(
                "email",
                attributes: [.init("preferred", "true"), .init("segment_type", "Internal")],
                children: [
                    Node("email_address", text: campusMail),
                    Node(
                        "email_types",
                        children: [code("email_type", group == "UNDERGRAD" || group == "GRAD" ? ("school", "School") : ("work", "Work"))]
                    ),
                ]
            )
        ]
        if random.chance(40) {
            emails.append(
                Node(
                    "email",
                    attributes: [.init("preferred", "false"), .init("segment_type", "Internal")],
                    children: [
                        Node("email_address", text: "\(id)\(random.int(100))@\(random.pick(["gmail.com", "outlook.com", "proton.me", "yahoo.com"]))"),
                        Node("email_types", children: [code("email_type", ("personal", "Personal"))]),
                    ]
                )
            )
        }
        let phone = Node(
            "phone",
            attributes: [
                .init("preferred", "true"), .init("preferred_sms", random.chance(50) ? "true" : "false"), .init("segment_type", "Internal"),
            ],
            children: [
                Node("phone_number", text: "217-555-\(String(1000 + random.int(9000)))"),
                Node("phone_types", children: [code("phone_type", ("mobile", "Mobile"))]),
            ]
        )
        return Node(
            "contact_info",
            children: [Node("addresses", children: addresses), Node("emails", children: emails), Node("phones", children: [phone])]
        )
    }

    private mutating func identifiers(index: Int, id: String) -> Node {
        var list = [
            Node(
                "user_identifier",
                attributes: [.init("segment_type", "Internal")],
                children: [
                    code("id_type", ("BARCODE", "Barcode")), Node("value", text: "3900\(String(1_000_000 + index * 7919 % 8_999_999))"),
                    Node("status", text: "ACTIVE"),
                ]
            ),
            Node(
                "user_identifier",
                attributes: [.init("segment_type", "External")],
                children: [
                    code("id_type", ("UNIV_ID", "University ID")), Node("value", text: "U\(String(20_000_000 + index * 104_729 % 79_999_999))"),
                    Node("status", text: "ACTIVE"),
                ]
            ),
        ]
        if random.chance(15) {
            list.append(
                Node(
                    "user_identifier",
                    attributes: [.init("segment_type", "Internal")],
                    children: [
                        code("id_type", ("ORCID", "ORCID")),
                        Node("value", text: "0000-000\(random.int(10))-\(1000 + random.int(9000))-\(1000 + random.int(9000))"),
                        Node("status", text: "ACTIVE"),
                    ]
                )
            )
        }
        return Node("user_identifiers", children: list)
    }

    private mutating func roles(isStaff: Bool) -> Node {
        var list = [role(("200", "Patron"))]
        if isStaff {
            list.append(role(random.pick([("51", "Circulation Desk Operator"), ("204", "Cataloger"), ("26", "General System Administrator")])))
        }
        return Node("user_roles", children: list)
    }

    private func role(_ type: (String, String)) -> Node {
        Node(
            "user_role",
            children: [
                code("status", ("ACTIVE", "Active")), code("scope", ("DEMO", "Lectern Demo University")), code("role_type", type),
                Node("parameters"),
            ]
        )
    }

    private mutating func blocks() -> Node {
        guard random.chance(6) else { return Node("user_blocks") }
        let description = random.pick([
            ("01-GLOBAL", "Lost items (GLOBAL)"), ("03-GLOBAL", "Unpaid fines (GLOBAL)"), ("04-LOCAL", "Overdue items (LOCAL)"),
        ])
        return Node(
            "user_blocks",
            children: [
                Node(
                    "user_block",
                    attributes: [.init("segment_type", "Internal")],
                    children: [
                        code("block_type", ("GENERAL", "General")), code("block_description", description), Node("block_status", text: "ACTIVE"),
                        Node("block_note", text: "Please see the circulation supervisor."), Node("created_by", text: "circ_staff"),
                        Node("created_date", text: "2025-\(Self.two(1 + random.int(12)))-14T10:21:07.512Z"),
                    ]
                )
            ]
        )
    }

    private mutating func notes() -> Node {
        guard random.chance(12) else { return Node("user_notes") }
        let note = random.pick([
            (("CIRCULATION", "Circulation"), "Prefers pickup at the Science Library."),
            (("LIBRARY", "Library"), "Visiting scholar, access to special collections approved."),
            (("ADDRESS", "Address"), "Mail returned once; confirm address at next visit."),
            (("OTHER", "Other"), "Needs accessible study room bookings."),
        ])
        return Node(
            "user_notes",
            children: [
                Node(
                    "user_note",
                    attributes: [.init("segment_type", "Internal")],
                    children: [
                        code("note_type", note.0), Node("note_text", text: note.1), Node("user_viewable", text: random.chance(30) ? "true" : "false"),
                        Node("popup_note", text: "false"), Node("created_by", text: "circ_staff"),
                        Node("created_date", text: "2025-03-02T09:12:44.101Z"),
                    ]
                )
            ]
        )
    }

    private mutating func statistics() -> Node {
        let department = random.pick(Self.departments)
        return Node(
            "user_statistics",
            children: [
                Node(
                    "user_statistic",
                    attributes: [.init("segment_type", "Internal")],
                    children: [code("statistic_category", department), Node("statistic_note", text: "")]
                )
            ]
        )
    }

    private func code(_ name: String, _ value: (String, String)) -> Node {
        Node(name, attributes: [.init("desc", value.1)], text: value.0)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static let groups: [(code: String, name: String, job: String?)] = [
        ("UNDERGRAD", "Undergraduate", nil), ("UNDERGRAD", "Undergraduate", nil), ("UNDERGRAD", "Undergraduate", nil),
        ("UNDERGRAD", "Undergraduate", nil), ("GRAD", "Graduate student", nil), ("GRAD", "Graduate student", "Researcher"),
        ("FACULTY", "Faculty", "Professor"), ("FACULTY", "Faculty", "Lecturer"), ("STAFF", "Staff", "Librarian"),
        ("STAFF", "Staff", "Circulation"), ("STAFF", "Staff", "Administrator"), ("ALUMNI", "Alumni", nil), ("GUEST", "Guest patron", nil),
        ("PUBLIC", "Community borrower", nil),
    ]

    static let departments: [(String, String)] = [
        ("BIO", "Biology"), ("CHEM", "Chemistry"), ("CS", "Computer Science"), ("ECON", "Economics"), ("ENG", "Engineering"),
        ("HIST", "History"), ("LAW", "Law"), ("MATH", "Mathematics"), ("MED", "Medicine"), ("MUS", "Music"), ("PHYS", "Physics"),
        ("PSY", "Psychology"),
    ]

    static let firstNames: [(name: String, gender: String)] = [
        ("James", "M"), ("Mary", "F"), ("Wei", "M"), ("Fatima", "F"), ("Carlos", "M"), ("Aisha", "F"), ("Noah", "M"), ("Olivia", "F"),
        ("Hiroshi", "M"), ("Priya", "F"), ("Liam", "M"), ("Sofia", "F"), ("Mateo", "M"), ("Chloé", "F"), ("Ethan", "M"), ("Amara", "F"),
        ("Yusuf", "M"), ("Mei", "F"), ("Lucas", "M"), ("Isabella", "F"), ("Dmitri", "M"), ("Zanele", "F"), ("Omar", "M"), ("Ingrid", "F"),
        ("Kwame", "M"), ("Ana", "F"), ("Jonas", "M"), ("Leila", "F"), ("Arjun", "M"), ("Hannah", "F"), ("Sam", "X"), ("Alex", "X"),
        ("Tomás", "M"), ("Yara", "F"), ("Elijah", "M"), ("Nadia", "F"), ("Björn", "M"), ("Ngozi", "F"), ("Rafael", "M"), ("Emma", "F"),
    ]

    static let lastNames = [
        "Smith", "Johnson", "Chen", "Garcia", "Nguyen", "Patel", "Kim", "Müller", "Rossi", "Okafor", "Cohen", "Silva", "Novak",
        "Haddad", "Tanaka", "Williams", "Brown", "Martinez", "Andersson", "Kowalski", "O'Brien", "Dubois", "Ivanova", "Mensah",
        "Rahman", "Lopez", "Wang", "Schmidt", "Jensen", "Ali", "Murphy", "Singh", "Fischer", "Moreau", "Yilmaz", "Costa", "Park",
        "Levi", "Walker", "Hughes",
    ]

    static let cities: [(String, String, String)] = [
        ("Springfield", "IL", "62701"), ("Springfield", "IL", "62704"), ("Chatham", "IL", "62629"), ("Decatur", "IL", "62521"),
        ("Champaign", "IL", "61820"), ("Peoria", "IL", "61602"), ("Bloomington", "IL", "61701"),
    ]

    static let streets = ["Oak Street", "Maple Avenue", "College Road", "Elm Drive", "Lincoln Way", "Walnut Street", "Park Place"]
    static let buildings = ["Hamilton Hall", "Science Center", "Library Annex", "Medical Research Building", "Arts Building"]
}
