import Forecasting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CalculatorTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("calculator")
    }

    /// JSON carries doubles to about 15 significant digits.
    private func close(_ actual: Double?, _ expected: Double?) -> Bool {
        guard let actual, let expected else { return false }
        return abs(actual - expected) <= 1e-12 * max(1, abs(expected))
    }

    private func calculate(_ client: some TestClientProtocol, _ json: String) async throws -> TestResponse {
        try await client.send(.post, "/v1/calculators/queue", key: app.adminKey, json: json)
    }

    @Test func staffingMatchesTheForecastingEngine() async throws {
        let scenario = try QueueScenario(calls: 29_400, intervalSeconds: 1800, ahtSeconds: 300, answerTimeSeconds: 20)
        let expected = try QueueModel.erlangC.staff(scenario, target: try StaffingTarget(serviceLevel: 0.8), maximumAgents: nil)
        try await app.test { client in
            let response = try await calculate(client, """
                {"model": "erlang_c", "mode": "staff", "calls": 29400, "interval_seconds": 1800, "aht_seconds": 300,
                 "answer_time_seconds": 20, "target_service_level": 0.8}
                """)
            #expect(response.status == .ok)
            #expect(response.json["feasible"] as? Bool == true)
            #expect(response.json["agents"] as? Int == expected.requiredAgents)
            #expect(response.json["traffic_erlangs"] as? Double == expected.trafficErlangs)
            #expect(response.json["service_level"] as? Double == expected.metrics?.serviceLevel)
            #expect(response.json["p_abandon"] == nil)
        }
    }

    @Test func erlangAEvaluationReportsAbandonmentAndWaits() async throws {
        let scenario = try QueueScenario(calls: 500, intervalSeconds: 1800, ahtSeconds: 240, answerTimeSeconds: 30)
        let expected = try QueueModel.erlangA(patienceSeconds: 120).evaluate(scenario, agents: 60)
        try await app.test { client in
            let response = try await calculate(client, """
                {"model": "erlang_a", "mode": "evaluate", "calls": 500, "interval_seconds": 1800, "aht_seconds": 240,
                 "answer_time_seconds": 30, "agents": 60, "patience_seconds": 120}
                """)
            #expect(response.status == .ok)
            #expect(close(response.json["p_abandon"] as? Double, expected.probabilityOfAbandoning))
            #expect(close(response.json["asa_answered_seconds"] as? Double, expected.asaSeconds))
            #expect(close(response.json["mean_wait_all_seconds"] as? Double, expected.meanWaitOfAllArrivalsSeconds))
            #expect(response.json["feasible"] == nil)
        }
    }

    @Test func unstableErlangCHasNoASA() async throws {
        try await app.test { client in
            let response = try await calculate(client, """
                {"model": "erlang_c", "mode": "evaluate", "calls": 300, "interval_seconds": 1800, "aht_seconds": 300,
                 "answer_time_seconds": 20, "agents": 50}
                """)
            #expect(response.status == .ok)
            #expect(response.json["stable"] as? Bool == false)
            #expect(response.json["service_level"] as? Double == 0)
            #expect(response.json["asa_seconds"] == nil)
        }
    }

    @Test func unreachableTargetIsInfeasibleWithTheBestLevelUnderTheCap() async throws {
        try await app.test { client in
            let response = try await calculate(client, """
                {"model": "erlang_c", "mode": "staff", "calls": 100, "interval_seconds": 1800, "aht_seconds": 300,
                 "answer_time_seconds": 20, "target_service_level": 1, "max_agents": 30}
                """)
            #expect(response.status == .ok)
            #expect(response.json["feasible"] as? Bool == false)
            #expect(response.json["agents"] == nil)
            #expect((response.json["service_level_at_max_agents"] as? Double).map { $0 < 1 } == true)
        }
    }

    @Test(arguments: [
        (#""interval_seconds": 0"#, "/interval_seconds"), (#""calls": -5"#, "/calls"), (#""aht_seconds": -1"#, "/aht_seconds"),
        (#""target_service_level": 1.5"#, "/target_service_level"),
    ])
    func invalidInputsNameTheField(override: String, pointer: String) async throws {
        var fields = [
            "\"model\"": "\"erlang_c\"", "\"mode\"": "\"staff\"", "\"calls\"": "100", "\"interval_seconds\"": "1800",
            "\"aht_seconds\"": "300", "\"answer_time_seconds\"": "20", "\"target_service_level\"": "0.8",
        ]
        let parts = override.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        fields[parts[0]] = parts[1]
        let json = "{" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        try await app.test { client in
            let response = try await calculate(client, json)
            #expect(response.status == .badRequest)
            #expect(response.problemErrors.contains { $0["pointer"] == pointer })
        }
    }

    @Test func modeAndModelRequireTheirFields() async throws {
        try await app.test { client in
            let response = try await calculate(client, """
                {"model": "erlang_a", "mode": "evaluate", "calls": 100, "interval_seconds": 1800, "aht_seconds": 300,
                 "answer_time_seconds": 20}
                """)
            #expect(response.status == .badRequest)
            #expect(Set(response.problemErrors.compactMap { $0["pointer"] }) == ["/agents", "/patience_seconds"])
        }
    }
}
