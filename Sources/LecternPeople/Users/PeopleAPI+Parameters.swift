public import LecternCore

/// The parameters the handlers read, for the route tables built on them to document.
extension PeopleAPI {
    /// `{user_id}`.
    public var userID: RouteParameter {
        RouteParameter("user_id", "Primary id, or any unique identifier of the \(population.person)")
    }

    /// `user_id_type`: how every route with a `{user_id}` reads it.
    public static let userIDType = RouteParameter(
        "user_id_type",
        "Which identifier user_id is: primary_id, an identifier type, or all_unique for any",
        default: "all_unique"
    )

    /// What ``list(_:)`` reads.
    public var listParameters: [RouteParameter] {
        [
            Self.paging.limit, Self.paging.offset,
            .init("q", "Brief search: field~words terms joined by AND or OR (fields such as primary_id, last_name, email, ALL)"),
            Self.orderBy,
            .init("direction", "Sort direction", default: "ASC", allowed: ["ASC", "DESC"]),
            .init("source_user_id", "Only the \(population.person) linked from this source user id"),
            .init("modify_date_from", "Only \(population.people) modified on or after this day (YYYY-MM-DD); not together with q"),
            .init("expand", "full lists whole records instead of brief ones", default: "none", allowed: ["none", "full"]),
            .format, .lang,
        ]
    }

    /// The list's paging.
    public static let paging = Paging(default: 10, maximum: 100)

    /// `order_by`: the sort key, refused when it is none of the three.
    public static let orderBy = RouteParameter("order_by", "Sort key", default: "last_name", allowed: ["last_name", "first_name", "primary_id"])
        .checked()

    /// What ``get(_:)`` reads.
    public static let getParameters: [RouteParameter] = [
        userIDType,
        .init("view", "brief: the main fields, identifiers, statistics and emails only", default: "full", allowed: ["full", "brief"]),
        .init("expand", "Comma-separated counts to add: loans, requests, fees"),
        .format, .lang,
    ]

    /// What ``update(_:)`` reads.
    public static let updateParameters: [RouteParameter] = [
        userIDType,
        .init("override", "Comma-separated fields of an external user that the PUT may change (user_group, job_category, …)"),
        .format, .lang,
    ]

    /// What ``delete(_:)`` reads.
    public static let deleteParameters: [RouteParameter] = [userIDType, .format, .lang]

    /// What ``authenticate(_:)`` reads from the query.
    public static let authenticateParameters: [RouteParameter] = [
        .init("op", "The operation", default: "auth", allowed: ["auth"]),
        .init("password", "The password; the Exl-User-Pw header is read when it is absent"),
        userIDType, .format, .lang,
    ]

    /// What ``authenticate(_:)`` reads from the headers.
    public static let authenticateHeaders: [RouteParameter] = [.init("Exl-User-Pw", "The password (URL-encoded)")]
}
