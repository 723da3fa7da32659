public import LecternRepresentation

/// A user's `researcher` section (`rest_researcher.xsd`, complexType `researcher`): what Esploro
/// adds to an Alma user. Code fields are the XSD's elements with a `desc` attribute.
extension PeopleShapes {
    /// `researcher` inside a user.
    public static let researcher: Shape = .object([
        .text("researcher_first_name"),
        .text("researcher_middle_name"),
        .text("researcher_last_name"),
        .text("researcher_suffix"),
        .code("researcher_title"),
        .text("profile_image_url"),
        .code("position"),
        .code("portal_profile"),
        .text("auto_capture"),
        .text("research_center"),
        .boolean("previous_affiliated"),
        .code("default_publication_language"),
        .list("researcher_alternate_emails", item: "researcher_alternate_email", of: .object([.text("email_address")])),
        .list("researcher_organization_affiliations", item: "researcher_organization_affiliation", of: affiliation),
        .list("researcher_previous_organization_affiliations", item: "researcher_previous_organization_affiliation", of: affiliation),
        .list("researcher_external_organization_affiliations", item: "researcher_external_organization_affiliation", of: affiliation),
        .list(
            "researcher_previous_external_organization_affiliations",
            item: "researcher_previous_external_organization_affiliation",
            of: affiliation
        ),
        .list("researcher_name_variants", item: "researcher_name_variant", of: nameVariant),
        .list(
            "researcher_engagement_types",
            item: "researcher_engagement_type",
            of: .object([.code("researcher_engagement"), .text("engagement_end_date")])
        ),
        .list("researcher_research_topics", item: "researcher_research_topic", of: .code),
        .list("researcher_keywords", item: "researcher_keyword", of: .object([.text("value")])),
        .list("researcher_associations", item: "researcher_association", of: .object([.text("value")])),
        .list("researcher_languages", item: "researcher_language", of: .code),
        .list("researcher_honors", item: "researcher_honor", of: honor),
        .list("researcher_educations", item: "researcher_education", of: education),
        .list("researcher_descriptions", item: "researcher_description", of: .object([.text("description")])),
        .list("researcher_webpages", item: "researcher_webpage", of: .object([.text("url"), .text("title"), .text("description"), .text("type")])),
    ])

    static let affiliation: Shape = .object([
        .text("organization_code"),
        .text("organization_name"),
        .text("start_date"),
        .text("end_date"),
        .code("position"),
        .text("title"),
        .text("positionOrder"),
    ])

    static let nameVariant: Shape = .object([.text("first_name"), .text("middle_name"), .text("last_name"), .text("name_suffix")])

    static let honor: Shape = .object([.text("organization_code"), .text("organization_name"), .text("title"), .text("time_period")])

    static let education: Shape = .object([
        .text("organization_code"),
        .text("organization_name"),
        .text("degree"),
        Shape.Member("from_year", .number),
        Shape.Member("to_year", .number),
        .text("field_of_study"),
        .text("additional_details"),
        .boolean("suppress_from_public_portal"),
    ])
}
