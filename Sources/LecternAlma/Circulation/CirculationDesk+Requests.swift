import Foundation
import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// Requests: holds in a queue per title, bookings and digitization requests; which request an
/// item serves when it comes back, the hold shelf and its expiry.
extension CirculationDesk {
    /// What a new request asks for.
    struct RequestOrder: Sendable {
        var type: String
        var pickupLibrary: String
        var pickupDesk: String
        var comment: String?
        var lastInterestDate: String?
        var bookingStart: String?
        var bookingEnd: String?
        var targetDestination: String?
        var partialDigitization: Bool
        var chapterTitle: String?
        var chapterAuthor: String?
    }

    /// The open requests of the bib `mmsID`, oldest first.
    func openRequests(ofBib mmsID: String) async throws -> [Document] {
        var query = DocumentQuery(kind: .request, equals: ["open": "true"], order: [.init("time")])
        query.linked = ["bib": mmsID]
        return try await tx.find(query).items
    }

    /// The open request `held`'s item is assigned to: picked from the shelf for it, in transit
    /// to its pickup library, or waiting on the hold shelf.
    func assignedRequest(_ held: Held) async throws -> Document? {
        var query = DocumentQuery(kind: .request, equals: ["open": "true", "item": held.pid])
        query.linked = ["item": held.pid]
        return try await tx.find(query).items.first
    }

    /// Puts `request` back in the queue without an item (another user borrowed the item it had picked).
    func unassign(_ request: Document) async throws {
        var body = request.body
        if request.fields["level"] == "title" {
            body.removeChildren(named: "item_id")
            body.removeChildren(named: "barcode")
        }
        body.setChild(Node("request_status", text: "NOT_STARTED"))
        body.setChild(Node("task_name", text: ""))
        var document = CirculationDocuments.request(body, userID: request.parent ?? "", level: request.fields["level"] ?? "title")
        document.fields["item"] = ""
        try await tx.put(document)
    }

    /// The hold the item `pid` of `mmsID` serves next: one already assigned to it, else the
    /// oldest not yet served that the item can fill (a title hold, or a hold on this item).
    func nextRequest(forItem pid: String, mmsID: String) async throws -> Document? {
        let holds = try await openRequests(ofBib: mmsID).filter { $0.fields["type"] == "HOLD" }
        if let assigned = holds.first(where: { $0.fields["item"] == pid }) { return assigned }
        return holds.first { hold in
            hold.fields["status"] == "NOT_STARTED" && (hold.fields["level"] == "title" || hold.body.value("item_id") == pid)
        }
    }

    static let pickTask = "Pickup From Shelf"
    static let transitTask = "Transit Item"
    static let holdShelfTask = "On Hold Shelf"

