import LecternCore
import LecternRepresentation

/// `POST …/items/{item_pid}?op=scan`: scanning an item in at a circulation desk (`library` and
/// `circ_desk`) or in a department (`department`, with `done=true` when its work is finished).
///
/// At a desk of the item's own library the item is back in place; at another library it goes
/// in transit home. In a department it is in a work order (process type
/// `WORK_ORDER_DEPARTMENT`) until scanned with `done=true`. `additional_info` says where the
/// item goes, worded as recorded (`php-alma-client/scanin_transit_response.json`).
struct ItemScan {
    private enum Place {
        case desk(library: String)
        case department(String, name: String)
    }

    private let place: Place
    private let done: Bool
    private let workOrderType: String
    /// What the scan answer's `additional_info` says.
    private(set) var additionalInfo = ""

    /// The scan the query parameters describe.
    ///
    /// - throws: 402502 when neither a desk nor a department is named, or they do not exist.
    init(_ query: [String: String], codes: CatalogCodes) throws {
        done = query["done"] == "true"
        workOrderType = query["work_order_type"].flatMap { $0.isEmpty ? nil : $0 } ?? "AcqWorkOrder"
        if let department = query["department"], !department.isEmpty {
            guard let name = codes.departments[department] else { throw APIError.scanInFailed("Department \(department) does not exist.") }
            place = .department(department, name: name)
        } else if let library = query["library"], let desk = query["circ_desk"], !library.isEmpty, !desk.isEmpty {
            guard codes.desks.contains("\(library)/\(desk)") else {
                throw APIError.scanInFailed("Circulation desk \(desk) does not exist in library \(library).")
            }
            place = .desk(library: library)
        } else {
            throw APIError.scanInFailed("Give library and circ_desk, or department.")
        }
    }

    /// A scan at a circulation desk of `library`.
    init(atDeskOf library: String) {
        place = .desk(library: library)
        done = false
        workOrderType = "AcqWorkOrder"
    }

    /// The stored `<item>` after the scan, as an incoming item for ``Catalogue/updateItem(_:incoming:holding:)``.
    mutating func apply(to stored: Node, holding: HoldingRules.Location, codes: CatalogCodes) throws -> Node {
        var item = stored
        guard let dataIndex = item.children.firstIndex(where: { $0.name == "item_data" }) else { return item }
        var data = item.children[dataIndex]
        let inTemporaryLocation = stored.value("holding_data/in_temp_location") == "true"
        let homeLibrary = (inTemporaryLocation ? stored.value("holding_data/temp_library") : nil) ?? data.value("library") ?? holding.library
        let homeLocation = (inTemporaryLocation ? stored.value("holding_data/temp_location") : nil) ?? data.value("location") ?? holding.location
        func setStatus(inPlace: Bool, process: String) {
            data.setChild(Node("base_status", text: inPlace ? "1" : "0"))
            data.setChild(Node("process_type", text: process))
        }
        switch place {
        case .department(let code, let name) where !done:
            setStatus(inPlace: false, process: "WORK_ORDER_DEPARTMENT")
            data.setChild(Node("work_order_type", text: workOrderType))
            data.setChild(Node("work_order_at", attributes: [.init("desc", name)], text: code))
            additionalInfo = "Item is in department \(name). Request/Process Type: Work order (\(workOrderType))."
        case .department, .desk:
            data.removeChildren(named: "work_order_type")
            data.removeChildren(named: "work_order_at")
            let atHome: Bool
            if case .desk(let library) = place { atHome = library == homeLibrary } else { atHome = true }
            let libraryName = codes.libraries[homeLibrary] ?? homeLibrary
            if atHome {
                setStatus(inPlace: true, process: "")
                let locationName = codes.location(homeLocation, of: homeLibrary) ?? homeLocation
                additionalInfo = "Item's destination is: \(libraryName) \(locationName). Request/Process Type: Reshelve."
            } else {
                setStatus(inPlace: false, process: "TRANSIT")
                additionalInfo =
                    "Item's destination is: \(libraryName). Request/Process Type: Transit for reshelving. Requester: . Requester ID: . Place in Queue: 1"
            }
        }
        item.children[dataIndex] = data
        return item
    }
}
