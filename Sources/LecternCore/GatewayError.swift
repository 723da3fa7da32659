/// A refusal by the API gateway, with the HTTP status, error code and message of the
/// Developer Network's table (WIRE.md section 5). Always answered as XML.
public enum GatewayError: Error, Hashable, Sendable {
    /// No key at all.
    case missingKey
    /// A key that is not shaped like one.
    case malformedKey
    /// A key unknown, or without permission for the area.
    case unauthorized
    /// A write with a Guest Sandbox key.
    case guestSandboxWrite
    /// A write with a read-only permission; carries the plan name.
    case readOnlyPlan(plan: String)
    /// More than the per-second threshold for the institution.
    case perSecondThreshold
    /// The institution's daily threshold for the product is used up.
    case dailyThreshold
    /// A body over the gateway's size limit.
    case requestTooLarge
    /// A caller outside the key's IP restriction profile.
    case forbidden(remoteIP: String)
    /// An XML body sent without an XML content type.
    case xmlWithoutContentType
    /// An XML body that is not well formed.
    case malformedXML
    /// The backend is down or in maintenance.
    case maintenance(product: Product, server: String)

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .missingKey: 500
        case .xmlWithoutContentType, .malformedXML, .unauthorized: 400
        case .malformedKey, .guestSandboxWrite, .readOnlyPlan, .requestTooLarge, .forbidden: 403
        case .perSecondThreshold, .dailyThreshold: 429
        case .maintenance: 503
        }
    }

    /// The error code token.
    public var code: String {
        switch self {
        case .missingKey, .xmlWithoutContentType, .malformedXML: "GENERAL_ERROR"
        case .unauthorized, .guestSandboxWrite, .readOnlyPlan: "UNAUTHORIZED"
        case .malformedKey: "INVALID_REQUEST"
        case .perSecondThreshold: "PER_SECOND_THRESHOLD"
        case .dailyThreshold: "DAILY_THRESHOLD"
        case .requestTooLarge: "REQUEST_TOO_LARGE"
        case .forbidden: "FORBIDDEN"
        case .maintenance: "ROUTING_ERROR"
        }
    }

    /// The English message, as the Developer Network's "Getting started" pages give it.
    public var message: String {
        switch self {
        case .missingKey:
            "A Gateway error has occurred – Make sure you add an appropriate apikey as a parameter or a header."
        case .xmlWithoutContentType:
            "A Gateway error: XML was received but content-type header was not set to: application/xml"
        case .malformedXML:
            "A Gateway error has occurred: XML is not well-formed"
        case .unauthorized:
            "API-key not defined or not configured to allow this API."
        case .guestSandboxWrite:
            "If your account has not been authorized, your requests are directed to the demo server and only GET requests are allowed."
        case .readOnlyPlan(let plan):
            "HTTP requests for this API Plan (\(plan)) must be GET only."
        case .malformedKey:
            "Rejected by gateway due to invalid API-key."
        case .perSecondThreshold:
            // As recorded (php-alma-client/per_second_threshold_error_response.json), the space included.
            "HTTP requests are more than allowed per second. See https://goo.gl/2x1c1M "
        case .dailyThreshold:
            "Daily API Request Threshold has been reached. For details see: https://developers.exlibrisgroup.com/alma/apis/#threshold"
        case .requestTooLarge:
            "Rejected by gateway due to message size limit."
        case .forbidden(let remoteIP):
            "HTTP requests from IP address \(remoteIP) are not allowed."
        case .maintenance(let product, let server):
            "No response from \(product.title): \(server) (down for maintenance)"
        }
    }
}
