public import Foundation
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

    /// The body of one error; the gateway's own refusals have no tracking id (`trackingID` nil),
    /// as recorded in `php-alma-client/per_second_threshold_error_response.json`.
    public static func node(code: String, message: String, trackingID: String?) -> Node {
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
                            ] + (trackingID.map { [Node("trackingId", text: $0)] } ?? [])
                        )
                    ]
                ),
            ]
        )
    }

    /// A tracking id shaped like the real ones, `E01-2807130310-LFIHK-AWAE210516550`: the day,
    /// month, hour, minute and second (UTC) of `date`, five random letters or digits, and a
    /// random number.
    public static func trackingID(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.day, .month, .hour, .minute, .second], from: date)
        let stamp = [parts.day, parts.month, parts.hour, parts.minute, parts.second]
            .map { String(format: "%02d", $0 ?? 0) }.joined()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let letters = String((0..<5).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] })
        let digits = generator.next(upperBound: UInt64(10_000_000_000))
        return "E01-\(stamp)-\(letters)-AWAE\(digits)"
    }
}
