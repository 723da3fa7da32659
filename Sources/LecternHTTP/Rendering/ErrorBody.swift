import Foundation
import LecternRepresentation

/// The `web_service_result` error body (alma/xsd/web_service_result.xsd), shared by the gateway's
/// refusals and Alma's logical errors (samples/alma/php-alma-client/error_response.xml).
enum ErrorBody {
    static func node(code: String, message: String, trackingID: String) -> Node {
        Node(
            "web_service_result",
            attributes: [.init("xmlns", "http://com/exlibris/urm/general/xmlbeans")],
            children: [
                Node("errorsExist", text: "true"),
                Node(
                    "errorList",
                    children: [
                        Node(
                            "error",
                            children: [
                                Node("errorCode", text: code),
                                Node("errorMessage", text: message),
                                Node("trackingId", text: trackingID),
                            ]
                        )
                    ]
                ),
            ]
        )
    }

    /// A tracking id shaped like the real ones: `E01-2807130310-LFIHK-AWAE210516550`.
    static func trackingID() -> String {
        var generator = SystemRandomNumberGenerator()
        let seconds = Int(Date().timeIntervalSince1970) % 10_000_000_000
        let letters = String((0..<5).map { _ in Character(UnicodeScalar(UInt8(65 + generator.next(upperBound: UInt8(26))))) })
        let digits = generator.next(upperBound: UInt64(1_000_000_000))
        return "E01-\(String(format: "%010d", seconds))-\(letters)-AWAE\(digits)"
    }
}
