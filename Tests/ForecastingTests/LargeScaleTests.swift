import Forecasting
import Testing

@Suite("Large scale")
struct LargeScaleTests {
    /// 119,942 calls per 30 minutes at AHT 300 s: A = 19,990.33 Erlangs.
    static func nearTwentyThousandErlangs() throws -> QueueScenario {
        try QueueScenario(calls: 119_942, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
    }

    static func expectFinite(_ metrics: QueueMetrics) {
        let probabilities = [
            metrics.erlangB, metrics.probabilityOfWaiting, metrics.serviceLevel,
            metrics.probabilityNotAnsweredInTime, metrics.probabilityOfAbandoning, metrics.occupancy,
        ]
        for value in probabilities {
            #expect(value.isFinite && value >= 0 && value <= 1, "\(metrics)")
        }
        for wait in [metrics.asaSeconds, metrics.meanWaitOfAllArrivalsSeconds].compactMap(\.self) {
            #expect(wait.isFinite && wait >= 0, "\(metrics)")
        }
    }

    @Test("Twenty thousand agents at about 19,990 Erlangs give finite, valid metrics", arguments: [nil, 180.0, 1e6])
    func twentyThousandAgentsNearTwentyThousandErlangs(patience: Double?) throws {
        let scenario = try Self.nearTwentyThousandErlangs()
        #expect(abs(scenario.trafficErlangs - 19_990.333) < 0.001)
        let model: QueueModel = patience.map { .erlangA(patienceSeconds: $0) } ?? .erlangC
        let metrics = try model.evaluate(scenario, agents: 20_000)
        Self.expectFinite(metrics)
        #expect(metrics.isStable)
        #expect(metrics.probabilityOfWaiting > 0.1 && metrics.probabilityOfWaiting < 1)
        #expect(metrics.serviceLevel > 0 && metrics.serviceLevel < 1)
    }

    @Test("Staffing at about 19,990 Erlangs meets the target with one agent to spare", arguments: [nil, 180.0])
    func staffingNearTwentyThousandErlangs(patience: Double?) throws {
        let scenario = try Self.nearTwentyThousandErlangs()
        let model: QueueModel = patience.map { .erlangA(patienceSeconds: $0) } ?? .erlangC
        let result = try model.staff(scenario, target: try StaffingTarget(serviceLevel: 0.9))
        let metrics = try #require(result.metrics)
        let oneFewer = try #require(result.metricsWithOneAgentFewer)
        Self.expectFinite(metrics)
        Self.expectFinite(oneFewer)
        #expect(metrics.serviceLevel >= 0.9 && oneFewer.serviceLevel < 0.9)
    }

    @Test("Twenty thousand agents for a trickle of traffic underflow cleanly to certain service")
    func twentyThousandAgentsForTinyTraffic() throws {
        let scenario = try QueueScenario(calls: 3, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 0)
        for model in [QueueModel.erlangC, .erlangA(patienceSeconds: 60)] {
            let metrics = try model.evaluate(scenario, agents: 20_000)
            Self.expectFinite(metrics)
            #expect(metrics.serviceLevel == 1 && metrics.probabilityOfWaiting == 0)
        }
    }
}
