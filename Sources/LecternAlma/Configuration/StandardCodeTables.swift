public import LecternStore

/// The code tables every institution starts with: the ones the user object's code fields use.
public enum StandardCodeTables {
    /// The tables as documents, ready to store in a new tenant.
    public static var documents: [Document] {
        tables.map { AlmaDocuments.codeTable($0.name, description: $0.description, rows: $0.rows) }
    }

    /// The rows (code, description) of the standard table `name`; none for an unknown name.
    public static func rows(of name: String) -> [(code: String, description: String)] {
        (tables.first { $0.name == name }?.rows ?? []).map { (code: $0.0, description: $0.1) }
    }

    private static let tables: [(name: String, description: String, rows: [(String, String)])] = [
        (
            "UserGroups", "User groups",
            [
                ("UNDERGRAD", "Undergraduate"), ("GRAD", "Graduate student"), ("FACULTY", "Faculty"), ("STAFF", "Staff"),
                ("ALUMNI", "Alumni"), ("GUEST", "Guest patron"), ("PUBLIC", "Community borrower"),
            ]
        ),
        (
            "UserIdentifierTypes", "User identifier types",
            [
                ("BARCODE", "Barcode"), ("UNIV_ID", "University ID"), ("ADDL_ID_1", "Additional ID 1"), ("ORCID", "ORCID"),
                ("FACEBOOK", "Facebook ID for social login"),
            ]
        ),
        ("UserRecordTypes", "User record types", [("PUBLIC", "Public"), ("STAFF", "Staff"), ("CONTACT", "Contact")]),
        ("AccountTypes", "Account types", [("INTERNAL", "Internal"), ("EXTERNAL", "External")]),
        ("UserStatus", "User status", [("ACTIVE", "Active"), ("INACTIVE", "Inactive")]),
        ("UserTitles", "User titles", [("MR", "Mr."), ("MS", "Ms."), ("MX", "Mx."), ("DR", "Dr."), ("PROF", "Prof.")]),
        ("Genders", "Genders", [("MALE", "Male"), ("FEMALE", "Female"), ("OTHER", "Other"), ("NONE", "None")]),
        (
            "JobCategories", "Job categories",
            [
                ("Cataloger", "Cataloger"), ("Circulation", "Circulation desk operator"), ("Librarian", "Librarian"),
                ("Lecturer", "Lecturer"), ("Professor", "Professor"), ("Researcher", "Researcher"), ("Administrator", "Administrator"),
            ]
        ),
        (
            "ResearchTopics", "Research topics",
            [
                ("AI", "Artificial intelligence"), ("CLIMATE", "Climate science"), ("GENOMICS", "Genomics"), ("HISTORY_SCI", "History of science"),
                ("MATERIALS", "Materials science"), ("NEURO", "Neuroscience"), ("PUBLIC_HEALTH", "Public health"), ("QUANTUM", "Quantum computing"),
                ("SOCIAL_POLICY", "Social policy"), ("LINGUISTICS", "Linguistics"), ("ECOLOGY", "Ecology"), ("ECONOMICS", "Development economics"),
            ]
        ),
        (
            "OrganizationPositions", "Positions in an organization",
            [
                ("PROFESSOR", "Professor"), ("ASSOC_PROF", "Associate professor"), ("LECTURER", "Lecturer"), ("POSTDOC", "Postdoctoral fellow"),
                ("PHD", "Doctoral candidate"), ("RESEARCH_STAFF", "Research staff"), ("EMERITUS", "Emeritus"),
            ]
        ),
        (
            "ResearcherEngagementTypes", "Researcher engagement types",
            [("MEDIA", "Media expert"), ("SUPERVISION", "Doctoral supervision"), ("CONSULTING", "Consulting"), ("OUTREACH", "Public outreach")]
        ),
        ("CampusListOfValues", "Campuses", [("MAIN", "Main Campus"), ("NORTH", "North Campus"), ("MED", "Medical Campus")]),
        ("CatalogerLevel", "Cataloger levels", [("00", "[00] Default Level"), ("20", "[20] Copy cataloger"), ("40", "[40] Original cataloger")]),
        (
            "UserPreferredLanguage", "Languages",
            [
                ("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish"), ("zh", "Chinese"), ("ar", "Arabic"), ("he", "Hebrew"),
            ]
        ),
        ("UserAddressTypes", "Address types", [("home", "Home"), ("work", "Work"), ("school", "School"), ("alternative", "Alternative")]),
        ("UserEmailTypes", "Email types", [("personal", "Personal"), ("work", "Work"), ("school", "School"), ("alternative", "Alternative")]),
        ("UserPhoneTypes", "Phone types", [("home", "Home"), ("mobile", "Mobile"), ("office", "Office"), ("officeFax", "Office fax")]),
        ("UserBlockTypes", "Block types", [("GENERAL", "General"), ("LOAN", "Loan"), ("LIBRARY", "Library")]),
        (
            "UserBlockDescription", "Block descriptions",
            [
                ("01-GLOBAL", "Lost items (GLOBAL)"), ("02-GLOBAL", "Disruptive behaviour in library (GLOBAL)"),
                ("03-GLOBAL", "Unpaid fines (GLOBAL)"), ("04-LOCAL", "Overdue items (LOCAL)"),
            ]
        ),
        (
            "NoteTypes", "Note types",
            [
                ("ADDRESS", "Address"), ("BARCODE", "Barcode"), ("CIRCULATION", "Circulation"), ("ERP", "ERP"), ("LIBRARY", "Library"),
                ("OTHER", "Other"), ("REGISTAR", "Registrar"),
            ]
        ),
        (
            "UserStatisticalCategories", "Statistical categories",
            [
                ("BIO", "Biology"), ("CHEM", "Chemistry"), ("CS", "Computer Science"), ("ECON", "Economics"), ("ENG", "Engineering"),
                ("HIST", "History"), ("LAW", "Law"), ("MATH", "Mathematics"), ("MED", "Medicine"), ("MUS", "Music"), ("PHYS", "Physics"),
                ("PSY", "Psychology"),
            ]
        ),
        (
            "UserRoleTypes", "Role types",
            [
                ("200", "Patron"), ("51", "Circulation Desk Operator"), ("204", "Cataloger"), ("26", "General System Administrator"),
                ("233", "API User Information Read"),
            ]
        ),
        (
            "CountryCodes", "Countries",
            [
                ("USA", "United States"), ("CAN", "Canada"), ("GBR", "United Kingdom"), ("DEU", "Germany"), ("FRA", "France"),
                ("ISR", "Israel"), ("CHN", "China"), ("IND", "India"),
            ]
        ),
        // The catalogue's code fields (items and holdings).
        ("BaseStatus", "Item base status", [("1", "Item in place"), ("0", "Item not in place")]),
        (
            "PhysicalMaterialType", "Physical material types",
            [
                ("BOOK", "Book"), ("ISSUE", "Issue"), ("DVD", "DVD"), ("CD", "CD-ROM"), ("MAP", "Map"), ("SCORE", "Score"),
                ("MANUSCRIPT", "Manuscript"), ("MICROFORM", "Microform"), ("AUDIOCASSETTE", "Audio cassette"), ("KIT", "Kit"),
                ("OTHER", "Other"),
            ]
        ),
        (
            "ProcessType", "Item process types",
            [
                ("TRANSIT", "Transit"), ("WORK_ORDER_DEPARTMENT", "In Process"), ("MISSING", "Missing"), ("LOAN", "Loan"),
                ("HOLDSHELF", "Hold Shelf"), ("ACQ", "Acquisition"), ("LOST_LOAN", "Lost"), ("TECHNICAL", "Technical - Migration"),
            ]
        ),
        (
            "CallNumberType", "Call number types",
            [
                ("0", "Library of Congress classification"), ("1", "Dewey Decimal classification"),
                ("2", "National Library of Medicine classification"), ("4", "Shelving control number"), ("8", "Other scheme"),
            ]
        ),
        ("WorkOrderType", "Work order types", [("AcqWorkOrder", "Acquisition technical services"), ("Bind", "Binding")]),
        // Courses, reading lists and citations.
        ("CourseTerms", "Course terms", [("FALL", "Fall"), ("SPRING", "Spring"), ("SUMMER", "Summer"), ("WINTER", "Winter")]),
        (
            "AcademicDepartments", "Academic departments",
            [
                ("BIO", "Biology"), ("CHEM", "Chemistry"), ("CS", "Computer Science"), ("ECON", "Economics"), ("ENG", "Engineering"),
                ("HIST", "History"), ("LAW", "Law"), ("MATH", "Mathematics"), ("MED", "Medicine"), ("MUS", "Music"), ("PHYS", "Physics"),
                ("PSY", "Psychology"),
            ]
        ),
        ("CourseProcessingDepartments", "Course processing departments", [("COURSE_UNIT", "Course Unit"), ("SCI_RESERVES", "Science Reserves")]),
        (
            "ReadingListStatuses", "Reading list statuses",
            [
                ("BeingPrepared", "Being prepared"), ("ReadyForProcessing", "Ready for processing"), ("InProcess", "In process"),
                ("Complete", "Complete"), ("Inactive", "Inactive"), ("Declined", "Declined"),
            ]
        ),
        (
            "ReadingListVisibility", "Reading list visibility",
            [
                ("RESTRICTED", "Anyone - restricted"), ("OPEN_TO_WORLD", "Anyone - full"), ("OPEN_TO_INSTITUTION", "All students - full"),
                ("COURSE_ONLY", "Course students"),
            ]
        ),
        (
            "ReadingListPublishingStatuses", "Reading list publishing statuses",
            [("DRAFT", "Draft"), ("PUBLISHED", "Published"), ("ARCHIVED", "Archived")]
        ),
        (
            "CitationStatuses", "Citation statuses",
            [
                ("BeingPrepared", "Being prepared"), ("ReadyForProcessing", "Ready for processing"), ("InProcess", "In process"),
                ("Complete", "Complete"), ("Inactive", "Inactive"), ("Declined", "Declined"),
            ]
        ),
        (
            "CitationCopyrightStatuses", "Citation copyright statuses",
            [("NOTDETERMINED", "Not determined"), ("NOTREQUIRED", "Not required"), ("APPROVED", "Approved"), ("DECLINED", "Declined")]
        ),
        (
            "CitationTypes", "Citation material types",
            [
                ("BK", "Physical Book"), ("E_BK", "Electronic Book"), ("CR", "Physical Article"), ("E_CR", "Electronic Article"),
                ("VM", "Visual Material"),
            ]
        ),
        (
            "CitationSecondaryTypes", "Citation secondary types",
            [
                ("BK", "Book"), ("BK_C", "Book Chapter"), ("BOOK_EXTRACT", "Book Extract"), ("CR", "Article"), ("E_CR", "Electronic Article"),
                ("JR", "Journal"), ("NP", "Newspaper"), ("NEWSPAPER_ARTICLE", "Newspaper Article"), ("SCORE", "Score"), ("VM", "Visual Material"),
                ("WS", "Website"), ("OTHER", "Other"),
            ]
        ),
        ("CitationTagTypes", "Citation tag types", [("PUBLIC", "Public"), ("PRIVATE", "Private")]),
        (
            "CitationTags", "Citation tags",
            [
                ("ESSENTIAL", "Essential"), ("RECOMMENDED", "Recommended"), ("OPTIONAL", "Optional"), ("DIGITIZED", "Digitized"),
                ("CLEARANCE_APPROVAL", "Clearance approval"),
            ]
        ),
        ("ReadingListAccessRights", "Reading list owner access rights", [("FULL", "Full edit"), ("READ", "View only")]),
    ]
}