    /// Places a request of `user` for the bib `mmsID` (title level) or the item `itemPID`.
    ///
    /// - throws: 401129 when no item can fill a hold; 401136 when the user has an open request
    ///   of the type for it and `allowSame` is false; 401895 for an unknown pickup; 60331 for a
    ///   request without what its type needs.
    func place(_ order: RequestOrder, for user: Document, mmsID: String, itemPID: String?, allowSame: Bool) async throws -> Document {
        try Self.check(order)
        guard let bib = try await tx.document(.bib, id: mmsID) else { throw APIError.noItemsCanFulfil }
        try await expireHoldShelf(ofBib: mmsID)
        let items = try await tx.find(DocumentQuery(kind: .item, parent: mmsID)).items
        var chosen: Held?
        if let itemPID {
            guard let item = items.first(where: { $0.id == itemPID }), let held = try await held(item) else {
                throw APIError.itemForRequestNotFound
            }
            chosen = held
        }
        if order.type == "HOLD", items.isEmpty { throw APIError.noItemsCanFulfil }
        if !allowSame {
            let same = try await openRequests(ofBib: mmsID).contains {
                $0.parent == user.id && $0.fields["type"] == order.type && (itemPID == nil || $0.body.value("item_id") == itemPID)
            }
            if same { throw APIError.activeRequestExists }
        }
        let pickup =
            order.type == "DIGITIZATION" && order.pickupDesk.isEmpty
            ? (library: codes.libraries[order.pickupLibrary] ?? order.pickupLibrary, desk: "")
            : try pickupNames(library: order.pickupLibrary, desk: order.pickupDesk)
        // A hold picks an item on the shelf that no other request holds; otherwise it waits.
        var assigned: Held?
        if order.type == "HOLD" {
            for item in chosen.map({ [$0.item] }) ?? items {
                guard let held = try await held(item), held.isInPlace, try await assignedRequest(held) == nil else { continue }
                assigned = held
                break
            }
        }
        let status = assigned == nil ? "NOT_STARTED" : "IN_PROCESS"
        let task = assigned == nil ? "" : Self.pickTask
        let requestID = try await newID(.request)
        let itemData = (assigned ?? chosen)?.data
        let materialSource = itemData ?? items.first?.body.child("item_data")
        let subType: (String, String) =
            switch order.type {
            case "BOOKING": ("PHYSICAL_BOOKING", "Patron physical booking request")
            case "DIGITIZATION": ("PHYSICAL_TO_DIGITIZATION", "Patron digitization request")
            default: ("PATRON_PHYSICAL", "Patron physical item request")
            }
        let managing = assigned?.library ?? chosen?.library ?? order.pickupLibrary
        let body = Node(
            "user_request",
            children: [
                Node("user_primary_id", text: user.id),
                Node("request_id", text: requestID),
                Node("request_type", text: order.type),
                Self.code("request_sub_type", subType.0, subType.1),
                Node("mms_id", text: mmsID),
                Node("title", text: bib.body.value("title") ?? ""),
                bib.body.value("author").map { Node("author", text: $0) },
                itemData?.value("description").flatMap { $0.isEmpty ? nil : Node("description", text: $0) },
                Node("pickup_location", text: pickup.library),
                Node("pickup_location_type", text: "LIBRARY"),
                Node("pickup_location_library", text: order.pickupLibrary),
                Node("pickup_location_circulation_desk", text: order.pickupDesk),
                Node("managed_by_library", text: codes.libraries[managing] ?? managing),
                Node("managed_by_circulation_desk", text: pickup.desk),
                Node("managed_by_library_code", text: managing),
                Node("managed_by_circulation_desk_code", text: order.pickupDesk),
                order.targetDestination.map { Node("target_destination", text: $0) },
                materialSource?.child("physical_material_type").map { Node("material_type", attributes: $0.attributes, text: $0.text) },
                order.lastInterestDate.map { Node("last_interest_date", text: $0) },
                order.type == "DIGITIZATION" ? Node("partial_digitization", text: order.partialDigitization ? "true" : "false") : nil,
                order.chapterTitle.map { Node("chapter_or_article_title", text: $0) },
                order.chapterAuthor.map { Node("chapter_or_article_author", text: $0) },
                order.comment.map { Node("comment", text: $0) },
                Node("request_status", text: status),
                Node("request_date", text: CirculationTime.day(now)),
                Node("request_time", text: timestamp),
                Node("task_name", text: task),
                order.bookingStart.map { Node("booking_start_date", text: $0) },
                order.bookingEnd.map { Node("booking_end_date", text: $0) },
                (assigned ?? chosen).map { Node("item_id", text: $0.pid) },
                (assigned ?? chosen).map { Node("barcode", text: $0.data.value("barcode") ?? "") },
            ].compactMap { $0 }
        )
        var request = CirculationDocuments.request(body, userID: user.id, level: itemPID == nil ? "title" : "item")
        if let assigned {
            request.fields["item"] = assigned.pid
            try await setState(of: assigned, inPlace: true, process: "", requested: true)
        } else {
            request.fields["item"] = ""
        }
        try await tx.put(request)
        return request
    }

