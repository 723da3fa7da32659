import Foundation
import HTTPTypes
import Hummingbird
import LecternCore
import LecternOpenAPI
import LecternPortal
import LecternRepresentation
import LecternStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension PortalWeb {
    func installConsolePages(on router: Router<Context>) {
        router.get(
            "/portal/console",
            use: page("API console") { request, context, visitor in
                let query = try Self.query(request)
                let flash = try flash(request, for: visitor)?.console
                var model = try await consoleModel(
                    visitor,
                    area: query["area"],
                    operation: query["operation"],
                    application: query["application"],
                    values: flash?.values ?? query
                )
                model.result = flash?.result
                if flash == nil { try await addSample(to: &model, visitor: visitor, request: request, context: context, values: query) }
                return renderer.render("console", title: "API console", page: model, visitor: visitor)
            }
        )
        router.post(
            "/portal/console",
            use: page("API console") { request, context, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let model = try await consoleModel(visitor, area: form["area"], operation: form["operation"], application: nil, values: form)
                guard let operation = model.chosen, let console else { throw PortalError("Choose an operation.") }
                let key = try await chosenKey(form.text("key"), visitor: visitor)
                let call = try Self.call(
                    for: operation,
                    form: form,
                    token: try await portal.consoleToken(key: key.keyID, of: key.applicationID, by: try visitor.requireAccount())
                )
                var consoleCall = call
                consoleCall.authority = request.head.authority ?? "localhost"
                consoleCall.remoteAddress = context.remoteAddress
                let result = try await console.execute(consoleCall)
                let answer = ConsoleResultModel(result, call: call, base: links.base, keyLabel: key.label)
                let back = "/portal/console?area=\(model.area)&operation=\(operation.id)"
                return redirect(to: back, Flash(console: ConsoleFlash(values: form, result: answer)), for: visitor)
            }
        )
    }

    /// The console page for the chosen area and operation, with the form filled from `values`.
    private func consoleModel(_ visitor: Visitor, area: String?, operation: String?, application: String?, values: Form) async throws -> ConsolePage {
        let account = try visitor.requireAccount()
        // Every area a key can be granted, those without operations too (the page says so).
        let areas = areaDescriptors.map(\.area)
        let chosenArea = area.map(Area.init(_:)).flatMap { areas.contains($0) ? $0 : nil } ?? areas.first
        let operations = chosenArea.map { catalog?.operations(in: $0) ?? [] } ?? []
        let chosen = operations.first { $0.id == operation } ?? operations.first
        var keys: [KeyChoice] = []
        for candidate in try await portal.applications(visibleTo: account) {
            for key in try await portal.application(candidate.id, seenBy: account).keys where !key.revoked {
                guard let chosenArea, key.permissions[chosenArea] != nil else { continue }
                let value = "\(candidate.id):\(key.id)"
                let selected = values["key"] == value || (values["key"] == nil && application == String(candidate.id))
                keys.append(
                    KeyChoice(value: value, label: "\(candidate.name): \(candidate.environment.planName), \(key.prefix)…", selected: selected)
                )
            }
        }
        return ConsolePage(
            area: chosenArea?.rawValue ?? "",
            areaTitle: chosenArea.map { catalog?.title(of: $0) ?? $0.rawValue } ?? "",
            hasOperations: !operations.isEmpty,
            areas: areas.map { PlanChoice(value: $0.rawValue, label: catalog?.title(of: $0) ?? $0.rawValue, selected: $0 == chosenArea) },
            operations: operations.map {
                PlanChoice(value: $0.id, label: "\($0.method.rawValue) \($0.path): \($0.summary)", selected: $0.id == chosen?.id)
            },
            operation: chosen.map { OperationModel($0, area: $0.area, keys: keys, values: values) },
            chosen: chosen
        )
    }

    /// Fills an empty body of the chosen operation with a sample read from the demo data with
    /// the selected key (see ``ConsoleSample``).
    private func addSample(to model: inout ConsolePage, visitor: Visitor, request: Request, context: Context, values: Form) async throws {
        guard let chosen = model.chosen, var operation = model.operation, operation.hasBody, operation.body.isEmpty, let console,
            let selected = operation.keys.first(where: \.selected), let catalog
        else { return }
        let key = try await chosenKey(selected.value, visitor: visitor)
        let token = try await portal.consoleToken(key: key.keyID, of: key.applicationID, by: try visitor.requireAccount())
        let format = operation.bodyFormats.first(where: \.selected).flatMap { BodyFormat(rawValue: $0.value) } ?? chosen.body.first ?? .json
        guard
            let sample = await ConsoleSample.load(
                for: chosen,
                among: catalog.operations(in: chosen.area),
                format: format,
                values: values,
                token: token,
                authority: request.head.authority ?? "localhost",
                remoteAddress: context.remoteAddress,
                console: console
            )
        else {
            // No record found by itself: the page offers to load one by its identifiers.
            let names = ConsoleSample.readerPath(for: chosen, among: catalog.operations(in: chosen.area)).map(APIOperationPath.parameterNames) ?? []
            operation.sampleLoader = names.map { name in
                operation.parameters.first { $0.location == "path" && $0.name == name }
                    ?? OperationModel.ParameterModel(
                        field: "path.\(name)",
                        name: name,
                        location: "path",
                        description: "The \(name) of the record to start from",
                        required: true,
                        value: values.text("path.\(name)"),
                        choices: [],
                        hasChoices: false
                    )
            }
            operation.loadsSample = !operation.sampleLoader.isEmpty
            model.operation = operation
            return
        }
        operation.body = sample.body
        operation.sampleSource = sample.source
        operation.sampleReplaces = chosen.method == .put
        if operation.sampleReplaces {
            for index in operation.parameters.indices where operation.parameters[index].location == "path" {
                if operation.parameters[index].value.isEmpty, let value = sample.pathValues[operation.parameters[index].name] {
                    operation.parameters[index].value = value
                }
            }
        }
        model.operation = operation
    }

    /// The application and key a console form picked, if the visitor may use it.
    private func chosenKey(_ value: String, visitor: Visitor) async throws -> (applicationID: Int64, keyID: Int64, label: String) {
        let parts = value.split(separator: ":").compactMap { Int64($0) }
        guard parts.count == 2 else { throw PortalError("Choose a key.") }
        let detail = try await portal.application(parts[0], seenBy: try visitor.requireAccount())
        guard let key = detail.keys.first(where: { $0.id == parts[1] && !$0.revoked }) else { throw PortalError.notFound }
        return (parts[0], parts[1], "\(detail.application.name) (\(key.prefix)…)")
    }

    /// The HTTP call a filled-in operation form stands for.
    static func call(for operation: APIOperation, form: Form, token: String) throws -> ConsoleCall {
        var path = operation.path
        var query: [URLQueryItem] = []
        var headers: HTTPFields = [HTTPField.Name.consoleToken: token]
        for parameter in operation.parameters {
            let value = form.text(OperationModel.field(parameter))
            switch parameter.location {
            case .path:
                guard !value.isEmpty else { throw PortalError("\(parameter.name) is required.") }
                let encoded =
                    value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? value
                path = path.replacingOccurrences(of: "{\(parameter.name)}", with: encoded)
            case .query:
                if !value.isEmpty { query.append(URLQueryItem(name: parameter.name, value: value)) }
            case .header:
                if !value.isEmpty, let name = HTTPField.Name(parameter.name) { headers[name] = value }
            }
        }
        var body: String? = nil
        if !operation.body.isEmpty, !form.text("body").isEmpty {
            body = form.text("body")
            headers[.contentType] = BodyFormat(rawValue: form.text("content_type"))?.mediaType ?? operation.body[0].mediaType
        }
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query
            path += "?" + (components.percentEncodedQuery ?? "")
        }
        return ConsoleCall(method: HTTPRequest.Method(operation.method.rawValue) ?? .get, path: path, authority: "", headers: headers, body: body)
    }
}

