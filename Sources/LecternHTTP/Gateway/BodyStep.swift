import HTTPTypes
import Hummingbird
import LecternCore
import LecternRepresentation

/// Reads the body by its `Content-Type`: XML is parsed here (the gateway refuses XML that is not
/// well formed, or sent without an XML content type); JSON is left for the handler, which knows
/// the shape of the object it expects.
struct BodyStep: GatewayStep {
    func apply(to request: Request, context: inout LecternRequestContext) throws {
        guard let buffer = context.bodyBytes else { return }
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers.value(of: .contentType)?.lowercased() ?? ""
        if contentType.contains("xml") {
            do {
                context.body = .xml(try XMLCodec.parse(bytes))
            } catch {
                throw GatewayError.malformedXML
            }
        } else if bytes.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "<") {
            throw GatewayError.xmlWithoutContentType
        } else {
            context.body = .json(bytes)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0xef || byte == 0xbb || byte == 0xbf
    }
}
