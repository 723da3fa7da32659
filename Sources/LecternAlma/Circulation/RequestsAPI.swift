import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// Requests: a user's (`/almaws/v1/users/{user_id}/requests`), a title's
/// (`/almaws/v1/bibs/{mms_id}/requests`) and an item's (`…/items/{item_pid}/requests`), and the
/// ways to request a title or item (`request-options`).
struct RequestsAPI {
    let circulation: Circulation

    static let paging = Paging(default: 10, maximum: 100)
    static let requestType = RouteParameter("request_type", "Only requests of this type", allowed: ["HOLD", "BOOKING", "DIGITIZATION"])
        .checked()
    static let status = RouteParameter("status", "active or history requests", default: "active", allowed: ["active", "history"])
        .checked(ignoringCase: true)
    static let mmsID = RouteParameter("mms_id", "The title requested (or item_pid)")
    static let itemPID = RouteParameter("item_pid", "The item requested (or mms_id)")
    static let allowSame = RouteParameter.flag(
        "allow_same_request",
        "Whether a second open request of the same type for the same title is allowed",
        default: false
    )
    static let userID = RouteParameter("user_id", "The requester's id", required: true)
    static let optionsUser = RouteParameter("user_id", "The user the options are for (their request_url)")
    static let reason = RouteParameter("reason", "The cancellation reason code", required: true)
    static let note = RouteParameter("note", "A note kept with the cancelled request")
    static let notifyUser = RouteParameter.flag("notify_user", "Whether to tell the user (no mail is sent)", default: false)
    static let op = RouteParameter("op", "The operation: next_step", required: true)
    static let releaseItem = RouteParameter.flag("release_item", "Accepted; the item follows the request's next step", default: false)
    static let requestID = RouteParameter("request_id", "The request's id")

    static let negotiated: [RouteParameter] = [.format, .lang]
    static let createErrors: [APIError] = [
        .userNotFound("{user_id}"), .noItemsCanFulfil, .pickupNotFound(desk: "{desk}", library: "{library}"), .activeRequestExists,
        .itemForRequestNotFound, .requestNotCreated("{reason}"),
    ]
    static let actionErrors: [APIError] = [
        .requestIDNotFound("{request_id}"), .cannotMoveForward("{request_id}", step: "{step}"), .parameterNotValid("op"),
    ]

    var routes: [Route] {
        let user = "/almaws/v1/users/{user_id}/requests"
        let bib = "/almaws/v1/bibs/{mms_id}/requests"
        let item = "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items/{item_pid}/requests"
        let userPath: [RouteParameter] = [.init("user_id", "The user's id")]
        let itemPath: [RouteParameter] = [BibsAPI.mmsID, HoldingsAPI.holdingID, .init("item_pid", "The item's id")]
        let userQuery = [PeopleAPI.userIDType] + Self.negotiated
        let scopes: [(String, [RouteParameter], String, Scope, [APIError])] = [
            (user, userPath, "a user's", .user, [.userNotFound("{user_id}")]),
            (bib, [BibsAPI.mmsID], "a title's", .bib, CatalogObjects.bibErrors),
            (item, itemPath, "an item's", .item, CatalogObjects.itemErrors),
        ]
        var routes: [Route] = []
        for (path, pathParameters, whose, scope, notFound) in scopes {
            let listQuery =
                (scope == .user ? Self.paging.parameters + [PeopleAPI.userIDType] : []) + [Self.requestType, Self.status] + Self.negotiated
            let createQuery =
                switch scope {
                case .user: [Self.mmsID, Self.itemPID, Self.allowSame] + userQuery
                case .bib, .item: [Self.userID, Self.allowSame] + userQuery
                }
            let one = pathParameters + [Self.requestID]
            routes += [
                Route(.get, path, { try await list($0, scope) }).documented(
                    "Retrieve \(whose) requests",
                    path: pathParameters,
                    query: listQuery,
                    response: CirculationObjects.requests,
                    errors: notFound
                ),
                Route(.post, path, { try await create($0, scope) }).documented(
                    "Create a request (hold, booking or digitization) for \(scope == .item ? "the item" : "a title or item")",
                    path: pathParameters,
                    query: createQuery,
                    body: [.xml, .json],
                    request: CirculationObjects.request,
                    response: CirculationObjects.request,
                    errors: notFound + Self.createErrors
                ),
                Route(.get, "\(path)/{request_id}", { try await get($0, scope) }).documented(
                    "Retrieve one of \(whose) requests",
                    path: one,
                    query: scope == .user ? userQuery : Self.negotiated,
                    response: CirculationObjects.request,
                    errors: notFound + [.requestIDNotFound("{request_id}")]
                ),
                Route(.put, "\(path)/{request_id}", { try await update($0, scope) }).documented(
                    "Update a request: its pickup, comment and last interest date",
                    path: one,
                    query: scope == .user ? userQuery : Self.negotiated,
                    body: [.xml, .json],
                    request: CirculationObjects.request,
                    response: CirculationObjects.request,
                    errors: notFound + [.requestIDNotFound("{request_id}"), .pickupNotFound(desk: "{desk}", library: "{library}")]
                ),
                Route(.post, "\(path)/{request_id}", { try await action($0, scope) }).documented(
                    "Move a request to its next step",
                    path: one,
                    query: [Self.op, Self.releaseItem] + Self.negotiated,
                    response: CirculationObjects.request,
                    errors: notFound + Self.actionErrors
                ),
                Route(.delete, "\(path)/{request_id}", { try await cancel($0, scope) }).documented(
                    "Cancel a request",
                    path: one,
                    query: [Self.reason, Self.note, Self.notifyUser] + (scope == .user ? [PeopleAPI.userIDType] : []) + Self.negotiated,
                    answer: .noContent,
                    errors: notFound + [.requestNotFound("{request_id}"), .invalidParameter(Self.reason.name, "")]
                ),
            ]
        }
        routes += [
            Route(.get, "/almaws/v1/bibs/{mms_id}/request-options", options).documented(
                "Retrieve the ways to request a title",
                path: [BibsAPI.mmsID],
                query: [Self.optionsUser] + Self.negotiated,
                response: CirculationObjects.requestOptions,
                errors: CatalogObjects.bibErrors
            ),
            Route(.get, "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items/{item_pid}/request-options", options).documented(
                "Retrieve the ways to request an item",
                path: itemPath,
                query: [Self.optionsUser] + Self.negotiated,
                response: CirculationObjects.requestOptions,
                errors: CatalogObjects.itemErrors
            ),
        ]
        return routes
    }