    /// Refuses an order its type cannot take: an unknown type, a booking without its dates.
    ///
    /// - throws: 60331.
    static func check(_ order: RequestOrder) throws {
        switch order.type {
        case "HOLD", "DIGITIZATION":
            return
        case "BOOKING":
            guard let start = order.bookingStart.flatMap(CirculationTime.parse), let end = order.bookingEnd.flatMap(CirculationTime.parse),
                start < end
            else { throw APIError.requestNotCreated("A booking needs booking_start_date before booking_end_date.") }
        default:
            throw APIError.requestNotCreated("request_type must be HOLD, BOOKING or DIGITIZATION.")
        }
    }

    /// The pickup library's and desk's names.
    ///
    /// - throws: 401895 when either does not exist.
    func pickupNames(library code: String, desk: String) throws -> (library: String, desk: String) {
        guard let library = codes.libraries[code], codes.desks.contains("\(code)/\(desk)") else {
            throw APIError.pickupNotFound(desk: desk, library: code)
        }
        return (library, desk)
    }

    /// Changes what may change of an open request: its pickup, comment and last interest date.
    ///
    /// - throws: 401907 for a closed request, 401895 for an unknown pickup.
    func update(_ request: Document, with incoming: Node) async throws -> Document {
        guard request.fields["open"] == "true" else { throw APIError.requestIDNotFound(request.id) }
        var body = request.body
        func text(_ name: String) -> String? { incoming.value(name).flatMap { $0.isEmpty ? nil : $0 } }
        for name in ["comment", "last_interest_date"] {
            if let value = text(name) { body.setChild(Node(name, text: value)) }
        }
        if let library = text("pickup_location_library") {
            let desk = text("pickup_location_circulation_desk") ?? firstDesk(of: library) ?? ""
            let names = try pickupNames(library: library, desk: desk)
            body.setChild(Node("pickup_location", text: names.library))
            body.setChild(Node("pickup_location_library", text: library))
            body.setChild(Node("pickup_location_circulation_desk", text: desk))
        }
        var document = CirculationDocuments.request(body, userID: request.parent ?? "", level: request.fields["level"] ?? "title")
        document.fields["item"] = request.fields["item"] ?? ""
        try await tx.put(document)
        return document
    }

    /// The first circulation desk of `library`, if it has one.
    func firstDesk(of library: String) -> String? {
        codes.desks.filter { $0.hasPrefix(library + "/") }.sorted().first.map { String($0.dropFirst(library.count + 1)) }
    }

    /// Rewrites `request` with `status` and the task, keeping what its store fields need.
    func write(_ request: Document, status: String, task: String, item: Held?, expiry: String? = nil) async throws -> Document {
        var body = request.body
        body.setChild(Node("request_status", text: status))
        body.setChild(Node("task_name", text: task))
        if let item {
            body.setChild(Node("item_id", text: item.pid))
            body.setChild(Node("barcode", text: item.data.value("barcode") ?? ""))
        }
        if let expiry { body.setChild(Node("expiry_date", text: expiry)) }
        var document = CirculationDocuments.request(body, userID: request.parent ?? "", level: request.fields["level"] ?? "title")
        document.fields["item"] = CirculationDocuments.openRequestStatuses.contains(status) ? (item?.pid ?? request.fields["item"] ?? "") : ""
        try await tx.put(document)
        return document
    }

    /// Ends `request` with `status` (`HISTORY` when fulfilled or expired, `CANCELLED`).
    func close(_ request: Document, status: String, note: String? = nil) async throws {
        var body = request.body
        if let note { body.setChild(Node("comment", text: note)) }
        var closing = request
        closing.body = body
        _ = try await write(closing, status: status, task: "", item: nil)
    }

    /// Cancels `request`; an item it held goes to the next request, or back.
    func cancel(_ request: Document, note: String?) async throws {
        guard CirculationDocuments.openRequestStatuses.contains(request.fields["status"] ?? "") else {
            throw APIError.requestNotFound(request.id)
        }
        let pid = request.fields["item"] ?? ""
        try await close(request, status: "CANCELLED", note: note)
        guard !pid.isEmpty, let held = try await held(pid) else { return }
        if request.fields["status"] == "ON_HOLD_SHELF" || request.body.value("task_name") == Self.transitTask {
            _ = try await route(held, atLibrary: request.body.value("pickup_location_library") ?? held.library)
        } else if held.isInPlace || held.data.value("requested") == "true" {
            try await setState(of: held, inPlace: held.isInPlace, process: held.process, requested: false)
        }
    }

