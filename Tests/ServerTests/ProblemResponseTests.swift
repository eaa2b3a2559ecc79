import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Client mistakes must answer 4xx problem+json naming the field, never 500 or an empty body.
@Suite struct ProblemResponseTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("problems")
    }

    private func expectProblem(_ response: TestResponse, status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        #expect(response.json["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(response.json["title"] is String, sourceLocation: sourceLocation)
        #expect(response.json["type"] is String, sourceLocation: sourceLocation)
        #expect(response.json["detail"] is String, sourceLocation: sourceLocation)
        for leak in ["Swift.", "Components.", "Operations.", "DecodingError", "CodingKeys", "RuntimeError"] {
            #expect(!response.text.contains(leak), "response leaks \(leak)", sourceLocation: sourceLocation)
        }
    }

    @Test func malformedJSONIsBadRequest() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": "x""#)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "")
        }
    }

    @Test func wrongTypeNamesTheField() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": 5, "role": "hr"}"#)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "/name")
        }
    }

    @Test func missingFieldNamesTheField() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"role": "hr"}"#)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "/name")
        }
    }

    @Test func unknownEnumValueNamesTheField() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": "a", "role": "boss"}"#)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "/role")
        }
    }

    @Test func domainValidationListsEveryField() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": " ", "role": "manager"}"#)
            expectProblem(response, status: .badRequest)
            #expect(Set(response.problemErrors.compactMap { $0["pointer"] }) == ["/name", "/org_unit_id"])
        }
    }

    @Test(arguments: ["/v1/api-keys?limit=abc", "/v1/api-keys?role=boss", "/v1/api-keys?include_revoked=maybe"])
    func badQueryParameterIsBadRequest(uri: String) async throws {
        try await app.test { client in
            let response = try await client.send(.get, uri, key: app.adminKey)
            expectProblem(response, status: .badRequest)
            let name = String(uri.split(separator: "?")[1].split(separator: "=")[0])
            #expect(response.problemErrors.contains { $0["parameter"] == name })
        }
    }

    @Test(arguments: ["0", "501", "-3"])
    func limitOutsideRangeIsBadRequest(limit: String) async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/api-keys?limit=\(limit)", key: app.adminKey)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["parameter"] == "limit")
        }
    }

    @Test func forgedCursorIsBadRequest() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/api-keys?cursor=not-ours", key: app.adminKey)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["parameter"] == "cursor")
        }
    }

    @Test func wrongContentTypeIsUnsupportedMediaType() async throws {
        try await app.test { client in
            let response = try await client.send(
                .post, "/v1/api-keys", key: app.adminKey, json: #"{"name": "a", "role": "hr"}"#, contentType: "text/plain"
            )
            expectProblem(response, status: .unsupportedMediaType)
        }
    }

    @Test func oversizedBodyIsContentTooLarge() async throws {
        try await app.test(maximumBodyBytes: 1024) { client in
            let name = String(repeating: "x", count: 4096)
            let response = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": "\#(name)", "role": "hr"}"#)
            expectProblem(response, status: .contentTooLarge)
        }
    }

    @Test func unknownRouteIsNotFound() async throws {
        try await app.test { client in
            expectProblem(try await client.send(.get, "/nowhere"), status: .notFound)
            expectProblem(try await client.send(.get, "/v1/nothing-here", key: app.adminKey), status: .notFound)
        }
    }

    @Test func malformedPathIdIsBadRequest() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/api-keys/not-a-uuid", key: app.adminKey)
            expectProblem(response, status: .badRequest)
            #expect(response.problemErrors.first?["parameter"] == "id")
        }
    }

    @Test func unknownIdIsNotFound() async throws {
        try await app.test { client in
            expectProblem(try await client.send(.get, "/v1/api-keys/\(UUID().uuidString)", key: app.adminKey), status: .notFound)
            expectProblem(try await client.send(.delete, "/v1/api-keys/\(UUID().uuidString)", key: app.adminKey), status: .notFound)
        }
    }
}