extension HTTPField.Name {
    /// The header the console's calls carry instead of an API key (see `ConsoleTokens`).
    static let consoleToken = HTTPField.Name("X-Lectern-Console-Token")!
}

struct KeyChoice {
    var value: String
    var label: String
    var selected: Bool
}

struct ConsolePage {
    /// The chosen area.
    var area: String
    var areaTitle: String
    /// Whether Lectern serves any operation of the chosen area yet.
    var hasOperations: Bool
    var areas: [PlanChoice]
    var operations: [PlanChoice]
    var operation: OperationModel?
    var chosen: APIOperation?
    var result: ConsoleResultModel? = nil
}

/// A chosen operation's form.
struct OperationModel {
    var id: String
    var area: String
    var method: String
    var path: String
    var summary: String
    var keys: [KeyChoice]
    var hasKeys: Bool
    var parameters: [ParameterModel]
    var hasBody: Bool
    var bodyFormats: [ApplicationFormModel.Choice]
    var body: String
    /// The call the prefilled sample body came from, or `nil`.
    var sampleSource: String? = nil
    /// Whether the sample is the very object the call replaces (a PUT), not one to copy (a POST).
    var sampleReplaces = false
    /// The path parameters to give when no sample was found by itself; empty otherwise.
    var sampleLoader: [ParameterModel] = []
    /// Whether the page shows the form that loads a record by ``sampleLoader``.
    var loadsSample = false

