import LecternCore

extension OpenAPIDocument {
    /// The document of `area`'s `operations`, served from `serverURL`.
    init(area: AreaDescriptor, operations: [APIOperation], serverURL: String, version: String) {
        var paths: [String: PathItem] = [:]
        for operation in operations {
            let entry = Operation(operation, tag: area.title)
            switch operation.method {
            case .get: paths[operation.path, default: PathItem()].get = entry
            case .post: paths[operation.path, default: PathItem()].post = entry
            case .put: paths[operation.path, default: PathItem()].put = entry
            case .delete: paths[operation.path, default: PathItem()].delete = entry
            }
        }
        self.init(
            info: Info(
                title: "Lectern \(area.title) API",
                description: """
                    The \(area.title) operations this Lectern implements, generated from its route tables. \
                    Send an API key as the apikey query parameter or as the header Authorization: apikey KEY.
                    """,
                version: version
            ),
            servers: [Server(url: serverURL)],
            tags: [Tag(name: area.title)],
            paths: paths,
            components: Components(
                schemas: Self.objectSchemas(operations).merging([Self.errorSchemaName: Self.errorSchema]) { object, _ in object },
                securitySchemes: [
                    "apikey": SecurityScheme(type: "apiKey", name: "apikey", in: "query", description: "The API key as a query parameter"),
                    "apikeyHeader": SecurityScheme(
                        type: "apiKey",
                        name: "Authorization",
                        in: "header",
                        description: "The header Authorization: apikey KEY (enter apikey, a space, then the key)"
                    ),
                ]
            ),
            security: [["apikey": []], ["apikeyHeader": []]]
        )
    }

    static let errorSchemaName = "WebServiceResult"

    /// The schemas of the objects the operations take and answer (their JSON form), by name.
    static func objectSchemas(_ operations: [APIOperation]) -> [String: Schema] {
        var schemas: [String: Schema] = [:]
        for object in operations.flatMap({ [$0.request, $0.response].compactMap { $0 } }) where schemas[object.name] == nil {
            schemas[object.name] = Schema(json: object.shape, description: object.summary, xml: object.name)
        }
        return schemas
    }

    /// The content of a body in `formats` holding `object`: the JSON form by its schema, the XML
    /// form by its root element (the same members as elements and attributes, lists in their wrappers).
    static func content(_ formats: [BodyFormat], _ object: DocumentedObject?) -> [String: MediaType] {
        Dictionary(
            uniqueKeysWithValues: formats.map { format in
                guard let object else { return (format.mediaType, MediaType()) }
                switch format {
                case .json: return (format.mediaType, MediaType(schema: .component(object.name)))
                case .xml:
                    let xml = Schema(
                        type: "object",
                        xml: object.name,
                        description: "<\(object.name)>: the members of \(object.name) as elements and attributes"
                    )
                    return (format.mediaType, MediaType(schema: xml))
                }
            }
        )
    }

    /// The error body every refusal and logical error has (`web_service_result`), in its JSON form
    /// (samples/alma/alma_rb/error.json); the XML form has the same elements.
    static let errorSchema = Schema(
        type: "object",
        properties: [
            "errorsExist": Schema(type: "boolean"),
            "errorList": Schema(
                type: "object",
                properties: [
                    "error": Schema(
                        type: "array",
                        items: Schema(
                            type: "object",
                            properties: [
                                "errorCode": Schema(type: "string"),
                                "errorMessage": Schema(type: "string"),
                                "trackingId": Schema(type: "string"),
                            ]
                        )
                    )
                ]
            ),
            "result": Schema(type: "object", nullable: true),
        ],
        xml: "web_service_result"
    )
}

extension OpenAPIDocument.Operation {
    init(_ operation: APIOperation, tag: String) {
        self.init(
            operationId: operation.id,
            summary: operation.summary,
            tags: [tag],
            parameters: operation.parameters.map(OpenAPIDocument.Parameter.init),
            requestBody: operation.body.isEmpty
                ? nil
                : OpenAPIDocument.RequestBody(
                    description:
                        "The object, as \(operation.body.map { $0.rawValue.uppercased() }.joined(separator: " or ")) (Content-Type says which)",
                    required: true,
                    content: OpenAPIDocument.content(operation.body, operation.request)
                ),
            responses: Self.responses(operation)
        )
    }

    /// The success answer, then every error Lectern's gateway and handlers answer with.
    private static func responses(_ operation: APIOperation) -> [String: OpenAPIDocument.Response] {
        typealias Response = OpenAPIDocument.Response
        let remaining = ["X-Exl-Api-Remaining": OpenAPIDocument.Header(description: "Calls left today", schema: .init(type: "integer"))]
        let errorBody = OpenAPIDocument.MediaType(schema: .component(OpenAPIDocument.errorSchemaName))
        let xmlError = [BodyFormat.xml.mediaType: errorBody]
        var responses: [String: Response] = [
            "400": Response(
                description: "A logical error (an Alma error code, in the format asked for) or a gateway refusal: "
                    + "GENERAL_ERROR (XML body without XML Content-Type, malformed XML) or UNAUTHORIZED (no permission for the area)"
                    + operation.errors.map { "\n- \($0.code): \($0.message)" }.joined(),
                headers: remaining,
                content: [BodyFormat.xml.mediaType: errorBody, BodyFormat.json.mediaType: errorBody]
            ),
            "403": Response(
                description: "Gateway refusal: UNAUTHORIZED (a write with a read-only or Guest Sandbox key), "
                    + "INVALID_REQUEST (malformed key), FORBIDDEN (IP not allowed), REQUEST_TOO_LARGE",
                content: xmlError
            ),
            "429": Response(description: "Gateway refusal: PER_SECOND_THRESHOLD or DAILY_THRESHOLD", content: xmlError),
            "500": Response(description: "GENERAL_ERROR: no API key; or an internal error", content: xmlError),
            "503": Response(description: "ROUTING_ERROR: the product is down for maintenance", content: xmlError),
        ]
        switch operation.answer {
        case .object(let formats):
            responses["200"] = Response(
                description: "OK",
                headers: remaining,
                content: OpenAPIDocument.content(formats, operation.response)
            )
        case .noContent:
            responses["204"] = Response(description: "Done, no content", headers: remaining)
        case .redirect:
            var headers = remaining
            headers["Location"] = OpenAPIDocument.Header(description: "The URL of the resource found", schema: .init(type: "string"))
            responses["302"] = Response(description: "Found: the resource's own URL is in Location", headers: headers)
        }
        return responses
    }
}

extension OpenAPIDocument.Parameter {
    init(_ parameter: APIParameter) {
        self.init(
            name: parameter.name,
            in: parameter.location.rawValue,
            description: parameter.description,
            required: parameter.required,
            schema: .init(
                type: parameter.range == nil ? "string" : "integer",
                enumeration: parameter.allowedValues.isEmpty ? nil : parameter.allowedValues,
                defaultValue: parameter.defaultValue,
                range: parameter.range
            )
        )
    }
}
