import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AccessTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("access")
    }

    @Test func missingKeyIsUnauthorized() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/me")
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test(arguments: ["Bearer wfk_unknown", "Basic abc", "Bearer", "wfk_no_scheme"])
    func badKeyIsUnauthorized(header: String) async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/me", headers: [.authorization: header])
            #expect(response.status == .unauthorized)
        }
    }

    @Test func meDescribesTheCallingKey() async throws {
        let unit = try await app.orgUnit("Support")
        let managerKey = try await app.key(.manager, orgUnit: unit)
        try await app.test { client in
            let response = try await client.send(.get, "/v1/me", key: managerKey)
            #expect(response.status == .ok)
            #expect(response.json["role"] as? String == "manager")
            #expect(response.json["org_unit_id"] as? String == unit.uuidString.lowercased())
            #expect(response.json["name"] as? String == "manager key")
        }
    }

    @Test(arguments: [Role.hr, .manager, .finance, .viewer])
    func onlyAdminsManageKeys(role: Role) async throws {
        let key = try await app.key(role, orgUnit: role == .manager ? try await app.orgUnit("Team") : nil)
        try await app.test { client in
            let response1 = try await client.send(.get, "/v1/api-keys", key: key)
            #expect(response1.status == .forbidden)
            let create = try await client.send(.post, "/v1/api-keys", key: key, json: #"{"name": "x", "role": "admin"}"#)
            #expect(create.status == .forbidden)
            #expect(create.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func createdKeyWorksUntilRevoked() async throws {
        try await app.test { client in
            let created = try await client.send(.post, "/v1/api-keys", key: app.adminKey, json: #"{"name": "finance bot", "role": "finance"}"#)
            #expect(created.status == .created)
            let secret = try #require(created.json["secret"] as? String)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/v1/api-keys/\(id)")
            #expect(created.headers[.eTag]?.hasPrefix("\"") == true)
            let me = try await client.send(.get, "/v1/me", key: secret)
            #expect(me.json["role"] as? String == "finance")
            let read = try await client.send(.get, "/v1/api-keys/\(id)", key: app.adminKey)
            #expect(read.status == .ok)
            #expect(read.json["secret"] == nil)
            let response2 = try await client.send(.delete, "/v1/api-keys/\(id)", key: app.adminKey)
            #expect(response2.status == .noContent)
            let response3 = try await client.send(.get, "/v1/me", key: secret)
            #expect(response3.status == .unauthorized)
            let revoked = try await client.send(.get, "/v1/api-keys/\(id)", key: app.adminKey)
            #expect(revoked.json["revoked_at"] is String)
            #expect(revoked.headers[.eTag] != read.headers[.eTag])
        }
    }

    @Test func listPagesWithOpaqueCursor() async throws {
        for _ in 0..<4 { _ = try await app.key(.viewer) }
        try await app.test { client in
            var seen: [String] = []
            var uri = "/v1/api-keys?limit=2"
            while true {
                let page = try await client.send(.get, uri, key: app.adminKey)
                #expect(page.status == .ok)
                let data = page.json["data"] as? [[String: Any]] ?? []
                seen += data.compactMap { $0["id"] as? String }
                guard let cursor = page.json["next_cursor"] as? String else { break }
                uri = "/v1/api-keys?limit=2&cursor=\(cursor)"
            }
            #expect(seen.count == 5)
            #expect(Set(seen).count == 5)
            #expect(seen == seen.sorted())
            let viewers = try await client.send(.get, "/v1/api-keys?role=viewer", key: app.adminKey)
            #expect((viewers.json["data"] as? [Any])?.count == 4)
        }
    }
}
