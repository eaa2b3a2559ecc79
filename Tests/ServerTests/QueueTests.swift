import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing

@Suite struct QueueTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("queues")
    }

    static func queueJSON(unit: UUID, name: String = "Chat support EN", channel: String = "chat", extra: String = "") -> String {
        """
        {"org_unit_id": "\(unit.uuidString.lowercased())", "name": "\(name)", "channel": "\(channel)",
         "operating_hours_per_month": 360, "peak_factor": 1.6, "service_level_target": 0.8, "service_level_seconds": 60,
         "mean_patience_seconds": 120, "human_aht_seconds": 660, "human_first_contact_resolution": 0.75,
         "shrinkage": 0.3\(extra)}
        """
    }

    @Test func hrCreatesReadsAndListsAQueue() async throws {
        let unit = try await app.orgUnit("Support")
        let hr = try await app.key(.hr)
        try await app.test { client in
            let created = try await client.send(
                .post, "/v1/queues", key: hr, json: Self.queueJSON(unit: unit, extra: #", "concurrency": 2, "external_id": "wfm-chat-en""#)
            )
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/v1/queues/\(id)")
            #expect(created.headers[.eTag] != nil)
            #expect(created.json["channel"] as? String == "chat")
            #expect(created.json["peak_factor"] as? Double == 1.6)
            #expect(created.json["concurrency"] as? Double == 2)
            #expect(created.json["max_abandonment"] == nil)
            let read = try await client.send(.get, "/v1/queues/\(id)", key: hr)
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == created.headers[.eTag])
            #expect(read.json["name"] as? String == "Chat support EN")
            _ = try await client.send(.post, "/v1/queues", key: hr, json: Self.queueJSON(unit: unit, name: "Phone", channel: "phone"))
            let chats = try await client.send(.get, "/v1/queues?channel=chat", key: hr)
            #expect((chats.json["data"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let byKey = try await client.send(.get, "/v1/queues?external_id=wfm-chat-en", key: hr)
            #expect((byKey.json["data"] as? [[String: Any]])?.count == 1)
            let all = try await client.send(.get, "/v1/queues?org_unit_id=\(unit.uuidString.lowercased())&limit=1", key: hr)
            #expect((all.json["data"] as? [[String: Any]])?.count == 1)
            #expect(all.json["next_cursor"] is String)
        }
    }

    @Test(arguments: [
        ("service_level_target", "1"), ("service_level_target", "0"), ("peak_factor", "0.5"), ("shrinkage", "1"),
        ("operating_hours_per_month", "800"), ("human_aht_seconds", "0.5"), ("human_first_contact_resolution", "0"), ("concurrency", "0.5"), ("max_abandonment", "1"),
        ("service_level_seconds", "-1"),
    ])
    func outOfRangeFieldsAreBadRequestNamingTheField(field: String, value: String) async throws {
        let unit = try await app.orgUnit("Support")
        var object = try JSONSerialization.jsonObject(with: Data(Self.queueJSON(unit: unit).utf8)) as! [String: Any]
        object.removeValue(forKey: field)
        let base = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let json = String(base.dropLast()) + ", \"\(field)\": \(value)}"
        try await app.test { client in
            let response = try await client.send(.post, "/v1/queues", key: app.adminKey, json: json)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == "/\(field)" })
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM queues")
            #expect(try count[0].decode(Int.self, "n") == 0)
        }
    }

    @Test func unknownUnitIsUnprocessableAndDuplicateNameConflicts() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let unknown = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: UUID()))
            #expect(unknown.status == .unprocessableContent)
            let first = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit))
            #expect(first.status == .created)
            let second = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit))
            #expect(second.status == .conflict)
        }
    }

    @Test func rolesAndScope() async throws {
        let root = try await app.orgUnit("Company")
        let support = try await app.orgUnit("Support", parent: root)
        let sales = try await app.orgUnit("Sales", parent: root)
        let manager = try await app.key(.manager, orgUnit: support)
        let viewer = try await app.key(.viewer)
        let finance = try await app.key(.finance)
        try await app.test { client in
            for key in [manager, viewer, finance] {
                let denied = try await client.send(.post, "/v1/queues", key: key, json: Self.queueJSON(unit: support))
                #expect(denied.status == .forbidden)
            }
            let inside = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: support))
            let outside = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: sales))
            let insideID = try #require(inside.json["id"] as? String)
            let outsideID = try #require(outside.json["id"] as? String)
            let own = try await client.send(.get, "/v1/queues/\(insideID)", key: manager)
            #expect(own.status == .ok)
            let foreign = try await client.send(.get, "/v1/queues/\(outsideID)", key: manager)
            #expect(foreign.status == .notFound)
            let foreignDemand = try await client.send(.get, "/v1/queues/\(outsideID)/demand", key: manager)
            #expect(foreignDemand.status == .notFound)
            let listed = try await client.send(.get, "/v1/queues", key: manager)
            #expect((listed.json["data"] as? [[String: Any]])?.map { $0["id"] as? String } == [insideID])
            let viewerRead = try await client.send(.get, "/v1/queues/\(outsideID)", key: viewer)
            #expect(viewerRead.status == .ok)
            // Only admin and hr write queues, their demand and their automation; a manager not even in its subtree.
            let demand = #"{"months": [{"month": "2026-01", "forecast_volume": 1000}]}"#
            for key in [manager, viewer, finance] {
                let writes: [(HTTPRequest.Method, String, String?)] = [
                    (.put, "/v1/queues/\(insideID)/demand", demand),
                    (.put, "/v1/queues/\(insideID)/automation/2026-03", AutomationCoverageTests.setting),
                    (.delete, "/v1/queues/\(insideID)/automation/2026-03", nil),
                    (.patch, "/v1/queues/\(insideID)", #"{"name": "Renamed"}"#),
                    (.delete, "/v1/queues/\(insideID)", nil),
                ]
                for (method, path, body) in writes {
                    let denied = try await client.send(method, path, key: key, json: body)
                    #expect(denied.status == .forbidden, "\(method) \(path)")
                }
            }
            let hr = try await app.key(.hr)
            let hrDemand = try await client.send(.put, "/v1/queues/\(insideID)/demand", key: hr, json: demand)
            #expect(hrDemand.status == .ok)
            let hrAutomation = try await client.send(.put, "/v1/queues/\(insideID)/automation/2026-03", key: hr, json: AutomationCoverageTests.setting)
            #expect(hrAutomation.status == .created)
            let anonymous = try await client.send(.get, "/v1/queues")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func patchHonoursIfMatchAndClearsNullableFields() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let created = try await client.send(
                .post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit, extra: #", "max_abandonment": 0.05"#)
            )
            let id = try #require(created.json["id"] as? String)
            let etag = try #require(created.headers[.eTag])
            let changed = try await client.send(
                .patch, "/v1/queues/\(id)", key: app.adminKey, json: #"{"max_abandonment": null, "human_aht_seconds": 600}"#,
                headers: [.ifMatch: etag]
            )
            #expect(changed.status == .ok)
            #expect(changed.json["max_abandonment"] == nil)
            #expect(changed.json["human_aht_seconds"] as? Double == 600)
            let stale = try await client.send(
                .patch, "/v1/queues/\(id)", key: app.adminKey, json: #"{"shrinkage": 0.25}"#, headers: [.ifMatch: etag]
            )
            #expect(stale.status == .preconditionFailed)
            let nullName = try await client.send(.patch, "/v1/queues/\(id)", key: app.adminKey, json: #"{"name": null}"#)
            #expect(nullName.status == .badRequest)
            let invalid = try await client.send(.patch, "/v1/queues/\(id)", key: app.adminKey, json: #"{"shrinkage": 1.5}"#)
            #expect(invalid.status == .badRequest)
            #expect(invalid.problemErrors.contains { $0["pointer"] == "/shrinkage" })
        }
    }

    @Test func deleteIsRefusedWhilePositionsStaffTheQueue() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let queue = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit))
            let queueID = try #require(queue.json["id"] as? String)
            let role = try await client.send(.post, "/v1/roles", key: app.adminKey, json: #"{"title": "Agent", "currency": "EUR", "annual_base_salary": "30000"}"#)
            let roleID = try #require(role.json["id"] as? String)
            let position = try await client.send(.post, "/v1/positions", key: app.adminKey, json: """
                {"org_unit_id": "\(unit.uuidString.lowercased())", "role_id": "\(roleID)", "fte": 1, "status": "filled",
                 "queue_id": "\(queueID)", "effective_date": "2026-01-01"}
                """)
            #expect(position.status == .created)
            let unknownQueue = try await client.send(.post, "/v1/positions", key: app.adminKey, json: """
                {"org_unit_id": "\(unit.uuidString.lowercased())", "role_id": "\(roleID)", "fte": 1, "status": "filled",
                 "queue_id": "\(UUID().uuidString.lowercased())", "effective_date": "2026-01-01"}
                """)
            #expect(unknownQueue.status == .unprocessableContent)
            let refused = try await client.send(.delete, "/v1/queues/\(queueID)", key: app.adminKey)
            #expect(refused.status == .conflict)
            let other = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit, name: "Email", channel: "email"))
            let otherID = try #require(other.json["id"] as? String)
            _ = try await client.send(.put, "/v1/queues/\(otherID)/demand", key: app.adminKey, json: #"{"months": [{"month": "2026-01", "actual_volume": 5}]}"#)
            let deleted = try await client.send(.delete, "/v1/queues/\(otherID)", key: app.adminKey)
            #expect(deleted.status == .noContent)
            let gone = try await client.send(.get, "/v1/queues/\(otherID)", key: app.adminKey)
            #expect(gone.status == .notFound)
            let demand = try await app.pool.query("SELECT count(*)::int AS n FROM queue_demand")
            #expect(try demand[0].decode(Int.self, "n") == 0)
        }
    }

    @Test func importNamesAnUnknownQueue() async throws {
        let unit = try await app.orgUnit("Support", externalID: "ou-support")
        try await app.test { client in
            _ = try await client.send(.post, "/v1/roles", key: app.adminKey, json: #"{"title": "Agent", "currency": "EUR", "annual_base_salary": "30000", "external_id": "role-agent"}"#)
            let csv = """
                external_id,org_unit_external_id,role_external_id,fte,status,queue_id,effective_date
                pos-1,ou-support,role-agent,1,filled,\(UUID().uuidString.lowercased()),2026-01-01
                """
            let response = try await client.send(.post, "/v1/positions/import", key: app.adminKey, json: csv, contentType: "text/csv")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("no queue has this id"))
            _ = unit
        }
    }

    @Test func demandIsUpsertedMonthByMonth() async throws {
        let unit = try await app.orgUnit("Support")
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let queue = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit))
            let id = try #require(queue.json["id"] as? String)
            let forecasts = try await client.send(.put, "/v1/queues/\(id)/demand", key: app.adminKey, json: """
                {"months": [{"month": "2026-02", "forecast_volume": 2300000}, {"month": "2026-01", "forecast_volume": 2250000}]}
                """)
            #expect(forecasts.status == .ok)
            #expect((forecasts.json["data"] as? [[String: Any]])?.map { $0["month"] as? String } == ["2026-01", "2026-02"])
            let actuals = try await client.send(.put, "/v1/queues/\(id)/demand", key: app.adminKey, json: """
                {"months": [{"month": "2026-01", "actual_volume": 2310000}]}
                """)
            let january = try #require((actuals.json["data"] as? [[String: Any]])?.first)
            #expect(january["actual_volume"] as? Int == 2_310_000)
            #expect(january["forecast_volume"] as? Int == 2_250_000)
            let range = try await client.send(.get, "/v1/queues/\(id)/demand?from=2026-02&to=2026-12", key: viewer)
            #expect((range.json["data"] as? [[String: Any]])?.map { $0["month"] as? String } == ["2026-02"])
            let denied = try await client.send(.put, "/v1/queues/\(id)/demand", key: viewer, json: #"{"months": [{"month": "2026-01", "actual_volume": 1}]}"#)
            #expect(denied.status == .forbidden)
        }
    }

    @Test(arguments: [
        (#"{"months": [{"month": "2026-01", "actual_volume": 1}, {"month": "2026-01", "forecast_volume": 2}]}"#, "/months/1/month"),
        (#"{"months": [{"month": "2026-13", "actual_volume": 1}]}"#, "/months/0/month"),
        (#"{"months": [{"month": "2026-01", "actual_volume": -5}]}"#, "/months/0/actual_volume"),
        (#"{"months": [{"month": "2026-01"}]}"#, "/months/0"),
        (#"{"months": []}"#, "/months"),
        (#"{"months": [{"month": "2026-01", "actual_volume": null, "forecast_volume": 3}]}"#, "/months/0/actual_volume"),
    ])
    func invalidDemandChangesNothing(json: String, pointer: String) async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let queue = try await client.send(.post, "/v1/queues", key: app.adminKey, json: Self.queueJSON(unit: unit))
            let id = try #require(queue.json["id"] as? String)
            let response = try await client.send(.put, "/v1/queues/\(id)/demand", key: app.adminKey, json: json)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == pointer })
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM queue_demand")
            #expect(try count[0].decode(Int.self, "n") == 0)
        }
    }
}
