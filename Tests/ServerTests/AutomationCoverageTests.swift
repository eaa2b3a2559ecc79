import Domain
import Forecasting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing

@Suite struct AutomationCoverageTests {
    let app: TestApplication
    static let setting = """
        {"bot_first_share": 0.7, "true_containment": 0.6, "false_containment": 0.1, "escalation_aht_multiplier": 1.3,
         "currency": "EUR", "bot_cost_per_conversation": "0.045", "bot_satisfaction": 0.78}
        """

    init() async throws {
        app = try await TestApplication.make("automation")
    }

    private func queue(_ client: some TestClientProtocol, unit: UUID, name: String = "Chat support EN") async throws -> String {
        let created = try await client.send(.post, "/v1/queues", key: app.adminKey, json: QueueTests.queueJSON(unit: unit, name: name))
        return try #require(created.json["id"] as? String)
    }

    @Test func settingsAreEffectiveDatedWithHistory() async throws {
        let unit = try await app.orgUnit("Support")
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let id = try await queue(client, unit: unit)
            let created = try await client.send(.put, "/v1/queues/\(id)/automation/2026-03", key: app.adminKey, json: Self.setting)
            #expect(created.status == .created)
            #expect(created.json["bot_cost_per_conversation"] as? String == "0.0450")
            #expect(created.json["effective_month"] as? String == "2026-03")
            let replaced = try await client.send(.put, "/v1/queues/\(id)/automation/2026-03", key: app.adminKey, json: Self.setting)
            #expect(replaced.status == .ok)
            let later = Self.setting.replacingOccurrences(of: "\"bot_first_share\": 0.7", with: "\"bot_first_share\": 0.5")
            _ = try await client.send(.put, "/v1/queues/\(id)/automation/2026-09", key: app.adminKey, json: later)
            let before = try await client.send(.get, "/v1/queues/\(id)/automation?as_of=2026-02", key: viewer)
            #expect(before.json["in_force"] == nil)
            #expect((before.json["history"] as? [[String: Any]])?.count == 2)
            let between = try await client.send(.get, "/v1/queues/\(id)/automation?as_of=2026-08", key: viewer)
            #expect((between.json["in_force"] as? [String: Any])?["bot_first_share"] as? Double == 0.7)
            let after = try await client.send(.get, "/v1/queues/\(id)/automation?as_of=2027-01", key: viewer)
            #expect((after.json["in_force"] as? [String: Any])?["bot_first_share"] as? Double == 0.5)
            let removed = try await client.send(.delete, "/v1/queues/\(id)/automation/2026-09", key: app.adminKey)
            #expect(removed.status == .noContent)
            let again = try await client.send(.delete, "/v1/queues/\(id)/automation/2026-09", key: app.adminKey)
            #expect(again.status == .notFound)
            let denied = try await client.send(.put, "/v1/queues/\(id)/automation/2026-10", key: viewer, json: Self.setting)
            #expect(denied.status == .forbidden)
            let badMonth = try await client.send(.put, "/v1/queues/\(id)/automation/2026-13", key: app.adminKey, json: Self.setting)
            #expect(badMonth.status == .badRequest)
        }
    }

    @Test(arguments: [
        ("\"false_containment\": 0.1", "\"false_containment\": 0.5", "/false_containment"),
        ("\"bot_first_share\": 0.7", "\"bot_first_share\": 1.2", "/bot_first_share"),
        ("\"0.045\"", "\"0.00001\"", "/bot_cost_per_conversation"),
        ("\"EUR\"", "\"eur\"", "/currency"),
    ])
    func invalidSettingsAreRefused(old: String, new: String, pointer: String) async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let id = try await queue(client, unit: unit)
            let response = try await client.send(
                .put, "/v1/queues/\(id)/automation/2026-03", key: app.adminKey, json: Self.setting.replacingOccurrences(of: old, with: new)
            )
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == pointer })
            let count = try await app.pool.query("SELECT count(*)::int AS n FROM queue_automation")
            #expect(try count[0].decode(Int.self, "n") == 0)
        }
    }

    /// The report's figures equal the engine's on the same inputs, and the totals add up the queues.
    @Test func coverageAgreesWithTheEngine() async throws {
        let root = try await app.orgUnit("Company")
        let support = try await app.orgUnit("Support", parent: root)
        let sales = try await app.orgUnit("Sales", parent: root)
        let manager = try await app.key(.manager, orgUnit: support)
        try await app.test { client in
            let chat = try await queue(client, unit: support)
            let phone = try await queue(client, unit: support, name: "Phone")
            let inbound = try await queue(client, unit: sales, name: "Inbound sales")
            _ = try await client.send(.put, "/v1/queues/\(chat)/automation/2026-01", key: app.adminKey, json: Self.setting)
            _ = try await client.send(.put, "/v1/queues/\(chat)/demand", key: app.adminKey, json: """
                {"months": [{"month": "2026-06", "forecast_volume": 90000, "actual_volume": 100000}]}
                """)
            _ = try await client.send(.put, "/v1/queues/\(phone)/demand", key: app.adminKey, json: """
                {"months": [{"month": "2026-06", "forecast_volume": 40000}]}
                """)
            _ = try await client.send(.put, "/v1/queues/\(inbound)/demand", key: app.adminKey, json: """
                {"months": [{"month": "2026-06", "forecast_volume": 7000}]}
                """)
            let report = try await client.send(.get, "/v1/automation/coverage?as_of=2026-06", key: app.adminKey)
            #expect(report.status == .ok)
            let rows = try #require(report.json["queues"] as? [[String: Any]])
            #expect(rows.count == 3)
            let chatRow = try #require(rows.first { $0["queue_id"] as? String == chat })
            #expect(chatRow["volume_source"] as? String == "actual")
            let expected = AutomationOutcome(try AutomationInputs(
                newIssues: 100_000, botFirstShare: 0.7, trueContainment: 0.6, falseContainment: 0.1, humanAHTSeconds: 660,
                botCostPerConversation: Decimal(string: "0.045")!, humanFirstContactResolution: 0.75, escalationAHTMultiplier: 1.3,
                productiveHoursPerFTEMonth: WorkforceAssumptions.defaultPaidHoursPerFTEMonth * 0.7
            ))
            let botConversations = try #require(chatRow["bot_conversations"] as? Double)
            #expect(abs(botConversations - expected.botConversations) < 1e-6)
            let automatedFTE = try #require(chatRow["automation_fte_equivalent"] as? Double)
            #expect(abs(automatedFTE - expected.fteEquivalentHandledByAutomation) < 1e-9)
            let share = try #require(chatRow["automated_issue_share"] as? Double)
            #expect(abs(share - expected.issuesResolvedByBot / 100_000) < 1e-12)
            let service = try ServiceQueue(
                answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 120,
                profile: try QueueCalendar(operatingHoursPerMonth: 360, peakFactor: 1.6).profile,
                operatingDaysPerMonth: try QueueCalendar(operatingHoursPerMonth: 360, peakFactor: 1.6).daysPerMonth
            )
            let productive = WorkforceAssumptions.defaultPaidHoursPerFTEMonth * 0.7
            let outcome = try ServiceOutcome(
                queue: service, humanContacts: expected.humanContacts, agentSecondsPerContact: expected.agentSecondsPerHumanContact,
                availableAgentHours: 0, productiveHoursPerFTEMonth: productive
            )
            let required = try #require(chatRow["human_fte_required"] as? Double)
            #expect(abs(required - outcome.requiredFTE) < 1e-9)
            let cost = try #require((chatRow["bot_costs"] as? [[String: Any]])?.first?["amount"] as? String)
            let expectedCost = NSDecimalNumber(decimal: expected.botCost).doubleValue
            #expect(abs(try #require(Double(cost)) - expectedCost) <= 0.005)
            let phoneRow = try #require(rows.first { $0["queue_id"] as? String == phone })
            #expect(phoneRow["volume_source"] as? String == "forecast")
            #expect(phoneRow["bot_conversations"] as? Double == 0)
            let totals = try #require(report.json["totals"] as? [String: Any])
            let summed = rows.reduce(0.0) { $0 + ($1["human_fte_required"] as? Double ?? 0) }
            #expect(abs((totals["human_fte_required"] as? Double ?? 0) - summed) < 1e-9)
            #expect(totals["new_issues"] as? Double == 147_000)

            let scoped = try await client.send(.get, "/v1/automation/coverage?as_of=2026-06", key: manager)
            #expect(Set((scoped.json["queues"] as? [[String: Any]] ?? []).compactMap { $0["queue_id"] as? String }) == [chat, phone])
            let filtered = try await client.send(
                .get, "/v1/automation/coverage?as_of=2026-06&org_unit=\(sales.uuidString.lowercased())", key: app.adminKey
            )
            #expect((filtered.json["queues"] as? [[String: Any]])?.map { $0["queue_id"] as? String } == [inbound])
            let clash = try await client.send(
                .get,
                "/v1/automation/coverage?org_unit=\(sales.uuidString.lowercased())&org_unit_id=\(support.uuidString.lowercased())",
                key: app.adminKey
            )
            #expect(clash.status == .badRequest)
        }
    }

    @Test func staffedPositionsGiveTheServiceLevel() async throws {
        let unit = try await app.orgUnit("Support")
        try await app.test { client in
            let id = try await queue(client, unit: unit)
            _ = try await client.send(.put, "/v1/queues/\(id)/demand", key: app.adminKey, json: #"{"months": [{"month": "2026-06", "forecast_volume": 20000}]}"#)
            let empty = try await client.send(.get, "/v1/automation/coverage?as_of=2026-06", key: app.adminKey)
            let emptyRow = try #require((empty.json["queues"] as? [[String: Any]])?.first)
            #expect(emptyRow["staffed_fte"] as? Double == 0)
            let role = try await client.send(.post, "/v1/roles", key: app.adminKey, json: #"{"title": "Agent", "currency": "EUR", "annual_base_salary": "30000"}"#)
            let roleID = try #require(role.json["id"] as? String)
            for _ in 0..<60 {
                _ = try await client.send(.post, "/v1/positions", key: app.adminKey, json: """
                    {"org_unit_id": "\(unit.uuidString.lowercased())", "role_id": "\(roleID)", "fte": 1, "status": "filled",
                     "queue_id": "\(id)", "effective_date": "2026-01-01"}
                    """)
            }
            let staffed = try await client.send(.get, "/v1/automation/coverage?as_of=2026-06", key: app.adminKey)
            let row = try #require((staffed.json["queues"] as? [[String: Any]])?.first)
            #expect(row["staffed_fte"] as? Double == 60)
            let level = try #require(row["service_level"] as? Double)
            let emptyLevel = try #require(emptyRow["service_level"] as? Double)
            #expect(level > emptyLevel)
        }
    }
}
