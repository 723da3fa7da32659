import Foundation
import LecternCore
import LecternRepresentation
import LecternStore

/// How a user is stored: the canonical `<user>` node plus what the store indexes, lifted from it.
enum UserDocument {
    /// The brief-search fields of `GET /users` (users OpenAPI document, `q`).
    static let searchFields: Set<String> = [
        "primary_id", "first_name", "last_name", "middle_name", "email", "phone_number", "job_category", "identifiers",
        "birth_date", "user_group", "campus_code", "block_type", "id_type", "note_text", "note_type", "statistic_category",
        "fines_fees_sum", "general_info", "ALL",
    ]

    /// The fields another part of the family keeps on a user (``UserActivityFields``) start so.
    static let activityPrefix = "activity."

    /// The document for `user`; `passwordHash` is kept beside the body, never in it, and so are
    /// the `activity` fields (carried from the stored document by every write).
    static func make(_ user: Node, passwordHash: String?, modified: String, activity: [String: String] = [:]) -> Document {
        let id = user.value("primary_id") ?? ""
        var keys = [Document.Key(type: "primary_id", value: id)]
        var identifierValues: [String] = []
        var identifierTypes: [String] = []
        for identifier in user.child("user_identifiers")?.children(named: "user_identifier") ?? [] {
            guard let value = identifier.value("value"), !value.isEmpty else { continue }
            let type = identifier.value("id_type") ?? ""
            keys.append(Document.Key(type: type, value: value))
            identifierValues.append(value)
            identifierTypes.append(type + " " + (identifier.descendant("id_type")?.attribute("desc") ?? ""))
        }
        let contact = user.child("contact_info")
        let emails = contact?.child("emails")?.children(named: "email").compactMap { $0.value("email_address") } ?? []
        let phones = contact?.child("phones")?.children(named: "phone").compactMap { $0.value("phone_number") } ?? []
        let blocks = user.child("user_blocks")?.children(named: "user_block") ?? []
        let notes = user.child("user_notes")?.children(named: "user_note") ?? []
        let statistics = user.child("user_statistics")?.children(named: "user_statistic") ?? []
        func code(_ node: Node?) -> String { [node?.text, node?.attribute("desc")].compactMap { $0 }.joined(separator: " ") }
        var terms: [String: String] = [
            "primary_id": id,
            "first_name": user.value("first_name") ?? "",
            "last_name": user.value("last_name") ?? "",
            "middle_name": user.value("middle_name") ?? "",
            "email": emails.joined(separator: " "),
            "phone_number": phones.joined(separator: " "),
            "job_category": code(user.child("job_category")),
            "identifiers": identifierValues.joined(separator: " "),
            "birth_date": user.value("birth_date") ?? "",
            "user_group": code(user.child("user_group")),
            "campus_code": code(user.child("campus_code")),
            "block_type": blocks.map { code($0.child("block_type")) + " " + code($0.child("block_description")) }.joined(separator: " "),
            "id_type": identifierTypes.joined(separator: " "),
            "note_text": notes.compactMap { $0.value("note_text") }.joined(separator: " "),
            "note_type": notes.map { code($0.child("note_type")) }.joined(separator: " "),
            "statistic_category": statistics.map { code($0.child("statistic_category")) }.joined(separator: " "),
        ]
        let excludedFromGeneral: Set<String> = ["email", "birth_date", "identifiers"]
        terms["general_info"] = terms.filter { !excludedFromGeneral.contains($0.key) }.map(\.value).joined(separator: " ")
        terms["ALL"] = terms.filter { $0.key != "general_info" }.map(\.value).joined(separator: " ")
        // Sort keys without accents, so that Émile sorts with the E's.
        func sortKey(_ text: String?) -> String { (text ?? "").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }
        var fields: [String: String] = [
            "primary_id": id,
            "first_name": sortKey(user.value("first_name")),
            "last_name": sortKey(user.value("last_name")),
            "modified": modified,
            "is_researcher": user.value("is_researcher") == "true" ? "true" : "false",
        ]
        if let source = user.value("source_user_id") { fields["source_user_id"] = source }
        if let passwordHash { fields["password_hash"] = passwordHash }
        for (name, value) in activity where name.hasPrefix(activityPrefix) { fields[name] = value }
        return Document(kind: .user, id: id, body: user, keys: keys, terms: terms, fields: fields)
    }
}
