import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store
import Testing

@Suite struct HeadcountTests {
    let app: TestApplication
    let company: UUID
    let support: UUID
    let chat: UUID
    let sales: UUID
    let agent: JobRoleRecord
    let seller: JobRoleRecord

    init() async throws {
        app = try await TestApplication.make("headcount")
        company = try await app.orgUnit("Company")
        support = try await app.orgUnit("Support", parent: company)
        chat = try await app.orgUnit("Chat", parent: support)
        sales = try await app.orgUnit("Sales", parent: company)
        let roles = JobRoleStore(pool: app.pool)
        agent = try await roles.create(try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: "Lisbon", currency: "EUR", annualBaseSalary: "30000",
            benefitsRate: 0.2, payrollTaxRate: 0.1, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        ))
        seller = try await roles.create(try JobRoleDraft(
            title: "Seller", jobFamily: nil, level: nil, location: nil, currency: "USD", annualBaseSalary: "50000",
            benefitsRate: nil, payrollTaxRate: nil, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        ))
        let positions = PositionStore(pool: app.pool)
        func add(_ unit: UUID, _ role: JobRoleRecord, fte: Double, _ status: PositionStatus, salary: String? = nil, from: String = "2026-01-01") async throws -> UUID {
            let state = try PositionState(orgUnitID: unit.uuidString, roleID: role.id.uuidString, fte: fte, status: status, queueID: nil, employeeRef: nil, salaryOverride: salary)
            return try await positions.create(state, externalID: nil, effectiveDate: CalendarDate(from)!, scope: .everything, recordedBy: UUID()).id
        }
        _ = try await add(chat, agent, fte: 1, .filled)
        _ = try await add(chat, agent, fte: 0.5, .filled, salary: "40000")
        _ = try await add(chat, agent, fte: 1, .vacant)
        _ = try await add(support, agent, fte: 1, .frozen)
        let salesPosition = try await add(sales, seller, fte: 1, .filled)
        _ = try await positions.close(id: salesPosition, endDate: CalendarDate("2026-03-01")!, ifMatch: nil, scope: .everything)
        _ = try await add(chat, agent, fte: 1, .filled, from: "2026-02-15")
    }

    /// Fully loaded annual cost computed from the role's inputs.
    private func loaded(_ role: JobRoleRecord, salary: String? = nil, fte: Decimal = 1) -> Decimal {
        let base = Decimal(string: salary ?? role.fields.annualBaseSalary.description)!
        let rates = Decimal(string: "\(role.fields.benefitsRate)")! + Decimal(string: "\(role.fields.payrollTaxRate)")!
        return fte * base * (1 + rates)
    }

    private func groups(_ response: TestResponse) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (response.json["data"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", $0) })
    }

    private func cost(_ group: [String: Any]?, _ currency: String, _ field: String = "annual_cost") -> Decimal? {
        let costs = group?["costs"] as? [[String: Any]] ?? []
        return (costs.first { $0["currency"] as? String == currency }?[field] as? String).flatMap { Decimal(string: $0) }
    }

    @Test func orgUnitFiguresIncludeTheirSubtree() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=org_unit", key: app.adminKey)
            #expect(response.status == .ok)
            let byUnit = groups(response)
            let chatGroup = byUnit[chat.uuidString.lowercased()]
            #expect(chatGroup?["positions"] as? Int == 3)
            #expect(chatGroup?["headcount"] as? Int == 2)
            #expect(chatGroup?["fte"] as? Double == 1.5)
            #expect(chatGroup?["vacancies"] as? Int == 1)
            #expect(chatGroup?["name"] as? String == "Chat")
            let filledCost = loaded(agent) + loaded(agent, salary: "40000", fte: 0.5)
            #expect(cost(chatGroup, "EUR") == filledCost)
            #expect(cost(chatGroup, "EUR", "budgeted_annual_cost") == filledCost + loaded(agent))
            let supportGroup = byUnit[support.uuidString.lowercased()]
            #expect(supportGroup?["positions"] as? Int == 4)
            #expect(supportGroup?["headcount"] as? Int == 2)
            #expect(cost(supportGroup, "EUR") == filledCost)
            let companyGroup = byUnit[company.uuidString.lowercased()]
            #expect(companyGroup?["positions"] as? Int == 5)
            #expect(companyGroup?["headcount"] as? Int == 3)
            #expect(cost(companyGroup, "USD") == loaded(seller))
        }
    }

    @Test func closedAndFuturePositionsFollowTheDate() async throws {
        try await app.test { client in
            let march = try await client.send(.get, "/v1/headcount?as_of=2026-03-15&group_by=org_unit", key: app.adminKey)
            let companyGroup = groups(march)[company.uuidString.lowercased()]
            #expect(companyGroup?["positions"] as? Int == 5)
            #expect(companyGroup?["headcount"] as? Int == 3)
            #expect(cost(companyGroup, "USD") == nil)
            #expect(groups(march)[sales.uuidString.lowercased()] == nil)
        }
    }

    @Test func groupsByStatusRoleAndLocation() async throws {
        try await app.test { client in
            let byStatus = groups(try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=status", key: app.adminKey))
            #expect(byStatus["filled"]?["positions"] as? Int == 3)
            #expect(byStatus["vacant"]?["positions"] as? Int == 1)
            #expect(byStatus["frozen"]?["positions"] as? Int == 1)
            let byRole = groups(try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=role", key: app.adminKey))
            #expect(byRole[agent.id.uuidString.lowercased()]?["positions"] as? Int == 4)
            #expect(byRole[agent.id.uuidString.lowercased()]?["name"] as? String == "Agent")
            let byLocation = groups(try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=location", key: app.adminKey))
            #expect(byLocation["Lisbon"]?["positions"] as? Int == 4)
            #expect(byLocation[""]?["positions"] as? Int == 1)
        }
    }

    @Test func managersSeeTheirSubtreeWithCostsViewersWithout() async throws {
        let manager = try await app.key(.manager, orgUnit: support)
        let viewer = try await app.key(.viewer)
        try await app.test { client in
            let managed = try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=org_unit", key: manager)
            #expect(Set(groups(managed).keys) == Set([support, chat].map { $0.uuidString.lowercased() }))
            #expect(cost(groups(managed)[support.uuidString.lowercased()], "EUR") != nil)
            let viewed = try await client.send(.get, "/v1/headcount?as_of=2026-02-01&group_by=org_unit", key: viewer)
            #expect(viewed.status == .ok)
            #expect(!viewed.text.contains("annual_cost"))
        }
    }

    @Test func seriesGivesMonthEndFigures() async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/headcount/series?from=2026-01&to=2026-04", key: app.adminKey)
            #expect(response.status == .ok)
            let months = response.json["data"] as? [[String: Any]] ?? []
            #expect(months.map { $0["month"] as? String } == ["2026-01", "2026-02", "2026-03", "2026-04"])
            #expect(months.map { $0["positions"] as? Int } == [5, 6, 5, 5])
            #expect(months.map { $0["headcount"] as? Int } == [3, 4, 3, 3])
            let scoped = try await client.send(.get, "/v1/headcount/series?from=2025-12&to=2026-01&org_unit_id=\(chat)", key: app.adminKey)
            let scopedMonths = scoped.json["data"] as? [[String: Any]] ?? []
            #expect(scopedMonths.map { $0["positions"] as? Int } == [0, 3])
        }
    }

    @Test(arguments: ["from=2026-05&to=2026-04", "from=2026-01&to=2036-02", "from=2026-13&to=2027-01", "from=26-01&to=2026-02"])
    func invalidMonthRangesAreBadRequest(query: String) async throws {
        try await app.test { client in
            let response = try await client.send(.get, "/v1/headcount/series?\(query)", key: app.adminKey)
            #expect(response.status == .badRequest)
        }
    }

    @Test func groupByIsRequiredAndChecked() async throws {
        try await app.test { client in
            let value301 = try await client.send(.get, "/v1/headcount", key: app.adminKey).status
            #expect(value301 == .badRequest)
            let value302 = try await client.send(.get, "/v1/headcount?group_by=colour", key: app.adminKey).status
            #expect(value302 == .badRequest)
        }
    }
}
