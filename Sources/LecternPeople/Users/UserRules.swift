import Foundation
import LecternCore
import LecternRepresentation

/// What Alma does to a user it is given: defaults for missing fields, descriptions for codes,
/// the checks that refuse it, and PUT's swap-all with its documented exceptions.
enum UserRules {
    /// The code table behind each code field of a user.
    static let codeTables: [String: String] = [
        "record_type": "UserRecordTypes", "user_title": "UserTitles", "job_category": "JobCategories",
        "gender": "Genders", "user_group": "UserGroups", "campus_code": "CampusListOfValues",
        "cataloger_level": "CatalogerLevel", "preferred_language": "UserPreferredLanguage",
        "account_type": "AccountTypes", "status": "UserStatus", "address_type": "UserAddressTypes",
        "email_type": "UserEmailTypes", "phone_type": "UserPhoneTypes", "id_type": "UserIdentifierTypes",
        "block_type": "UserBlockTypes", "block_description": "UserBlockDescription", "note_type": "NoteTypes",
        "statistic_category": "UserStatisticalCategories", "role_type": "UserRoleTypes", "country": "CountryCodes",
        "researcher_title": "UserTitles", "position": "OrganizationPositions", "researcher_research_topic": "ResearchTopics",
        "researcher_engagement": "ResearcherEngagementTypes", "default_publication_language": "UserPreferredLanguage",
    ]

    /// Fields an external user's PUT leaves alone unless named in `override=` (users OpenAPI, PUT).
    static let protectedForExternal: Set<String> = [
        "user_group", "job_category", "pin_number", "preferred_language", "campus_code", "rs_libraries", "user_title",
        "library_notices", "pref_first_name", "pref_middle_name", "pref_last_name", "cataloger_level",
    ]

    /// `user` with Alma's defaults filled in, descriptions set, and checked.
    static func prepare(_ user: Node, codes: CodeTables) throws -> Node {
        var user = user
        user.name = "user"
        user.setAttribute("link", nil)
        guard let primaryID = user.value("primary_id")?.trimmingCharacters(in: .whitespaces), !primaryID.isEmpty else {
            throw APIError.mandatoryFieldMissing("primary_id")
        }
        guard let lastName = user.value("last_name"), !lastName.isEmpty else { throw APIError.mandatoryFieldMissing("last_name") }
        if let (path, reason) = PeopleShapes.userRules.firstViolation(in: user) { throw APIError.invalidBody("The value of \(path) \(reason).") }
        user = normalize(user)
        let accountType = user.value("account_type") ?? ""
        guard accountType == "INTERNAL" || accountType == "EXTERNAL" else { throw APIError.illegalAccountType }
        let externalID = user.value("external_id") ?? ""
        if accountType == "INTERNAL", !externalID.isEmpty { throw APIError.externalIDForInternal }
        if accountType == "EXTERNAL", externalID.isEmpty { throw APIError.externalIDMissing }
        if let group = user.value("user_group"), !group.isEmpty, !codes.contains(group, in: "UserGroups") {
            throw APIError.illegalUserGroup
        }
        for identifier in user.child("user_identifiers")?.children(named: "user_identifier") ?? [] {
            let type = identifier.value("id_type") ?? ""
            guard codes.contains(type, in: "UserIdentifierTypes") else { throw APIError.invalidType("id_type", type) }
            guard let value = identifier.value("value"), !value.isEmpty else { throw APIError.mandatoryFieldMissing("user_identifier.value") }
        }
        if let (field, code) = codes.firstUnknownCode(in: user, as: PeopleShapes.user, tablesByField: codeTables) {
            throw APIError.invalidType(field, code)
        }
        codes.describe(&user, as: PeopleShapes.user, tablesByField: codeTables)
        return user
    }

