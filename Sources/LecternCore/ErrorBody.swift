import Foundation
public import LecternRepresentation

/// The `web_service_result` error body (alma/xsd/web_service_result.xsd), shared by the gateway's
/// refusals and every family's logical errors (samples/alma/php-alma-client/error_response.xml).
public enum ErrorBody {
    /// `<web_service_result><errorsExist>…<errorList><error>…` is
    /// `{"errorsExist":true,"errorList":{"error":[{…}]},"result":null}`: `errorList` stays an
    /// object, `error` is always an array, an absent `result` is `null` (JSON as recorded in
    /// `php-alma-client/error_response.json`).
    public static let shape: Shape = .object([
        Shape.Member("errorsExist", .boolean),
        Shape.Member(
            "errorList",
            .object([
                Shape.Member("error", .object(["errorCode", "errorMessage", "trackingId"].map { Shape.Member($0, .text) }), repeats: true)
            ])
        ),
        Shape.Member("result", .text, nullWhenAbsent: true),
    ])

    /// The body of one error.
    public static func node(code: String, message: String, trackingID: String) -> Node {
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
    public static func trackingID() -> String {
        var generator = SystemRandomNumberGenerator()
        let seconds = Int(Date().timeIntervalSince1970) % 10_000_000_000
        let letters = String((0..<5).map { _ in Character(UnicodeScalar(UInt8(65 + generator.next(upperBound: UInt8(26))))) })
        let digits = generator.next(upperBound: UInt64(1_000_000_000))
        return "E01-\(String(format: "%010d", seconds))-\(letters)-AWAE\(digits)"
    }
}