/// Requests the API description allows in shape but the service must refuse or survive.
@Suite struct RobustnessTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("robustness")
    }

    @Test func knownPathWithOtherMethodIsMethodNotAllowed() async throws {
        try await app.test { client in
            let response = try await client.send(.put, "/healthz")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            #expect(response.headers[.contentType] == "application/problem+json")
            let keys = try await client.send(.put, "/v1/api-keys/\(UUID())", key: app.adminKey)
            #expect(keys.status == .methodNotAllowed)
            #expect(keys.headers[.allow] == "GET, DELETE")
            let value501 = try await client.send(.get, "/nowhere").status
            #expect(value501 == .notFound)
        }
    }

    @Test func aKeyCannotRevokeItself() async throws {
        try await app.test { client in
            let me = try await client.send(.get, "/v1/me", key: app.adminKey)
            let id = try #require(me.json["key_id"] as? String)
            let response = try await client.send(.delete, "/v1/api-keys/\(id)", key: app.adminKey)
            #expect(response.status == .conflict)
            let value502 = try await client.send(.get, "/v1/me", key: app.adminKey).status
            #expect(value502 == .ok)
        }
    }

    @Test(arguments: [#"{"name": "a\u0000b"}"#, #"{"name": "line\nbreak"}"#, #"{"name": "ok", "cost_center": "\u0007"}"#])
    func controlCharactersAreRefused(json: String) async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: json)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.first?["detail"] == "must not contain control characters")
        }
    }

    @Test func explicitNullForANonNullableFieldIsRefused() async throws {
        try await app.test { client in
            let response = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Unit", "parent_id": null}"#)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "/parent_id")
            let calculator = try await client.send(.post, "/v1/calculators/queue", key: app.adminKey, json: """
                {"model": "erlang_c", "mode": "evaluate", "calls": 1, "interval_seconds": 60, "aht_seconds": 60,
                 "answer_time_seconds": 20, "agents": 2, "max_agents": null}
                """)
            #expect(calculator.status == .badRequest)
            #expect(calculator.problemErrors.first?["pointer"] == "/max_agents")
        }
    }

    @Test func oversizedQueryAndHeaderValuesAreRefused() async throws {
        try await app.test { client in
            let location = try await client.send(.get, "/v1/roles?location=\(String(repeating: "x", count: 101))", key: app.adminKey)
            #expect(location.status == .badRequest)
            #expect(location.problemErrors.first?["parameter"] == "location")
            let external = try await client.send(.get, "/v1/positions?external_id=\(String(repeating: "x", count: 201))", key: app.adminKey)
            #expect(external.problemErrors.first?["parameter"] == "external_id")
            let unit = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Unit"}"#)
            let id = try #require(unit.json["id"] as? String)
            let ifMatch = try await client.send(
                .patch, "/v1/org-units/\(id)", key: app.adminKey, json: #"{"name": "New"}"#,
                headers: [.ifMatch: String(repeating: "e", count: 201)]
            )
            #expect(ifMatch.status == .badRequest)
            #expect(ifMatch.problemErrors.first?["parameter"] == "If-Match")
        }
    }

    @Test func lengthsCountCodePointsLikeTheSchemaAndTheDatabase() async throws {
        // 150 letters each carrying a combining accent: 150 characters to Swift, 300 code points to JSON
        // Schema and to PostgreSQL's length(), which would otherwise reject the row with a 500.
        let accented = String(repeating: "e\u{0301}", count: 150)
        try await app.test { client in
            let response = try await client.send(.put, "/v1/roles/by-external-id/r1", key: app.adminKey, json: """
                {"title": "Agent", "currency": "EUR", "annual_base_salary": "1", "location": "\(accented)"}
                """)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.first?["pointer"] == "/location")
        }
    }

    @Test func cursorsAreThirtyTwoHexDigits() async throws {
        try await app.test { client in
            for _ in 0..<3 { _ = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Unit"}"#) }
            let first = try await client.send(.get, "/v1/org-units?limit=2", key: app.adminKey)
            let cursor = try #require(first.json["next_cursor"] as? String)
            #expect(cursor.count == 32)
            #expect(cursor.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            let any = try await client.send(.get, "/v1/org-units?cursor=\(String(repeating: "0", count: 32))", key: app.adminKey)
            #expect(any.status == .ok)
            #expect((any.json["data"] as? [Any])?.count == 3)
        }
    }
}