    /// Which requests a path names.
    enum Scope: Sendable {
        case user, bib, item
    }

    /// The query selecting the requests of the path's user, title or item (which must exist).
    private static func query(_ call: Call, _ scope: Scope, in reader: any StoreReader) async throws -> DocumentQuery {
        var query = DocumentQuery(kind: .request, order: [.init("time")])
        switch scope {
        case .user: query.parent = try await PeopleAPI.find(call, in: reader).id
        case .bib: query.linked = ["bib": try await CatalogLookup.bib(call.path["mms_id"] ?? "", in: reader).id]
        case .item: query.linked = ["item": try await ItemsAPI.find(call, in: reader).item.id]
        }
        return query
    }

    // MARK: - Lists

    @Sendable func list(_ call: Call, _ scope: Scope) async throws -> Reply {
        let (limit, offset) = scope == .user ? call.page(Self.paging) : (nil, 0)
        let history = call.text(Self.status)?.lowercased() == "history"
        let type = call.query(Self.requestType)
        let view = try await circulation.desk(call) { desk in
            var query = try await Self.query(call, scope, in: desk.tx)
            if scope != .user, let mmsID = call.path["mms_id"] { try await desk.expireHoldShelf(ofBib: mmsID) }
            query.equals["open"] = history ? "false" : "true"
            if let type { query.equals["type"] = type }
            query.limit = limit
            query.offset = offset
            let page = try await desk.tx.find(query)
            let places = try await Circulation.places(page.items, desk: desk)
            return Node.listRoot(
                "user_requests",
                total: page.total,
                items: page.items.map { CirculationViews.request($0, placeInQueue: places[$0.id]) }
            )
        }
        return .object(view, AlmaShapes.userRequests)
    }

    // MARK: - Create

    @Sendable func create(_ call: Call, _ scope: Scope) async throws -> Reply {
        let body = try call.object("user_request", as: AlmaShapes.userRequest)
        let allowSame = call.query(Self.allowSame) == "true"
        let view = try await circulation.desk(call) { desk in
            let user: Document
            let mmsID: String
            var itemPID: String?
            switch scope {
            case .user:
                user = try await PeopleAPI.find(call, in: desk.tx)
                itemPID = call.query(Self.itemPID).flatMap { $0.isEmpty ? nil : $0 }
                if let pid = itemPID {
                    guard let item = try await desk.tx.document(.item, id: pid) else { throw APIError.itemForRequestNotFound }
                    mmsID = item.parent ?? ""
                } else {
                    guard let id = call.query(Self.mmsID).flatMap({ $0.isEmpty ? nil : $0 }) ?? body.value("mms_id") else {
                        throw APIError.requestNotCreated("Give mms_id or item_pid.")
                    }
                    mmsID = id
                }
            case .bib, .item:
                var byUser = call
                byUser.path["user_id"] = call.query(Self.userID) ?? ""
                user = try await PeopleAPI.find(byUser, in: desk.tx)
                if scope == .item {
                    let found = try await ItemsAPI.find(call, in: desk.tx)
                    mmsID = found.bib.id
                    itemPID = found.item.id
                } else {
                    mmsID = try await CatalogLookup.bib(call.path["mms_id"] ?? "", in: desk.tx).id
                }
            }
            let order = try Self.order(body, desk: desk)
            let request = try await desk.place(order, for: user, mmsID: mmsID, itemPID: itemPID, allowSame: allowSame)
            return CirculationViews.request(request, placeInQueue: try await Circulation.places([request], desk: desk)[request.id])
        }
        return .object(view, AlmaShapes.userRequest)
    }

