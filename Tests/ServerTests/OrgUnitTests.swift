import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct OrgUnitTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("orgunits")
    }

    private func create(_ client: some TestClientProtocol, _ json: String, key: String? = nil) async throws -> TestResponse {
        try await client.send(.post, "/v1/org-units", key: key ?? app.adminKey, json: json)
    }

    @Test func hrCreatesAndReadsAUnit() async throws {
        let hr = try await app.key(.hr)
        try await app.test { client in
            let created = try await create(client, #"{"name": "Support", "cost_center": "CC-10", "external_id": "hr-1"}"#, key: hr)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/v1/org-units/\(id)")
            let read = try await client.send(.get, "/v1/org-units/\(id)", key: hr)
            #expect(read.status == .ok)
            #expect(read.json["cost_center"] as? String == "CC-10")
            #expect(read.json["parent_id"] == nil)
            #expect(read.headers[.eTag] == created.headers[.eTag])
        }
    }

    @Test(arguments: [Role.viewer, .finance])
    func onlyAdminAndHRWriteUnits(role: Role) async throws {
        let key = try await app.key(role)
        try await app.test { client in
            let response = try await create(client, #"{"name": "Sales"}"#, key: key)
            #expect(response.status == .forbidden)
        }
    }

    @Test func duplicateExternalIdIsConflict() async throws {
        try await app.test { client in
            let value1 = try await create(client, #"{"name": "A", "external_id": "dup"}"#).status
            #expect(value1 == .created)
            let second = try await create(client, #"{"name": "B", "external_id": "dup"}"#)
            #expect(second.status == .conflict)
            #expect(second.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func unknownParentIsUnprocessable() async throws {
        try await app.test { client in
            let response = try await create(client, #"{"name": "Orphan", "parent_id": "\#(UUID().uuidString)"}"#)
            #expect(response.status == .unprocessableContent)
        }
    }

    @Test func movingUnderItselfOrADescendantIsConflict() async throws {
        let top = try await app.orgUnit("Top")
        let middle = try await app.orgUnit("Middle", parent: top)
        let bottom = try await app.orgUnit("Bottom", parent: middle)
        try await app.test { client in
            for target in [bottom, middle, top] {
                let response = try await client.send(.patch, "/v1/org-units/\(top)", key: app.adminKey, json: #"{"parent_id": "\#(target)"}"#)
                #expect(response.status == .conflict)
            }
            let read = try await client.send(.get, "/v1/org-units/\(top)", key: app.adminKey)
            #expect(read.json["parent_id"] == nil)
        }
    }

    @Test func patchChangesOnlyTheFieldsSent() async throws {
        let top = try await app.orgUnit("Top")
        let child = try await app.orgUnit("Child", parent: top)
        try await app.test { client in
            let renamed = try await client.send(.patch, "/v1/org-units/\(child)", key: app.adminKey, json: #"{"name": "Renamed"}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.json["parent_id"] as? String == top.uuidString.lowercased())
            let rooted = try await client.send(.patch, "/v1/org-units/\(child)", key: app.adminKey, json: #"{"parent_id": null}"#)
            #expect(rooted.status == .ok)
            #expect(rooted.json["parent_id"] == nil)
            #expect(rooted.json["name"] as? String == "Renamed")
            let empty = try await client.send(.patch, "/v1/org-units/\(child)", key: app.adminKey, json: "{}")
            #expect(empty.status == .badRequest)
        }
    }

    @Test func staleIfMatchIsPreconditionFailed() async throws {
        let unit = try await app.orgUnit("Versioned")
        try await app.test { client in
            let read = try await client.send(.get, "/v1/org-units/\(unit)", key: app.adminKey)
            let etag = try #require(read.headers[.eTag])
            let first = try await client.send(.patch, "/v1/org-units/\(unit)", key: app.adminKey, json: #"{"name": "V2"}"#, headers: [.ifMatch: etag])
            #expect(first.status == .ok)
            #expect(first.headers[.eTag] != etag)
            let stale = try await client.send(.patch, "/v1/org-units/\(unit)", key: app.adminKey, json: #"{"name": "V3"}"#, headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed)
            let staleDelete = try await client.send(.delete, "/v1/org-units/\(unit)", key: app.adminKey, headers: [.ifMatch: etag])
            #expect(staleDelete.status == .preconditionFailed)
            let current = try #require(first.headers[.eTag])
            let delete = try await client.send(.delete, "/v1/org-units/\(unit)", key: app.adminKey, headers: [.ifMatch: current])
            #expect(delete.status == .noContent)
        }
    }

    @Test func unitWithChildrenCannotBeDeleted() async throws {
        let parent = try await app.orgUnit("Parent")
        let child = try await app.orgUnit("Child", parent: parent)
        try await app.test { client in
            let value2 = try await client.send(.delete, "/v1/org-units/\(parent)", key: app.adminKey).status
            #expect(value2 == .conflict)
            let value3 = try await client.send(.delete, "/v1/org-units/\(child)", key: app.adminKey).status
            #expect(value3 == .noContent)
            let value4 = try await client.send(.get, "/v1/org-units/\(child)", key: app.adminKey).status
            #expect(value4 == .notFound)
            let value5 = try await client.send(.delete, "/v1/org-units/\(parent)", key: app.adminKey).status
            #expect(value5 == .noContent)
        }
    }

    @Test func unitBoundToAManagerKeyCannotBeDeleted() async throws {
        let unit = try await app.orgUnit("Managed")
        _ = try await app.key(.manager, orgUnit: unit)
        try await app.test { client in
            let value6 = try await client.send(.delete, "/v1/org-units/\(unit)", key: app.adminKey).status
            #expect(value6 == .conflict)
        }
    }

    @Test func managerSeesOnlyTheirSubtree() async throws {
        let company = try await app.orgUnit("Company")
        let support = try await app.orgUnit("Support", parent: company)
        let chat = try await app.orgUnit("Chat", parent: support)
        let sales = try await app.orgUnit("Sales", parent: company)
        let manager = try await app.key(.manager, orgUnit: support)
        try await app.test { client in
            let list = try await client.send(.get, "/v1/org-units", key: manager)
            let ids = Set((list.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            #expect(ids == [support, chat].map { $0.uuidString.lowercased() }.reduce(into: Set<String>()) { $0.insert($1) })
            let value7 = try await client.send(.get, "/v1/org-units/\(sales)", key: manager).status
            #expect(value7 == .notFound)
            let value8 = try await client.send(.get, "/v1/org-units/\(company)", key: manager).status
            #expect(value8 == .notFound)
            let value9 = try await client.send(.get, "/v1/org-units/\(chat)", key: manager).status
            #expect(value9 == .ok)
            let value10 = try await create(client, #"{"name": "Shadow team"}"#, key: manager).status
            #expect(value10 == .forbidden)
        }
    }

    @Test func listFiltersByParentSubtreeAndExternalId() async throws {
        let root = try await app.orgUnit("Root")
        let first = try await app.orgUnit("First", parent: root, externalID: "ext-first")
        let second = try await app.orgUnit("Second", parent: root)
        let nested = try await app.orgUnit("Nested", parent: first)
        try await app.test { client in
            func ids(_ uri: String) async throws -> Set<String> {
                let response = try await client.send(.get, uri, key: app.adminKey)
                #expect(response.status == .ok)
                return Set((response.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }
            let lower = { (id: UUID) in id.uuidString.lowercased() }
            #expect(try await ids("/v1/org-units?parent_id=\(root)") == [lower(first), lower(second)])
            #expect(try await ids("/v1/org-units?subtree_of=\(first)") == [lower(first), lower(nested)])
            #expect(try await ids("/v1/org-units?external_id=ext-first") == [lower(first)])
            let value11 = try await client.send(.get, "/v1/org-units?parent_id=nope", key: app.adminKey).status
            #expect(value11 == .badRequest)
        }
    }

    @Test func upsertByExternalIdCreatesThenReplaces() async throws {
        try await app.test { client in
            let created = try await client.send(.put, "/v1/org-units/by-external-id/ops", key: app.adminKey, json: #"{"name": "Operations"}"#)
            #expect(created.status == .created)
            let again = try await client.send(.put, "/v1/org-units/by-external-id/ops", key: app.adminKey, json: #"{"name": "Operations"}"#)
            #expect(again.status == .ok)
            #expect(again.headers[.eTag] == created.headers[.eTag])
            let child = try await client.send(
                .put, "/v1/org-units/by-external-id/ops-emea", key: app.adminKey,
                json: #"{"name": "Operations EMEA", "parent_external_id": "ops"}"#
            )
            #expect(child.status == .created)
            #expect(child.json["parent_id"] as? String == created.json["id"] as? String)
            let renamed = try await client.send(.put, "/v1/org-units/by-external-id/ops", key: app.adminKey, json: #"{"name": "Ops"}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.json["id"] as? String == created.json["id"] as? String)
            #expect(renamed.headers[.eTag] != created.headers[.eTag])
            let cycle = try await client.send(
                .put, "/v1/org-units/by-external-id/ops", key: app.adminKey, json: #"{"name": "Ops", "parent_external_id": "ops-emea"}"#
            )
            #expect(cycle.status == .conflict)
        }
    }
}