    struct ParameterModel {
        var field: String
        var name: String
        var location: String
        var description: String
        var required: Bool
        var value: String
        var choices: [ApplicationFormModel.Choice]
        var hasChoices: Bool
    }

    /// The form field of a parameter: `path.user_id`, `query.limit`, `header.Exl-User-Pw`.
    static func field(_ parameter: APIParameter) -> String { "\(parameter.location.rawValue).\(parameter.name)" }

    init(_ operation: APIOperation, area: Area, keys: [KeyChoice], values: Form) {
        id = operation.id
        self.area = area.rawValue
        method = operation.method.rawValue
        path = operation.path
        summary = operation.summary
        var keys = keys
        if !keys.contains(where: \.selected), !keys.isEmpty { keys[0].selected = true }
        self.keys = keys
        hasKeys = !keys.isEmpty
        parameters = operation.parameters.map { parameter in
            let field = Self.field(parameter)
            let value = values[field] ?? parameter.defaultValue ?? ""
            return ParameterModel(
                field: field,
                name: parameter.name,
                location: parameter.location.rawValue,
                description: parameter.description,
                required: parameter.required,
                value: value,
                choices: parameter.allowedValues.map { ApplicationFormModel.Choice(value: $0, selected: $0 == value) },
                hasChoices: !parameter.allowedValues.isEmpty
            )
        }
        hasBody = !operation.body.isEmpty
        let format = values["content_type"] ?? operation.body.first?.rawValue
        bodyFormats = operation.body.map { ApplicationFormModel.Choice(value: $0.rawValue, selected: $0.rawValue == format) }
        body = values.text("body")
    }
}

/// A console call's form and answer, kept for the page its redirect leads to.
struct ConsoleFlash: Sendable {
    var values: Form
    var result: ConsoleResultModel
}

/// The answer as the console shows it.
struct ConsoleResultModel {
    var status: String
    var statusClass: String
    var headers: [Header]
    var body: String
    var curl: String
    var python: String
    var javascript: String
    var keyLabel: String

    struct Header {
        var name: String
        var value: String
    }

    init(_ result: ConsoleResult, call: ConsoleCall, base: String, keyLabel: String) {
        status = "\(result.status.code) \(Self.reasonPhrase(result.status))"
        statusClass = result.status.code < 400 ? "status-ok" : "status-error"
        headers = result.headers.map { Header(name: $0.name.rawName, value: $0.value) }
        body = Self.pretty(result.body, contentType: result.headers[.contentType] ?? "")
        self.keyLabel = keyLabel
        let samples = CodeSamples(call, base: base)
        curl = samples.curl
        python = samples.python
        javascript = samples.javascript
    }

    /// The standard phrase of a status (a response made from a bare code has none).
    static func reasonPhrase(_ status: HTTPResponse.Status) -> String {
        guard status.reasonPhrase.isEmpty else { return status.reasonPhrase }
        let known: [HTTPResponse.Status] = [
            .ok, .created, .noContent, .movedPermanently, .found, .seeOther, .badRequest, .unauthorized, .forbidden, .notFound,
            .methodNotAllowed, .contentTooLarge, .unsupportedMediaType, .tooManyRequests, .internalServerError, .serviceUnavailable,
        ]
        return known.first { $0.code == status.code }?.reasonPhrase ?? ""
    }

    /// JSON indented by our own JSON engine (keeping key order), XML by Foundation's.
    static func pretty(_ body: [UInt8], contentType: String) -> String {
        if contentType.contains("json"), let value = try? JSONValue.parse(body) {
            return String(decoding: value.rendered(indented: true), as: UTF8.self)
        }
        if contentType.contains("xml"), let document = try? XMLDocument(data: Data(body)) {
            return document.xmlString(options: [.nodePrettyPrint])
        }
        return String(decoding: body, as: UTF8.self)
    }
}
