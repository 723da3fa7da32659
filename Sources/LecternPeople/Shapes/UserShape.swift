public import LecternRepresentation

/// The user (`rest_user.xsd`, complexType `user` and its sub-types) and the users list
/// (`rest_users.xsd`).
///
/// Code fields are the XSD elements with a `desc` attribute, booleans its `xs:boolean`s, lists
/// its wrapper types. The members Alma's recorded JSON shows as `null` when absent
/// (`php-alma-client/user_response.json`, `misc/user1.json`, `alma_rb/single_user.json`) are
/// marked `nullWhenAbsent`. `researcher` is ``researcher``, Esploro's part of the user.
extension PeopleShapes {
    /// A user: `GET /almaws/v1/users/{user_id}`.
    public static let user: Shape = .object([
        .attribute("link", nullWhenAbsent: true),
        .code("record_type"),
        .text("primary_id"),
        .text("first_name"),
        .text("middle_name"),
        .text("last_name"),
        .text("full_name"),
        .text("pin_number"),
        .code("user_title"),
        .code("job_category"),
        .text("job_description"),
        .code("gender"),
        .code("user_group"),
        .code("campus_code"),
        .text("web_site_url"),
        .code("cataloger_level"),
        .code("preferred_language"),
        .text("birth_date"),
        .text("expiry_date"),
        .text("purge_date"),
        .code("account_type"),
        .text("external_id"),
        .text("password"),
        .text("force_password_change"),
        .code("status"),
        .text("status_date"),
        .text("last_patron_activity_date"),
        Shape.Member("requests", .valued(.text), nullWhenAbsent: true),
        Shape.Member("loans", .valued(.text), nullWhenAbsent: true),
        Shape.Member("fees", .valued(.text), nullWhenAbsent: true),
        Shape.Member("contact_info", contactInfo),
        .list("user_identifiers", item: "user_identifier", of: userIdentifier),
        .list("user_roles", item: "user_role", of: userRole),
        .list("user_blocks", item: "user_block", of: userBlock),
        .list("user_notes", item: "user_note", of: userNote),
        .list("user_statistics", item: "user_statistic", of: userStatistic),
        .list("proxy_for_users", item: "proxy_for_user", of: proxyForUser),
        .list("rs_libraries", item: "rs_library", of: .object([.code("code")])),
        .list("library_notices", item: "library_notice", of: .object([.code("code"), .boolean("value")])),
        .text("source_link_id"),
        .text("source_institution_code"),
        .text("linking_id"),
        .text("pref_first_name"),
        .text("pref_middle_name"),
        .text("pref_last_name"),
        .text("pref_name_suffix"),
        .boolean("is_researcher"),
        Shape.Member("researcher", researcher),
    ])

    /// The users list: `GET /almaws/v1/users`.
    public static let users: Shape = .listRoot(item: "user", of: user)

    /// `contact_info`: addresses, emails and phones.
    static let contactInfo: Shape = .object([
        .list("addresses", item: "address", of: address),
        .list("emails", item: "email", of: email),
        .list("phones", item: "phone", of: phone),
    ])

    static let address: Shape = .object([
        .attribute("preferred", .boolean, nullWhenAbsent: true),
        .attribute("segment_type"),
        .text("line1"),
        .text("line2", nullWhenAbsent: true),
        .text("line3", nullWhenAbsent: true),
        .text("line4", nullWhenAbsent: true),
        .text("line5", nullWhenAbsent: true),
        .text("city"),
        .text("state_province"),
        .text("postal_code"),
        .code("country", nullWhenAbsent: true),
        .text("address_note"),
        .text("start_date"),
        .text("end_date"),
        .list("address_types", item: "address_type", of: .code),
    ])

    static let email: Shape = .object([
        .attribute("preferred", .boolean),
        .attribute("segment_type"),
        .text("email_address"),
        .text("description", nullWhenAbsent: true),
        .list("email_types", item: "email_type", of: .code),
    ])

    static let phone: Shape = .object([
        .attribute("preferred", .boolean),
        .attribute("preferred_sms", .boolean, nullWhenAbsent: true),
        .attribute("segment_type"),
        .text("phone_number"),
        .list("phone_types", item: "phone_type", of: .code),
    ])

    static let userIdentifier: Shape = .object([
        .attribute("segment_type"),
        .code("id_type"),
        .text("value"),
        .text("note", nullWhenAbsent: true),
        .text("status"),
    ])

    static let userRole: Shape = .object([
        .code("status"),
        .code("scope"),
        .code("role_type"),
        .text("expiry_date"),
        .list("parameters", item: "parameter", of: .object([.code("type"), .code("scope"), .code("value")])),
    ])

    static let userBlock: Shape = .object([
        .attribute("segment_type"),
        .code("block_type"),
        .code("block_description"),
        .text("block_status"),
        .text("block_note"),
        .text("created_by"),
        .text("created_date"),
        .text("expiry_date"),
        .text("item_loan_id"),
    ])

    static let userNote: Shape = .object([
        .attribute("segment_type"),
        .code("note_type"),
        .text("note_text"),
        .boolean("user_viewable"),
        .boolean("popup_note"),
        .text("created_by"),
        .text("created_date"),
    ])

    static let userStatistic: Shape = .object([
        .attribute("segment_type"),
        .code("statistic_category"),
        .code("category_type"),
        .text("statistic_note"),
    ])

    static let proxyForUser: Shape = .object([
        .attribute("link"),
        .text("primary_id"),
        .text("full_name"),
    ])
}
