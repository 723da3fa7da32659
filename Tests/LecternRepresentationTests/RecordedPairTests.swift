import Foundation
import LecternRepresentation
import LecternTesting
import Testing

/// The XML and JSON recordings of the same object types (WIRE.md section 3): the XML recording
/// through the engine must give JSON shaped like the JSON recording. Where the two recordings
/// are the same object (the error body) the values must match too; where they are different
/// objects (BIBSYS's JSON files are the OpenAPI examples), every key the engine writes must be
/// in the recording with the same kind of value.
@Suite("Recorded XML/JSON pairs")
struct RecordedPairTests {
    /// Test-only shapes for the recorded types.
    static let error: Shape = .object([
        Shape.Member("errorsExist", .boolean),
        Shape.Member(
            "errorList",
            .object([
                Shape.Member(
                    "error",
                    .object([
                        Shape.Member("errorCode", .text), Shape.Member("errorMessage", .text), Shape.Member("trackingId", .text),
                    ]),
                    repeats: true
                )
            ])
        ),
        Shape.Member("result", .text, nullWhenAbsent: true),
    ])

    static let userRequest: Shape = .object(
        ["request_sub_type", "material_type", "target_destination", "destination_location", "call_number_type", "item_policy"]
            .map { Shape.Member($0, .code) }
    )
    static let userRequests: Shape = .object([
        Shape.Member("user_request", userRequest, repeats: true),
        Shape.Member("total_record_count", .number, isAttribute: true),
    ])

    static let representation: Shape = .object(
        [Shape.Member("is_remote", .text, isAttribute: true), Shape.Member("link", .text, isAttribute: true)]
            + ["library", "usage_type", "active", "entity_type", "access_rights_policy_id", "repository"].map { Shape.Member($0, .code) }
    )
    static let representations: Shape = .object([
        Shape.Member("representation", representation, repeats: true),
        Shape.Member("total_record_count", .number, isAttribute: true),
    ])

    static let holding: Shape = .object([Shape.Member("suppress_from_publishing", .text)])

    func json(_ xmlPath: String, _ shape: Shape) throws -> CanonicalJSON {
        let node = try XMLCodec.parse(try Recorded.bytes(xmlPath))
        return try CanonicalJSON(json: JSONCodec.render(node, as: shape))
    }

    @Test("error body: XML recording -> JSON equals the JSON recording (tracking ids differ)")
    func errorBody() throws {
        var rendered = try json("php-alma-client/error_response.xml", Self.error)
        var recorded = try CanonicalJSON(json: try Recorded.bytes("php-alma-client/error_response.json"))
        rendered = Self.withoutTrackingId(rendered)
        recorded = Self.withoutTrackingId(recorded)
        #expect(rendered.differences(from: recorded) == [])
    }

    @Test("error body: JSON recording -> XML equals the XML recording (namespace and tracking id aside)")
    func errorBodyToXML() throws {
        let node = try JSONCodec.parse(
            try Recorded.bytes("php-alma-client/error_response.json"),
            root: "web_service_result",
            as: Self.error
        )
        var recorded = try XMLCodec.parse(try Recorded.bytes("php-alma-client/error_response.xml"))
        recorded.setAttribute("xmlns", nil)
        var mine = node
        recorded = Self.withoutTrackingId(recorded)
        mine = Self.withoutTrackingId(mine)
        #expect(mine == recorded)
    }

    @Test("user requests: kinds match the JSON recording")
    func userRequests() throws {
        let rendered = try json("bibsys-example/userrequests.xml", Self.userRequests)
        let recorded = try CanonicalJSON(json: try Recorded.bytes("bibsys-example/userrequests.json"))
        #expect(rendered["user_request"] != nil)
        // The recording is the OpenAPI example, with the placeholder "" for the count.
        #expect(rendered["total_record_count"] == .number(1))
        #expect(rendered.kindDifferences(from: recorded, ignoring: ["total_record_count"]) == [])
    }

    @Test("representation and representations: kinds match the JSON recordings")
    func representations() throws {
        let one = try json("bibsys-example/representation.xml", Self.representation)
        #expect(one.kindDifferences(from: try CanonicalJSON(json: try Recorded.bytes("bibsys-example/representation.json"))) == [])
        #expect(one["active"] == .object(["value": .string("true"), "desc": .string("Active")]))
        #expect(one["is_remote"] == .string("true"))
        let list = try json("bibsys-example/representations.xml", Self.representations)
        let recorded = try CanonicalJSON(json: try Recorded.bytes("bibsys-example/representations.json"))
        #expect(list.kindDifferences(from: recorded, ignoring: ["total_record_count"]) == [])
        #expect(list["total_record_count"] == .number(1))
    }

    @Test("holding: the fields beside the MARC record match the JSON recording")
    func holding() throws {
        let rendered = try json("php-alma-client/holding_response.xml", Self.holding)
        let recorded = try CanonicalJSON(json: try Recorded.bytes("php-alma-client/holding_response.json"))
        for key in ["holding_id", "created_by", "created_date", "originating_system", "originating_system_id", "suppress_from_publishing"] {
            #expect(rendered[key] == recorded[key], "\(key)")
        }
    }

    static func withoutTrackingId(_ value: CanonicalJSON) -> CanonicalJSON {
        switch value {
        case .object(let members):
            var members = members.mapValues(withoutTrackingId)
            members["trackingId"] = nil
            return .object(members)
        case .array(let values):
            return .array(values.map(withoutTrackingId))
        default:
            return value
        }
    }

    static func withoutTrackingId(_ node: Node) -> Node {
        var node = node
        node.removeChildren(named: "trackingId")
        node.children = node.children.map(withoutTrackingId)
        return node
    }
}