    /// Moves `request` one step: a hold with an item picked goes on the hold shelf; a
    /// digitization request goes in process, then is done.
    ///
    /// - throws: 401933 when the request has no next step now.
    func nextStep(_ request: Document) async throws -> Document {
        let status = request.fields["status"] ?? ""
        switch (request.fields["type"] ?? "", status) {
        case ("HOLD", "IN_PROCESS"):
            guard let pid = request.fields["item"], let held = try await held(pid) else { break }
            _ = try await route(held, atLibrary: request.body.value("pickup_location_library") ?? held.library)
            return try await tx.document(.request, id: request.id) ?? request
        case ("DIGITIZATION", "NOT_STARTED"):
            return try await write(request, status: "IN_PROCESS", task: "Digitization", item: nil)
        case ("DIGITIZATION", "IN_PROCESS"):
            try await close(request, status: "HISTORY")
            return try await tx.document(.request, id: request.id) ?? request
        default:
            break
        }
        throw APIError.cannotMoveForward(request.id, step: status)
    }

    /// Where `held`'s item goes when scanned in at a desk of `library`: to the hold shelf for
    /// the next request there, in transit to its pickup library, or (no request) back to its
    /// place or in transit home. Answers the scan's `additional_info`, or `nil` when no request
    /// took the item (the scan's own rules apply then).
    func route(_ held: Held, atLibrary library: String) async throws -> String? {
        guard let next = try await nextRequest(forItem: held.pid, mmsID: held.mmsID) else {
            var scan = ItemScan(atDeskOf: library)
            let scanned = try scan.apply(to: held.item.body, holding: HoldingRules.Location(held.holding.body), codes: codes)
            let inPlace = scanned.value("item_data/base_status") == "1"
            try await setState(of: held, inPlace: inPlace, process: scanned.value("item_data/process_type") ?? "", requested: false)
            return scan.additionalInfo
        }
        let pickup = next.body.value("pickup_location_library") ?? library
        let pickupName = codes.libraries[pickup] ?? pickup
        let requester = try await user(next.parent ?? "")
        let name = [requester?.body.value("first_name"), requester?.body.value("last_name")].compactMap { $0 }.joined(separator: " ")
        let who = "Requester: \(name). Requester ID: \(next.parent ?? ""). Place in Queue: 1"
        if pickup == library {
            let expiry =
                next.fields["status"] == "ON_HOLD_SHELF"
                ? next.body.value("expiry_date") : CirculationTime.day(CirculationTime.endOfDay(now, plus: policy.holdShelfDays))
            _ = try await write(next, status: "ON_HOLD_SHELF", task: Self.holdShelfTask, item: held, expiry: expiry)
            try await setState(of: held, inPlace: true, process: "HOLDSHELF", requested: true)
            return "Item's destination is: Hold Shelf, \(pickupName). Request/Process Type: Patron physical item request. \(who)"
        }
        _ = try await write(next, status: "IN_PROCESS", task: Self.transitTask, item: held)
        try await setState(of: held, inPlace: false, process: "TRANSIT", requested: true)
        return "Item's destination is: \(pickupName). Request/Process Type: Transit for hold. \(who)"
    }

    /// Ends the holds of the bib `mmsID` whose time on the hold shelf is over; each item goes to
    /// the next request or back.
    func expireHoldShelf(ofBib mmsID: String) async throws {
        let today = CirculationTime.day(now)
        for request in try await openRequests(ofBib: mmsID) where request.fields["status"] == "ON_HOLD_SHELF" {
            guard let expiry = request.body.value("expiry_date"), expiry < today else { continue }
            let pid = request.fields["item"] ?? ""
            try await close(request, status: "HISTORY", note: "Expired on the hold shelf on \(expiry).")
            if let held = try await held(pid) {
                _ = try await route(held, atLibrary: request.body.value("pickup_location_library") ?? held.library)
            }
        }
    }
}
