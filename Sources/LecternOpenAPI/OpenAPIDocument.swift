import Foundation

/// An OpenAPI 3.0.3 document, as small `Encodable` values: only the parts Lectern fills in.
/// Built by ``OpenAPIDocument/init(area:operations:serverURL:version:)``.
struct OpenAPIDocument: Encodable {
    var openapi = "3.0.3"
    var info: Info
    var servers: [Server]
    var tags: [Tag]
    var paths: [String: PathItem]
    var components: Components
    var security: [[String: [String]]]

    /// The document as JSON: keys sorted so equal documents give equal bytes.
    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every member is a string, a number, a Bool or a container of them: encoding cannot fail.
        return Array(try! encoder.encode(self))
    }

    struct Info: Encodable {
        var title: String
        var description: String
        var version: String
    }

    struct Server: Encodable {
        var url: String
    }

    struct Tag: Encodable {
        var name: String
    }

    struct PathItem: Encodable {
        var get: Operation?
        var post: Operation?
        var put: Operation?
        var delete: Operation?
    }

    struct Operation: Encodable {
        var operationId: String
        var summary: String
        var tags: [String]
        var parameters: [Parameter]
        var requestBody: RequestBody?
        var responses: [String: Response]
    }

    struct Parameter: Encodable {
        var name: String
        var `in`: String
        var description: String
        var required: Bool
        var schema: Schema
    }

    struct RequestBody: Encodable {
        var description: String
        var required: Bool
        var content: [String: MediaType]
    }

    struct MediaType: Encodable {
        var schema: Schema?
    }

    struct Response: Encodable {
        var description: String
        var headers: [String: Header]?
        var content: [String: MediaType]?
    }

    struct Header: Encodable {
        var description: String
        var schema: Schema
    }

    struct Components: Encodable {
        var schemas: [String: Schema]
        var securitySchemes: [String: SecurityScheme]
    }

    struct SecurityScheme: Encodable {
        var type: String
        var name: String
        var `in`: String
        var description: String
    }

    /// A schema; a class because a schema holds schemas (`items`).
    final class Schema: Encodable, Sendable {
        let type: String?
        let enumeration: [String]?
        let defaultValue: DefaultValue?
        let minimum: Int?
        let maximum: Int?
        let properties: [String: Schema]?
        let items: Schema?
        let nullable: Bool?
        let reference: String?
        let xml: XMLName?
        let additionalProperties: Schema?
        let description: String?

        /// A default as its schema types it: `"full"`, or `10` for an integer.
        enum DefaultValue: Encodable, Sendable {
            case text(String)
            case integer(Int)

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .integer(let number): try container.encode(number)
                }
            }
        }

        struct XMLName: Encodable, Sendable {
            var name: String
        }

        init(
            type: String? = nil,
            enumeration: [String]? = nil,
            defaultValue: String? = nil,
            range: ClosedRange<Int>? = nil,
            properties: [String: Schema]? = nil,
            items: Schema? = nil,
            nullable: Bool? = nil,
            reference: String? = nil,
            xml: String? = nil,
            additionalProperties: Schema? = nil,
            description: String? = nil
        ) {
            self.type = type
            self.enumeration = enumeration
            self.defaultValue = defaultValue.map { text in range == nil ? .text(text) : Int(text).map(DefaultValue.integer) ?? .text(text) }
            self.minimum = range?.lowerBound
            self.maximum = range?.upperBound
            self.properties = properties
            self.items = items
            self.nullable = nullable
            self.reference = reference
            self.xml = xml.map(XMLName.init)
            self.additionalProperties = additionalProperties
            self.description = description
        }

        /// `{"$ref": "#/components/schemas/NAME"}`.
        static func component(_ name: String) -> Schema {
            Schema(reference: "#/components/schemas/\(name)")
        }

        enum CodingKeys: String, CodingKey {
            case type, properties, items, nullable, xml, minimum, maximum, additionalProperties, description
            case enumeration = "enum"
            case defaultValue = "default"
            case reference = "$ref"
        }
    }
}