    /// `user` as Alma keeps it: defaults for missing fields, the derived full name, no password,
    /// segment types, no computed counts, in XSD order. Every stored user passes through here.
    static func normalize(_ user: Node) -> Node {
        var user = user
        setDefault(&user, "record_type", "PUBLIC")
        setDefault(&user, "account_type", "INTERNAL")
        setDefault(&user, "status", "ACTIVE")
        setDefault(&user, "preferred_language", "en")
        setDefault(&user, "cataloger_level", "00")
        let fullName = [user.value("first_name"), user.value("middle_name"), user.value("last_name")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        user.setChild(Node("full_name", text: fullName))
        user.setChild(Node("password", text: ""))
        for name in ["loans", "requests", "fees"] { user.removeChildren(named: name) }
        setSegmentTypes(&user)
        fillEmptyDefaults(&user)
        return PeopleShapes.user.normalized(user)
    }

    /// The user a PUT leaves: the incoming object replaces the stored one (swap-all), except that
    /// roles are kept when none are sent, an external user's protected fields are kept unless
    /// named in `override`, and the external id cannot change.
    static func merge(incoming: Node, stored: Node, override: Set<String>) throws -> Node {
        var user = incoming
        if (user.child("user_roles")?.children.isEmpty ?? true), let roles = stored.child("user_roles") {
            user.setChild(roles)
        }
        if stored.value("account_type") == "EXTERNAL" {
            if (user.value("external_id") ?? "") != (stored.value("external_id") ?? "") { throw APIError.externalIDChanged }
            for name in protectedForExternal where !override.contains(name) {
                user.removeChildren(named: name)
                if let kept = stored.child(name) { user.children.append(kept) }
            }
        }
        return user
    }

    /// Sub-records without a segment type are the institution's own: `Internal`.
    private static func setSegmentTypes(_ user: inout Node) {
        func mark(_ node: inout Node) {
            if node.attribute("segment_type") == nil { node.setAttribute("segment_type", "Internal") }
        }
        for (wrapper, item) in [
            ("user_identifiers", "user_identifier"), ("user_blocks", "user_block"), ("user_notes", "user_note"),
            ("user_statistics", "user_statistic"),
        ] {
            guard let index = user.children.firstIndex(where: { $0.name == wrapper }) else { continue }
            for child in user.children[index].children.indices where user.children[index].children[child].name == item {
                mark(&user.children[index].children[child])
            }
        }
        guard let contact = user.children.firstIndex(where: { $0.name == "contact_info" }) else { return }
        for wrapper in user.children[contact].children.indices {
            for item in user.children[contact].children[wrapper].children.indices {
                mark(&user.children[contact].children[wrapper].children[item])
            }
        }
    }

    /// Fields Alma always answers with, empty when not given (samples/alma/php-alma-client/user_response.json).
    private static func fillEmptyDefaults(_ user: inout Node) {
        for name in ["middle_name", "job_description", "web_site_url", "external_id", "force_password_change"] where user.child(name) == nil {
            user.children.append(Node(name, text: ""))
        }
        for name in ["user_title", "job_category", "gender", "campus_code"] where user.child(name) == nil {
            user.children.append(Node(name, attributes: [.init("desc", "")], text: ""))
        }
        for name in ["user_identifiers", "user_roles", "user_blocks", "user_notes", "user_statistics", "proxy_for_users", "rs_libraries"] {
            user.removeChildren(named: name, where: { $0.children.isEmpty })
            if user.child(name) == nil { user.children.append(Node(name, text: "")) }  // present and empty: `[]` in JSON
        }
        if user.child("contact_info") == nil { user.children.append(Node("contact_info", text: "")) }
        if let index = user.children.firstIndex(where: { $0.name == "contact_info" }) {
            for name in ["addresses", "emails", "phones"] where user.children[index].child(name) == nil {
                user.children[index].children.append(Node(name, text: ""))
            }
        }
    }

    private static func setDefault(_ user: inout Node, _ name: String, _ value: String) {
        if let existing = user.child(name), let text = existing.text, !text.isEmpty { return }
        user.setChild(Node(name, text: value))
    }
}
