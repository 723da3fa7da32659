import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// What the catalogue checks codes against and describes them with: the tenant's libraries,
/// locations, circulation desks, departments and the catalogue's code tables. Loaded once per
/// transaction (once per batch for an import).
struct CatalogCodes: Sendable {
    /// Library code -> name.
    var libraries: [String: String] = [:]
    /// `LIB/LOC` -> location name.
    var locations: [String: String] = [:]
    /// `LIB/DESK` circulation desks.
    var desks: Set<String> = []
    /// Department code -> name.
    var departments: [String: String] = [:]
    var tables = CodeTables()

    /// The code table of each code field of items and holdings.
    static let tablesByField = [
        "base_status": "BaseStatus", "physical_material_type": "PhysicalMaterialType", "process_type": "ProcessType",
        "call_number_type": "CallNumberType", "permanent_call_number_type": "CallNumberType", "work_order_type": "WorkOrderType",
    ]

    static func load(from reader: any StoreReader) async throws -> CatalogCodes {
        var codes = try await loadPlaces(from: reader)
        codes.desks = Set(try await reader.find(DocumentQuery(kind: .circDesk)).items.map(\.id))
        for department in try await reader.find(DocumentQuery(kind: .department)).items {
            codes.departments[department.id] = department.body.value("name") ?? department.id
        }
        codes.tables = try await CodeTables.load(tablesByField.values, from: reader)
        return codes
    }

    /// The libraries and locations, read side by side.
    private static func loadPlaces(from reader: any StoreReader) async throws -> CatalogCodes {
        async let libraries = reader.find(DocumentQuery(kind: .library)).items
        async let locations = reader.find(DocumentQuery(kind: .location)).items
        var codes = CatalogCodes()
        for library in try await libraries {
            codes.libraries[library.id] = library.body.value("name") ?? library.id
        }
        for location in try await locations {
            codes.locations[location.id] = location.body.value("name") ?? location.id
        }
        return codes
    }

    /// The name of location `location` of `library`, or `nil` when there is no such location.
    func location(_ location: String, of library: String) -> String? {
        locations["\(library)/\(location)"]
    }

    /// A `desc` attribute for library `code`, none when unknown.
    func libraryDesc(_ code: String) -> [Node.Attribute] {
        libraries[code].map { [.init("desc", $0)] } ?? []
    }

    /// A `desc` attribute for location `code` of `library`, none when unknown.
    func locationDesc(_ code: String, of library: String) -> [Node.Attribute] {
        location(code, of: library).map { [.init("desc", $0)] } ?? []
    }

    /// A `desc` attribute for call number type `code`, none when unknown.
    func callNumberTypeDesc(_ code: String) -> [Node.Attribute] {
        tables.description(of: code, in: "CallNumberType").map { [.init("desc", $0)] } ?? []
    }
}
