import Foundation
import Hummingbird
import LecternCore
import LecternOpenAPI
import LecternPortal

/// The API documentation, readable without logging in: `/portal/docs` lists the areas by product,
/// `/portal/docs/{area}` documents each operation (parameters, bodies, errors) and each object
/// (its members, an example from the demo data in XML and JSON). All of it comes from the route
/// declarations and shapes that serve the API.
extension PortalWeb {
    func installDocumentationPages(on router: Router<Context>) {
        router.get(
            "/portal/docs",
            use: page("API documentation") { _, _, visitor in
                renderer.render("docs", title: "API documentation", page: documentationIndex(), visitor: visitor)
            }
        )
        router.get(
            "/portal/docs/{area}",
            use: page("API documentation") { _, context, visitor in
                let raw = context.parameters.get("area") ?? ""
                let name = raw.removingPercentEncoding ?? raw
                guard let catalog, let descriptor = catalog.directory[Area(name)] else {
                    throw PortalError("There is no API area \(name).", kind: .notFound)
                }
                let model = await areaDocumentation(descriptor, operations: catalog.operations(in: descriptor.area))
                return renderer.render("docs-area", title: "\(descriptor.title) API", page: model, visitor: visitor)
            }
        )
    }

    private func documentationIndex() -> DocumentationIndexPage {
        let descriptors = catalog?.directory.descriptors ?? []
        return DocumentationIndexPage(
            products: Product.allCases.map { product in
                DocumentationIndexPage.Product(
                    name: product.title,
                    areas: descriptors.filter { $0.product == product }.map { descriptor in
                        let count = catalog?.operations(in: descriptor.area).count ?? 0
                        return DocumentationIndexPage.AreaLink(
                            name: descriptor.area.rawValue,
                            title: descriptor.title,
                            operations: count == 0 ? "not served yet" : count == 1 ? "1 operation" : "\(count) operations"
                        )
                    }
                )
            }
        )
    }

    private func areaDocumentation(_ descriptor: AreaDescriptor, operations: [APIOperation]) async -> AreaDocumentationPage {
        var objects: [DocumentedObject] = []
        for object in operations.flatMap({ [$0.request, $0.response].compactMap { $0 } }) where !objects.contains(object) {
            objects.append(object)
        }
        var objectModels: [AreaDocumentationPage.Object] = []
        for object in objects {
            let example = await examples?.example(of: object)
            objectModels.append(
                AreaDocumentationPage.Object(
                    name: object.name,
                    summary: object.summary,
                    listOf: object.listItem,
                    // A list shows its own members; its items' are the item object's.
                    members: MemberRow.rows(object.shape, descriptions: object.descriptions).filter { row in
                        object.listItem.map { !row.xml.hasPrefix("\($0)/") } ?? true
                    },
                    exampleXML: descriptor.formats.contains(.xml) ? example?.xml : nil,
                    exampleJSON: example?.json
                )
            )
        }
        return AreaDocumentationPage(
            title: descriptor.title,
            name: descriptor.area.rawValue,
            formats: descriptor.formats.map { $0.rawValue.uppercased() }.joined(separator: " and "),
            operations: operations.map(AreaDocumentationPage.Operation.init),
            objects: objectModels,
            hasOperations: !operations.isEmpty
        )
    }
}

/// `/portal/docs`.
struct DocumentationIndexPage: Sendable {
    struct AreaLink: Sendable {
        var name: String
        var title: String
        var operations: String
    }

    struct Product: Sendable {
        var name: String
        var areas: [AreaLink]
    }

    var products: [Product]
}

/// `/portal/docs/{area}`.
struct AreaDocumentationPage: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String
        var required: Bool
        var defaultValue: String
        var allowed: String
        var description: String
    }

    struct Error: Sendable {
        var code: String
        var message: String
    }

    struct Operation: Sendable {
        var id: String
        var method: String
        var path: String
        var summary: String
        var parameters: [Parameter]
        var hasParameters: Bool
        var body: String?
        var request: String?
        var answer: String
        var response: String?
        var errors: [Error]
        var hasErrors: Bool

        init(_ operation: APIOperation) {
            id = operation.id
            method = operation.method.rawValue
            path = operation.path
            summary = operation.summary
            parameters = operation.parameters.map { parameter in
                Parameter(
                    name: parameter.name,
                    location: parameter.location.rawValue,
                    required: parameter.required,
                    defaultValue: parameter.defaultValue ?? "",
                    allowed: parameter.range.map { "\($0.lowerBound) to \($0.upperBound)" } ?? parameter.allowedValues.joined(separator: ", "),
                    description: parameter.description
                )
            }
            hasParameters = !parameters.isEmpty
            body = operation.body.isEmpty ? nil : operation.body.map { $0.rawValue.uppercased() }.joined(separator: " or ")
            request = operation.request?.name
            switch operation.answer {
            case .object(let formats): answer = "200, in " + formats.map { $0.rawValue.uppercased() }.joined(separator: " or ")
            case .noContent: answer = "204, no content"
            case .redirect: answer = "302 to the object's own URL"
            }
            response = operation.response?.name
            errors = operation.errors.map { Error(code: $0.code, message: $0.message) }
            hasErrors = !errors.isEmpty
        }
    }

    struct Object: Sendable {
        var name: String
        var summary: String
        var listOf: String?
        var members: [MemberRow]
        var exampleXML: String?
        var exampleJSON: String?
    }

    var title: String
    var name: String
    var formats: String
    var operations: [Operation]
    var objects: [Object]
    var hasOperations: Bool
}
