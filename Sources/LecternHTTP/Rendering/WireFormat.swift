import HTTPTypes
import Hummingbird
import LecternRepresentation

/// The representation a caller asked for: `format=` wins, then `Accept`; XML by default.
enum WireFormat {
    case xml
    case json

    init(for request: Request) {
        if let format = request.queryParameter("format") {
            self = format.lowercased() == "json" ? .json : .xml
        } else if let accept = request.headers.value(of: .accept), Self.mentionsJSON(accept) {
            self = .json
        } else {
            self = .xml
        }
    }

    /// `accept.contains("json")`, without the generic string search on every request: a byte
    /// search, confirmed by `contains` only when a neighbour of the match is not ASCII (where
    /// grapheme clusters could make the two disagree).
    static func mentionsJSON(_ accept: String) -> Bool {
        let pattern: (UInt8, UInt8, UInt8, UInt8) = (0x6A, 0x73, 0x6F, 0x6E)  // "json"
        var accept = accept
        let found = accept.withUTF8 { bytes -> Bool? in
            guard bytes.count >= 4 else { return false }
            var result: Bool? = false
            for start in 0...(bytes.count - 4)
            where bytes[start] == pattern.0 && bytes[start + 1] == pattern.1 && bytes[start + 2] == pattern.2
                && bytes[start + 3] == pattern.3
            {
                let before = start == 0 ? 0 : bytes[start - 1]
                let after = start + 4 == bytes.count ? 0 : bytes[start + 4]
                if before < 0x80 && after < 0x80 { return true }
                result = nil
            }
            return result
        }
        return found ?? accept.contains("json")
    }

    var contentType: String {
        switch self {
        case .xml: "application/xml;charset=UTF-8"
        case .json: "application/json;charset=UTF-8"
        }
    }

    /// The headers of an answer in this format, built once: every answer shares their storage.
    var headers: HTTPFields {
        switch self {
        case .xml: Self.xmlHeaders
        case .json: Self.jsonHeaders
        }
    }

    private static let xmlHeaders: HTTPFields = [.contentType: WireFormat.xml.contentType]
    private static let jsonHeaders: HTTPFields = [.contentType: WireFormat.json.contentType]

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
            headers: format.headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
