import HTTPTypes
import Hummingbird
import LecternRepresentation

/// The representation a caller asked for: `format=` wins, then `Accept`; XML by default.
enum WireFormat {
    case xml
    case json

    init(for request: Request) {
        if let format = request.uri.queryParameters["format"] {
            self = format.lowercased() == "json" ? .json : .xml
        } else if let accept = request.headers[.accept], accept.contains("json") {
            self = .json
        } else {
            self = .xml
        }
    }

    var contentType: String {
        switch self {
        case .xml: "application/xml;charset=UTF-8"
        case .json: "application/json;charset=UTF-8"
        }
    }

    /// `node` as bytes in this format.
    func render(_ node: Node, as shape: Shape) -> [UInt8] {
        switch self {
        case .xml: XMLCodec.render(node)
        case .json: JSONCodec.render(node, as: shape)
        }
    }
}

extension Response {
    /// A response carrying `node` in `format`.
    static func wire(_ node: Node, as shape: Shape, format: WireFormat, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = format.render(node, as: shape)
        return Response(
            status: status,
            headers: [.contentType: format.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
