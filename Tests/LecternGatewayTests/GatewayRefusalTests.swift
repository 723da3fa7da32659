import Foundation
import GRDB
import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternTesting
import Testing

/// Every row of the gateway table (WIRE.md §5), over HTTP, checked against the documented status,
/// error code and message in the `web_service_result` XML body.
struct GatewayRefusalTests {
    static func expectRefusal(_ answer: Answer, status: Int, code: String, message: String? = nil) throws {
        #expect(answer.status == status)
        #expect(answer.headers[.contentType]?.hasPrefix("application/xml") == true)
        let xml = try Wire.xml(answer.body)
        #expect(xml.root == "web_service_result")
        #expect(xml.rootAttributes["xmlns"] == "http://com/exlibris/urm/general/xmlbeans")
        #expect(xml.text("errorsExist") == "true")
        #expect(xml.text("errorCode") == code)
        if let message { #expect(xml.text("errorMessage") == message) }
        // The gateway's own refusals carry no tracking id (Recorded/per_second_threshold_error_response.json).
        #expect(xml.text("trackingId") == nil)
        #expect(!answer.text.contains("trackingId"))
    }

    @Test func aLogicalErrorHasATrackingIdStampedWithDayMonthAndTimeAsRecorded() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
            func stamp(_ date: Date) -> String {
                let parts = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
                return [parts.day, parts.month, parts.hour, parts.minute].map { String(format: "%02d", $0 ?? -1) }.joined()
            }
            let before = stamp(Date())
            let answer = try await client.send(.get, "/almaws/v1/users/nobody-at-all", key: lectern.sandboxKey)
            let after = stamp(Date())
            #expect(answer.status == 400)
            let tracking = try #require(try Wire.xml(answer.body).text("trackingId"))
            // As in the recordings: E01-2807130310-LFIHK-AWAE210516550 (28 July, 13:03:10).
            #expect(tracking.wholeMatch(of: /E0[12]-\d{10}-[A-Z0-9]{5}-AWAE\d+/) != nil, "\(tracking)")
            let minute = String(tracking.dropFirst(4).prefix(8))
            #expect(minute == before || minute == after, "\(tracking) at \(before)")
        }
    }

    @Test func missingKeyIsGeneralError500() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: nil)
            try Self.expectRefusal(
                answer,
                status: 500,
                code: "GENERAL_ERROR",
                message: "A Gateway error has occurred – Make sure you add an appropriate apikey as a parameter or a header."
            )
        }
    }

    @Test func malformedKeyIsInvalidRequest403() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users?apikey=not%20a%20key!", key: nil)
            try Self.expectRefusal(answer, status: 403, code: "INVALID_REQUEST", message: "Rejected by gateway due to invalid API-key.")
        }
    }

    @Test func unknownKeyIsUnauthorized400() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: "l7xx00000000000000000000000000000000")
            try Self.expectRefusal(answer, status: 400, code: "UNAUTHORIZED", message: "API-key not defined or not configured to allow this API.")
        }
    }

    @Test func keyWithoutTheAreaIsUnauthorized400() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: lectern.bibsOnlyKey)
            try Self.expectRefusal(answer, status: 400, code: "UNAUTHORIZED", message: "API-key not defined or not configured to allow this API.")
        }
    }

    @Test func keyIsAcceptedInQueryAndHeader() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let status2975 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey).status
            #expect(status2975 == 200)
            let status3098 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey, keyInQuery: true).status
            #expect(status3098 == 200)
        }
    }

    @Test func guestSandboxWriteIsRefused403() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.post, "/almaws/v1/users/operation/test", key: lectern.guestKey)
            try Self.expectRefusal(
                answer,
                status: 403,
                code: "UNAUTHORIZED",
                message: "If your account has not been authorized, your requests are directed to the demo server and only GET requests are allowed."
            )
            let status3820 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.guestKey).status
            #expect(status3820 == 200)
        }
    }

    @Test func readOnlyPlanWriteIsRefused403() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let answer = try await client.send(method, "/almaws/v1/users/operation/test", key: lectern.readOnlyKey)
                try Self.expectRefusal(answer, status: 403, code: "UNAUTHORIZED")
                #expect(try Wire.xml(answer.body).text("errorMessage")?.hasSuffix("must be GET only.") == true)
            }
        }
    }

    @Test func oversizeBodyIsRequestTooLarge403() async throws {
        let lectern = try await TestLectern.make(maxBodyBytes: 1_000)
        try await lectern.withClient { client in
            let body = "<user><primary_id>" + String(repeating: "x", count: 2_000) + "</primary_id></user>"
            let answer = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/xml"],
                body: body
            )
            try Self.expectRefusal(answer, status: 403, code: "REQUEST_TOO_LARGE", message: "Rejected by gateway due to message size limit.")
        }
    }

    @Test func xmlWithoutXMLContentTypeIsGeneralError400() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/json"],
                body: "<user><primary_id>x</primary_id></user>"
            )
            try Self.expectRefusal(
                answer,
                status: 400,
                code: "GENERAL_ERROR",
                message: "A Gateway error: XML was received but content-type header was not set to: application/xml"
            )
        }
    }

    @Test(arguments: [
        "<user><primary_id>x</primary_id>", "<user><a></b></user>", "<", "<user>&undefined;</user>",
        // A processing instruction without data once ended the process (FoundationXML read a null pointer).
        "<?pi?><user><primary_id>x</primary_id></user>", "<user><?xm?><primary_id>x</primary_id></user>",
    ])
    func malformedXMLIsGeneralError400(body: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let before = try await client.send(.get, "/almaws/v1/users?limit=0&format=json", key: lectern.sandboxKey)
            let answer = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/xml"],
                body: body
            )
            try Self.expectRefusal(answer, status: 400, code: "GENERAL_ERROR", message: "A Gateway error has occurred: XML is not well-formed")
            let after = try await client.send(.get, "/almaws/v1/users?limit=0&format=json", key: lectern.sandboxKey)
            #expect(try Wire.json(after.body)["total_record_count"] as? Int == Wire.json(before.body)["total_record_count"] as? Int)
        }
    }

    @Test func maintenanceIsRoutingError503AndEnds() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.store.setMaintenance(.alma, on: true)
        try await lectern.gateway.refresh()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: lectern.sandboxKey)
            try Self.expectRefusal(answer, status: 503, code: "ROUTING_ERROR")
            #expect(try Wire.xml(answer.body).text("errorMessage")?.hasPrefix("No response from Alma:") == true)
            try await lectern.store.setMaintenance(.alma, on: false)
            try await lectern.gateway.refresh()
            let status7528 = try await client.send(.get, "/almaws/v1/users", key: lectern.sandboxKey).status
            #expect(status7528 == 200)
        }
    }

    @Test func unknownPathIsUnauthorized() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try Self.expectRefusal(try await client.send(.get, "/almaws/v1/nothing-here", key: lectern.sandboxKey), status: 400, code: "UNAUTHORIZED")
            try Self.expectRefusal(
                try await client.send(.get, "/almaws/v1/users/a/b/c/d", key: lectern.sandboxKey),
                status: 400,
                code: "UNAUTHORIZED"
            )
        }
    }

    @Test func langTranslatesGatewayMessages() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users?lang=de", key: "l7xx00000000000000000000000000000000")
            try Self.expectRefusal(
                answer,
                status: 400,
                code: "UNAUTHORIZED",
                message: "API-Schlüssel nicht definiert oder nicht für diese API konfiguriert."
            )
        }
    }

    @Test func primoAnswersPreflightAndCarriesCORSHeaders() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let preflight = try await client.send(.options, "/primo/v1/search", key: nil)
            #expect(preflight.status == 200)
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowMethods] == "GET,POST,DELETE,PUT,OPTIONS")
            let refusal = try await client.send(.get, "/primo/v1/search", key: nil)
            #expect(refusal.status == 500)
            #expect(refusal.headers[.accessControlAllowOrigin] == "*")
            let alma = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey)
            #expect(alma.headers[.accessControlAllowOrigin] == nil)
        }
    }
}

/// A failure below the handlers is answered with the documented 500 body, never an empty 500.
struct InternalErrorTests {
    @Test func storeFailureIsA500WebServiceResultInTheAskedFormat() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.store.pool.write { try $0.execute(sql: "DROP TABLE document_keys") }
        try await lectern.withClient { client in
            let xml = try await client.send(.get, "/almaws/v1/users/nobody", key: lectern.sandboxKey)
            #expect(xml.status == 500)
            #expect(try Wire.xml(xml.body).text("errorCode") == "INTERNAL_SERVER_ERROR")
            #expect(!xml.text.contains("document_keys"))  // driver text never reaches the wire
            let json = try await client.send(.get, "/almaws/v1/users/nobody?format=json", key: lectern.sandboxKey)
            #expect(json.status == 500)
            #expect(try Wire.jsonErrorCodes(json.body) == ["INTERNAL_SERVER_ERROR"])
        }
    }
}
