/// A parameter a route's handler reads, as its route table documents it: a query parameter, a
/// header, or the description of a `{name}` path segment.
///
/// Document only what the handler (or the HTTP edge, for ``format`` and ``lang``) really reads:
/// the OpenAPI documents Lectern serves are generated from these.
///
/// ```swift
/// .init("order_by", "Sort key", default: "last_name", allowed: ["last_name", "first_name", "primary_id"])
/// ```
public struct RouteParameter: Sendable, Hashable {
    /// The wire name (`limit`, `user_id_type`, `exl-user-pw`).
    public var name: String
    /// What it does, in one short sentence.
    public var description: String
    /// Whether a call without it is refused.
    public var required: Bool
    /// The value the handler uses when the parameter is absent, if there is one.
    public var defaultValue: String?
    /// The values the handler accepts, when they are a closed list; empty when any value goes.
    public var allowedValues: [String]
    /// What the router refuses before the handler runs, if anything (``checked(_:ignoringCase:)``,
    /// ``integer(in:refusal:)``); the handler then reads the value with ``Call/integer(_:)`` or
    /// ``Call/text(_:)`` and never checks it again.
    public var check: ValueCheck?

    /// Creates a parameter.
    public init(
        _ name: String,
        _ description: String,
        required: Bool = false,
        default defaultValue: String? = nil,
        allowed allowedValues: [String] = []
    ) {
        self.name = name
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.check = nil
    }

    /// The parameter, with the router refusing a value outside ``allowedValues`` with `refusal`.
    public func checked(_ refusal: AlmaErrorCode = .generalError, ignoringCase: Bool = false) -> RouteParameter {
        var parameter = self
        parameter.check = ValueCheck(.oneOf(allowedValues, ignoringCase: ignoringCase), refusal: refusal)
        return parameter
    }

    /// The parameter as a whole number in `range`, the router refusing any other value with `refusal`.
    public func integer(in range: ClosedRange<Int>, refusal: AlmaErrorCode = .generalError) -> RouteParameter {
        var parameter = self
        parameter.check = ValueCheck(.integer(range), refusal: refusal)
        return parameter
    }

    /// The integer range the router holds the parameter to, if it is a checked integer.
    public var range: ClosedRange<Int>? {
        if case .integer(let range)? = check?.rule { range } else { nil }
    }
}

extension RouteParameter {
    /// `format=xml|json`, read by the HTTP edge for every object answer and logical error: it
    /// wins over `Accept`, and XML is the default of both.
    public static let format = RouteParameter(
        "format",
        "Answer format; without it the Accept header decides, XML by default",
        allowed: ["xml", "json"]
    )

    /// `format=json`, the only value an API without an XML form (`api`) takes.
    public static func jsonOnlyFormat(_ api: String) -> RouteParameter {
        RouteParameter("format", "Only json: the \(api) API has no XML form", default: "json", allowed: ["json"])
    }

    /// `lang=`, read by the HTTP edge: the language of the gateway's error messages.
    public static let lang = RouteParameter("lang", "Language of gateway error messages (de, fr); English otherwise")

    /// `limit=`: results per page, `0...maximum`.
    public static func limit(default value: Int, maximum: Int) -> RouteParameter {
        RouteParameter("limit", "Results per page, 0-\(maximum)", default: String(value)).integer(in: 0...maximum)
    }

    /// `offset=`: the position of the first result, from 0.
    public static let offset = RouteParameter("offset", "Position of the first result, from 0", default: "0").integer(in: 0...Int(Int32.max))

    /// A `true`/`false` flag.
    public static func flag(_ name: String, _ description: String, default value: Bool) -> RouteParameter {
        RouteParameter(name, description, default: String(value), allowed: ["true", "false"])
    }
}
