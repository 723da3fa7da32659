public import LecternRepresentation

/// The error body (`web_service_result.xsd`; JSON as recorded in
/// `php-alma-client/error_response.json`).
extension AlmaShapes {
    /// `<web_service_result><errorsExist>…<errorList><error>…` is
    /// `{"errorsExist":true,"errorList":{"error":[{…}]},"result":null}`: `errorList` stays an
    /// object, `error` is always an array, an absent `result` is `null`.
    public static let webServiceResult: Shape = .object([
        .boolean("errorsExist"),
        Shape.Member(
            "errorList",
            .object([
                Shape.Member("error", .object([.text("errorCode"), .text("errorMessage"), .text("trackingId")]), repeats: true)
            ])
        ),
        .text("result", nullWhenAbsent: true),
    ])
}
