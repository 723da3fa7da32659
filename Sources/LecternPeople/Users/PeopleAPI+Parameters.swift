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
            Self.q, Self.orderBy, Self.direction,
            .init(Self.sourceUserID.name, "Only the \(population.person) linked from this source user id"),
            .init(Self.modifyDateFrom.name, "Only \(population.people) modified on or after this day (YYYY-MM-DD); not together with q"),
            Self.listExpand, .format, .lang,
        ]
    }

    /// `q`: a brief search.
    static let q = RouteParameter("q", "Brief search: field~words terms joined by AND or OR (fields such as primary_id, last_name, email, ALL)")
    /// `direction`: the sort direction (any case).
    static let direction = RouteParameter("direction", "Sort direction", default: "ASC", allowed: ["ASC", "DESC"])
    /// `source_user_id`: members linked from a source user (described per population in ``listParameters``).
    static let sourceUserID = RouteParameter("source_user_id", "Only those linked from this source user id")
    /// `modify_date_from`: members modified on or after a day (described per population in ``listParameters``).
    static let modifyDateFrom = RouteParameter("modify_date_from", "Only those modified on or after this day (YYYY-MM-DD)")
    /// The list's `expand`: `full` lists whole records.
    static let listExpand = RouteParameter("expand", "full lists whole records instead of brief ones", default: "none", allowed: ["none", "full"])
    /// One member's `view`: `brief` leaves most of the record out.
    static let view = RouteParameter(
        "view",
        "brief: the main fields, identifiers, statistics and emails only",
        default: "full",
        allowed: ["full", "brief"]
    )
    /// One member's `expand`: the counts to add.
    static let getExpand = RouteParameter("expand", "Comma-separated counts to add: loans, requests, fees")
    /// `override`: what a PUT may change of an external user.
    static let override = RouteParameter(
        "override",
        "Comma-separated fields of an external user that the PUT may change (user_group, job_category, …)"
    )
    /// `op`: the operation of a POST to a member.
    static let op = RouteParameter("op", "The operation", default: "auth", allowed: ["auth"])
    /// `password`, for `op=auth`.
    static let password = RouteParameter("password", "The password; the Exl-User-Pw header is read when it is absent")
    /// `Exl-User-Pw`, the password as a header.
    static let passwordHeader = RouteParameter("Exl-User-Pw", "The password (URL-encoded)")

    /// The list's paging.
    public static let paging = Paging(default: 10, maximum: 100)

    /// `order_by`: the sort key, refused when it is none of the three.
    public static let orderBy = RouteParameter("order_by", "Sort key", default: "last_name", allowed: ["last_name", "first_name", "primary_id"])
        .checked()

    /// What ``get(_:)`` reads.
    public static let getParameters: [RouteParameter] = [userIDType, view, getExpand, .format, .lang]

    /// What ``update(_:)`` reads.
    public static let updateParameters: [RouteParameter] = [userIDType, override, .format, .lang]

    /// What ``delete(_:)`` reads.
    public static let deleteParameters: [RouteParameter] = [userIDType, .format, .lang]

    /// What ``authenticate(_:)`` reads from the query.
    public static let authenticateParameters: [RouteParameter] = [op, password, userIDType, .format, .lang]

    /// What ``authenticate(_:)`` answers when the password is wrong or the user unknown.
    public static let authenticateErrors: [APIError] = [.authenticationFailed, .userNotFound("{user_id}"), .actionNotSupported("{op}")]

    /// What ``authenticate(_:)`` reads from the headers.
    public static let authenticateHeaders: [RouteParameter] = [passwordHeader]
}
