import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Postgres
import Store
import Testing

/// An application with Support (and its child Support EU) and Sales, one role, and helpers to write plans.
struct HiringPlanFixture {
    let app: TestApplication
    let support: UUID
    let supportEU: UUID
    let sales: UUID
    let role: UUID

    init(_ prefix: String) async throws {
        app = try await TestApplication.make(prefix)
        support = try await app.orgUnit("Support")
        supportEU = try await app.orgUnit("Support EU", parent: support)
        sales = try await app.orgUnit("Sales")
        role = try await JobRoleStore(pool: app.pool).create(try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "30000",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        )).id
    }

    /// One line as JSON.
    func line(_ month: String, _ change: Int, unit: UUID? = nil, role: UUID? = nil, extra: String = "") -> String {
        #"{"month": "\#(month)", "org_unit_id": "\#(unit ?? support)", "role_id": "\#(role ?? self.role)", "change": \#(change), "reason": "Chat volume grows"\#(extra)}"#
    }

    /// A plan body as JSON.
    func plan(name: String = "2027 support plan", unit: UUID? = nil, lines: [String], automationChanges: [String] = []) -> String {
        #"{"name": "\#(name)", "org_unit_id": "\#(unit ?? support)", "lines": [\#(lines.joined(separator: ", "))], "automation_changes": [\#(automationChanges.joined(separator: ", "))]}"#
    }

    /// Creates a plan and returns its id.
    func create(_ client: some TestClientProtocol, key: String, body: String? = nil) async throws -> String {
        let response = try await client.send(.post, "/v1/hiring-plans", key: key, json: body ?? plan(lines: [line("2027-01", 3)]))
        #expect(response.status == .created)
        return try #require(response.json["id"] as? String)
    }

    /// Creates and submits a plan and returns its id.
    func submitted(_ client: some TestClientProtocol, key: String, body: String? = nil) async throws -> String {
        let id = try await create(client, key: key, body: body)
        let response = try await client.send(.post, "/v1/hiring-plans/\(id)/submit", key: key)
        #expect(response.status == .ok)
        return id
    }

    /// The id of the key with this secret.
    func keyID(_ client: some TestClientProtocol, _ key: String) async throws -> String {
        let me = try await client.send(.get, "/v1/me", key: key)
        return try #require(me.json["key_id"] as? String)
    }

    /// Inserts a queue owned by `unit` directly (the queue endpoints live elsewhere) and returns its id.
    func queue(in unit: UUID, name: String) async throws -> UUID {
        let id = UUID()
        try await app.pool.query(
            """
            INSERT INTO queues (id, org_unit_id, name, channel, operating_hours_per_month, peak_factor, service_level_target,
                service_level_seconds, mean_patience_seconds, human_aht_seconds, human_first_contact_resolution, shrinkage)
            VALUES ($1::uuid, $2::uuid, $3::text, 'chat', 720, 1.5, 0.8, 60, 180, 660, 0.75, 0.3)
            """,
            [id, unit, name]
        )
        return id
    }
}
