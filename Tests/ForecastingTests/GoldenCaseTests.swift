import Forecasting
import Testing

/// Every case of the golden reference file, every expected field, relative error <= 1e-5.
@Suite("Golden reference values")
struct GoldenCaseTests {
    static let relativeTolerance = 1e-5
    static let integerFields: Set<String> = ["agents", "required_agents"]

    @Test("The fixture loads from the test bundle and holds uniquely named cases")
    func fixtureLoadsWithUniqueCases() throws {
        let cases = try GoldenFixture.load().cases
        #expect(!cases.isEmpty)
        #expect(Set(cases.map(\.id)).count == cases.count)
    }

    @Test("Each golden case matches every expected field", arguments: try GoldenFixture.load().cases)
    func goldenCaseMatchesEveryExpectedField(_ golden: GoldenCase) throws {
        let inputs = golden.inputs
        let scenario = try QueueScenario(
            calls: inputs.calls,
            intervalSeconds: inputs.intervalSeconds,
            ahtSeconds: inputs.ahtSeconds,
            answerTimeSeconds: inputs.answerTimeSeconds
        )
        let kind = try #require(QueueModelKind(rawValue: golden.model))
        let model = try QueueModel(kind: kind, patienceSeconds: inputs.patienceSeconds)

        var staffing: StaffingResult?
        let metrics: QueueMetrics?
        switch golden.mode {
        case "evaluate":
            metrics = try model.evaluate(scenario, agents: try #require(inputs.agents))
        case "staff":
            let target = try StaffingTarget(
                serviceLevel: try #require(inputs.targetServiceLevel),
                maximumAbandonRate: inputs.maximumAbandonRate
            )
            let result = try model.staff(scenario, target: target, maximumAgents: inputs.maximumAgents)
            staffing = result
            metrics = result.metrics
        default:
            Issue.record("unknown mode \(golden.mode)")
            return
        }

        for (field, expected) in golden.expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = Self.actual(field, kind: kind, scenario: scenario, metrics: metrics, staffing: staffing) else {
                Issue.record("\(golden.id): no mapping for expected field \(field)")
                continue
            }
            Self.expectMatch(actual, expected, field: field, caseID: golden.id)
        }
    }

    /// The computed value corresponding to a field of the fixture's `expected` object.
    static func actual(
        _ field: String,
        kind: QueueModelKind,
        scenario: QueueScenario,
        metrics: QueueMetrics?,
        staffing: StaffingResult?
    ) -> GoldenValue? {
        switch field {
        case "traffic_erlangs": .number(scenario.trafficErlangs)
        case "feasible": staffing.map { .boolean($0.isFeasible) } ?? .null
        case "required_agents": .optional(staffing?.requiredAgents)
        case "service_level_at_required_minus_1": .optional(staffing?.serviceLevelWithOneAgentFewer)
        case "p_abandon_at_required_minus_1": .optional(staffing?.metricsWithOneAgentFewer?.probabilityOfAbandoning)
        case "service_level_at_max_agents": .optional(staffing?.serviceLevelAtMaximumAgents)
        case "agents": .optional(metrics?.agents)
        case "stable": metrics.map { .boolean($0.isStable) } ?? .null
        case "erlang_b": .optional(metrics?.erlangB)
        case "p_wait": .optional(metrics?.probabilityOfWaiting)
        case "service_level": .optional(metrics?.serviceLevel)
        case "occupancy": .optional(metrics?.occupancy)
        case "asa_s", "asa_answered_s": .optional(metrics?.asaSeconds)
        case "p_abandon": .optional(metrics?.probabilityOfAbandoning)
        case "mean_wait_all_s": .optional(metrics?.meanWaitOfAllArrivalsSeconds)
        default: nil
        }
    }

    static func expectMatch(_ actual: GoldenValue, _ expected: GoldenValue, field: String, caseID: String) {
        switch (actual, expected) {
        case (.number(let value), .number(let reference)):
            #expect(value.isFinite, "\(caseID).\(field) is not finite")
            if integerFields.contains(field) {
                #expect(value == reference, "\(caseID).\(field): \(value) != \(reference)")
            } else {
                let error = abs(value - reference)
                #expect(
                    error <= relativeTolerance * abs(reference),
                    "\(caseID).\(field): \(value) vs expected \(reference) (relative error \(error / abs(reference)))"
                )
            }
        default:
            #expect(actual == expected, "\(caseID).\(field): \(actual) vs expected \(expected)")
        }
    }
}