    /// What the body asks for; the pickup desk defaults to the pickup library's first desk.
    ///
    /// - throws: 60331 without a request type, or without a pickup library for a hold or booking.
    static func order(_ body: Node, desk: CirculationDesk) throws -> CirculationDesk.RequestOrder {
        func text(_ name: String) -> String? { body.value(name).flatMap { $0.isEmpty ? nil : $0 } }
        guard let type = text("request_type") else { throw APIError.requestNotCreated("request_type is required.") }
        var library = text("pickup_location_library") ?? ""
        if library.isEmpty, type != "DIGITIZATION" {
            throw APIError.requestNotCreated("pickup_location_library is required for a \(type) request.")
        }
        if library.isEmpty { library = desk.codes.libraries.keys.sorted().first ?? "" }
        let deskCode = text("pickup_location_circulation_desk") ?? desk.firstDesk(of: library) ?? ""
        return CirculationDesk.RequestOrder(
            type: type,
            pickupLibrary: library,
            pickupDesk: deskCode,
            comment: text("comment"),
            lastInterestDate: text("last_interest_date"),
            bookingStart: text("booking_start_date"),
            bookingEnd: text("booking_end_date"),
            targetDestination: text("target_destination"),
            partialDigitization: body.value("partial_digitization") == "true",
            chapterTitle: text("chapter_or_article_title"),
            chapterAuthor: text("chapter_or_article_author")
        )
    }

    // MARK: - One request

    /// The request the path names, within its scope.
    private static func request(_ call: Call, _ scope: Scope, in desk: CirculationDesk, notFound: (String) -> APIError) async throws -> Document {
        let id = call.path["request_id"] ?? ""
        var query = try await query(call, scope, in: desk.tx)
        query.ids = [id]
        guard let request = try await desk.tx.find(query).items.first else { throw notFound(id) }
        return request
    }

    @Sendable func get(_ call: Call, _ scope: Scope) async throws -> Reply {
        let view = try await circulation.desk(call) { desk in
            let request = try await Self.request(call, scope, in: desk, notFound: APIError.requestIDNotFound)
            try await desk.expireHoldShelf(ofBib: request.body.value("mms_id") ?? "")
            let current = try await desk.tx.document(.request, id: request.id) ?? request
            return CirculationViews.request(current, placeInQueue: try await Circulation.places([current], desk: desk)[current.id])
        }
        return .object(view, AlmaShapes.userRequest)
    }

    @Sendable func update(_ call: Call, _ scope: Scope) async throws -> Reply {
        let body = try call.object("user_request", as: AlmaShapes.userRequest)
        let view = try await circulation.desk(call) { desk in
            let request = try await Self.request(call, scope, in: desk, notFound: APIError.requestIDNotFound)
            let updated = try await desk.update(request, with: body)
            return CirculationViews.request(updated, placeInQueue: try await Circulation.places([updated], desk: desk)[updated.id])
        }
        return .object(view, AlmaShapes.userRequest)
    }

    @Sendable func action(_ call: Call, _ scope: Scope) async throws -> Reply {
        let op = call.query(Self.op) ?? ""
        guard op == "next_step" else { throw APIError.parameterNotValid("op") }
        let view = try await circulation.desk(call) { desk in
            let request = try await Self.request(call, scope, in: desk, notFound: APIError.requestIDNotFound)
            let moved = try await desk.nextStep(request)
            return CirculationViews.request(moved, placeInQueue: try await Circulation.places([moved], desk: desk)[moved.id])
        }
        return .object(view, AlmaShapes.userRequest)
    }

    @Sendable func cancel(_ call: Call, _ scope: Scope) async throws -> Reply {
        guard let reason = call.query(Self.reason), !reason.isEmpty else { throw APIError.invalidParameter(Self.reason.name, "") }
        let note = [reason, call.query(Self.note)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        try await circulation.desk(call) { desk in
            let request = try await Self.request(call, scope, in: desk, notFound: APIError.requestNotFound)
            try await desk.cancel(request, note: note.isEmpty ? nil : "Cancelled: \(note)")
        }
        return .noContent
    }

    // MARK: - Request options

    @Sendable func options(_ call: Call) async throws -> Reply {
        let user = call.query(Self.optionsUser).flatMap { $0.isEmpty ? nil : $0 }
        let baseURL = call.baseURL
        let hasItems = try await circulation.store.read(in: call.tenant) { reader in
            if call.path["item_pid"] != nil {
                _ = try await ItemsAPI.find(call, in: reader)
                return true
            }
            let bib = try await CatalogLookup.bib(call.path["mms_id"] ?? "", in: reader)
            return try await reader.find(DocumentQuery(kind: .item, parent: bib.id, limit: 0)).total > 0
        }
        let url = user.map { "\(CirculationViews.userURL(baseURL, $0))/requests/" }
        let types = (hasItems ? [("HOLD", "Hold"), ("BOOKING", "Booking")] : []) + [("DIGITIZATION", "Digitization")]
        let options = types.map { type in
            Node("request_option", children: [CirculationDesk.code("type", type.0, type.1)] + (url.map { [Node("request_url", text: $0)] } ?? []))
        }
        return .object(Node("request_options", children: options), AlmaShapes.requestOptions)
    }
}
