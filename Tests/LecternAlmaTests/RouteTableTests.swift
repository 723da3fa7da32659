import Foundation
import LecternAlma
import LecternCore
import LecternStore
import LecternTesting
import Testing

/// Every Alma route is an operation of the vendor's OpenAPI documents (copied from
/// shared/reference/exlibris/alma/openapi), with the same path and method, and belongs to an area.
struct RouteTableTests {
    static func operations() throws -> Set<String> {
        var operations: Set<String> = []
        for area in ["users", "conf", "bibs"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded/openapi/\(area).json")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            for (path, item) in document["paths"] as! [String: Any] {
                for method in (item as! [String: Any]).keys where ["get", "post", "put", "delete"].contains(method) {
                    // One document writes `…/circ-desks/`: a trailing slash names the same resource.
                    let path = path.hasSuffix("/") ? String(path.dropLast()) : path
                    operations.insert("\(method.uppercased()) \(shape(path))")
                }
            }
        }
        return operations
    }

    /// `path` with its parameters unnamed: the documents name one parameter differently from
    /// one operation to the next (`{item_pid}`, `{item_id}`, `{itemPid}` for the same item), and
    /// a route table names it one way everywhere.
    static func shape(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }

    @Test func everyRouteIsADocumentedOperationInAnArea() async throws {
        let lectern = try await TestLectern.make()
        // The barcode lookup is only in the WADL (alma/wadl/bib.wadl), not in the OpenAPI documents.
        let documented = try Self.operations().union(["GET /almaws/v1/items"])
        let areas: [any AreaPlugin.Type] = [UsersArea.self, BibsArea.self, ConfigurationArea.self]
        let directory = AreaDirectory(areas.map { $0.descriptor })
        let routes = areas.flatMap { $0.area(store: lectern.store, passwords: TestLectern.passwords).routes }
        #expect(routes.count >= 18)
        for route in routes {
            #expect(
                documented.contains("\(route.method.rawValue) \(Self.shape(route.path))"),
                "\(route.method.rawValue) \(route.path) is not in the OpenAPI documents"
            )
            #expect(directory.descriptor(forPath: route.path) != nil)
        }
        #expect(Set(routes.map { "\($0.method.rawValue) \($0.path)" }).count == routes.count)
    }
}
