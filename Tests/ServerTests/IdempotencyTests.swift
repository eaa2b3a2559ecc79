import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Domain
import Postgres
import Testing

@Suite struct IdempotencyTests {
    let app: TestApplication
    let header = HTTPField.Name("Idempotency-Key")!

    init() async throws {
        app = try await TestApplication.make("idempotency")
    }

    private func unitCount() async throws -> Int {
        try await app.pool.query("SELECT count(*)::integer AS n FROM org_units")[0].decode(Int.self, "n")
    }

    @Test func retryWithSameKeyReplaysTheFirstResponse() async throws {
        try await app.test { client in
            let body = #"{"name": "Retried"}"#
            let first = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: body, headers: [header: "retry-1"])
            let second = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: body, headers: [header: "retry-1"])
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.json["id"] as? String == first.json["id"] as? String)
            #expect(second.headers[.eTag] == first.headers[.eTag])
            #expect(second.headers[.location] == first.headers[.location])
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
        let value1 = try await unitCount()
        #expect(value1 == 1)
    }

    @Test func sameKeyWithAnotherBodyIsUnprocessable() async throws {
        try await app.test { client in
            _ = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "One"}"#, headers: [header: "reuse"])
            let other = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Two"}"#, headers: [header: "reuse"])
            #expect(other.status == .unprocessableContent)
            #expect(other.headers[.contentType] == "application/problem+json")
        }
        let value2 = try await unitCount()
        #expect(value2 == 1)
    }

    @Test func keysAreScopedToTheCallingAPIKey() async throws {
        let hr = try await app.key(.hr)
        try await app.test { client in
            let body = #"{"name": "Shared key"}"#
            let mine = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: body, headers: [header: "same"])
            let theirs = try await client.send(.post, "/v1/org-units", key: hr, json: body, headers: [header: "same"])
            #expect(mine.status == .created)
            #expect(theirs.status == .created)
            #expect(mine.json["id"] as? String != theirs.json["id"] as? String)
        }
    }

    @Test func failedRequestDoesNotBurnTheKey() async throws {
        try await app.test { client in
            let invalid = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": 1}"#, headers: [header: "fix-and-retry"])
            #expect(invalid.status == .badRequest)
            let fixed = try await client.send(.post, "/v1/org-units", key: app.adminKey, json: #"{"name": "Fixed"}"#, headers: [header: "fix-and-retry"])
            #expect(fixed.status == .created)
        }
    }

    @Test func newAPIKeySecretsAreNeverStoredForReplay() async throws {
        try await app.test { client in
            let body = #"{"name": "robot", "role": "viewer"}"#
            let first = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: body, headers: [header: "secret"])
            #expect(first.status == .created)
        }
        let stored = try await app.pool.query("SELECT count(*)::integer AS n FROM idempotency_keys")
        #expect(try stored[0].decode(Int.self, "n") == 0)
    }

    @Test func oversizedKeyIsBadRequest() async throws {
        try await app.test { client in
            let response = try await client.send(
                .post, "/v1/org-units", key: app.adminKey, json: #"{"name": "x"}"#, headers: [header: String(repeating: "k", count: 201)]
            )
            #expect(response.status == .badRequest)
        }
    }
}
