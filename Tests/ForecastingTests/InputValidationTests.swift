import Forecasting
import Testing

@Suite("Input validation")
struct InputValidationTests {
    static func scenario() throws -> QueueScenario {
        try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
    }

    @Test("A zero or negative interval is rejected")
    func nonPositiveIntervalThrows() {
        #expect(throws: QueueInputError.intervalNotPositive) {
            try QueueScenario(calls: 100, intervalSeconds: 0, ahtSeconds: 180, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.intervalNotPositive) {
            try QueueScenario(calls: 100, intervalSeconds: -1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        }
    }

    @Test("Negative calls, a non-positive AHT and a negative answer time are rejected")
    func negativeDemandThrows() {
        #expect(throws: QueueInputError.callsNegative) {
            try QueueScenario(calls: -1, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.ahtNotPositive) {
            try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: -180, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.ahtNotPositive) {
            try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 0, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.answerTimeNegative) {
            try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: -1)
        }
    }

    @Test("NaN and infinite inputs are rejected, as is traffic above the limit")
    func nonFiniteOrHugeInputsThrow() {
        #expect(throws: QueueInputError.nonFiniteValue(name: "calls")) {
            try QueueScenario(calls: .nan, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.nonFiniteValue(name: "ahtSeconds")) {
            try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: .infinity, answerTimeSeconds: 20)
        }
        #expect(throws: QueueInputError.trafficAboveLimit) {
            try QueueScenario(calls: 1e12, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 20)
        }
    }

    @Test("Erlang A without a patience, or with a non-positive one, is rejected")
    func missingOrInvalidPatienceThrows() throws {
        #expect(throws: QueueInputError.patienceMissing) { try QueueModel(kind: .erlangA, patienceSeconds: nil) }
        #expect(throws: QueueInputError.patienceNotPositive) { try QueueModel(kind: .erlangA, patienceSeconds: 0) }
        #expect(throws: QueueInputError.nonFiniteValue(name: "patienceSeconds")) {
            try QueueModel(kind: .erlangA, patienceSeconds: .infinity)
        }
        let scenario = try Self.scenario()
        #expect(throws: QueueInputError.patienceNotPositive) {
            try ErlangA.evaluate(scenario, agents: 10, patienceSeconds: -5)
        }
        #expect(try QueueModel(kind: .erlangC, patienceSeconds: nil) == .erlangC)
        #expect(try QueueModel(kind: .erlangA, patienceSeconds: 90) == .erlangA(patienceSeconds: 90))
    }

    @Test("A target service level or abandonment rate outside [0, 1] is rejected")
    func targetOutsideUnitIntervalThrows() {
        #expect(throws: QueueInputError.targetServiceLevelOutOfRange) { try StaffingTarget(serviceLevel: 1.01) }
        #expect(throws: QueueInputError.targetServiceLevelOutOfRange) { try StaffingTarget(serviceLevel: -0.1) }
        #expect(throws: QueueInputError.targetServiceLevelOutOfRange) { try StaffingTarget(serviceLevel: .nan) }
        #expect(throws: QueueInputError.maximumAbandonRateOutOfRange) {
            try StaffingTarget(serviceLevel: 0.8, maximumAbandonRate: 1.5)
        }
    }

    @Test("Fewer than one agent, or more than the limit, is rejected for evaluation and as a cap")
    func agentCountsOutOfRangeThrow() throws {
        let scenario = try Self.scenario()
        let target = try StaffingTarget(serviceLevel: 0.8)
        for model in [QueueModel.erlangC, .erlangA(patienceSeconds: 120)] {
            #expect(throws: QueueInputError.agentsNotPositive) { try model.evaluate(scenario, agents: 0) }
            #expect(throws: QueueInputError.agentsAboveLimit) {
                try model.evaluate(scenario, agents: QueueLimits.maximumAgents + 1)
            }
            #expect(throws: QueueInputError.agentsNotPositive) { try model.staff(scenario, target: target, maximumAgents: 0) }
        }
    }

    @Test("An overloaded queue of callers who almost never abandon is rejected rather than summed forever")
    func endlessQueueIsRejected() throws {
        let scenario = try QueueScenario(calls: 20_000, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        #expect(throws: QueueInputError.queueStatesAboveLimit) {
            try ErlangA.evaluate(scenario, agents: 100, patienceSeconds: 1e12)
        }
    }
}
