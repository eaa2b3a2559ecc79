import Forecasting
import Testing

@Suite("Erlang C")
struct ErlangCTests {
    static let scenarios: [(calls: Double, interval: Double, aht: Double, answerTime: Double)] = [
        (100, 1_800, 180, 20),  // A = 10
        (360, 1_800, 240, 15),  // A = 48
        (123, 1_800, 247, 30),  // A = 16.878
        (1_000, 900, 300, 20),  // A = 333.3
        (29_400, 1_800, 300, 20),  // A = 4,900
    ]

    @Test("Service level rises and waiting falls, weakly, as agents are added")
    func serviceLevelRisesAndWaitingFallsWithAgents() throws {
        for inputs in Self.scenarios {
            let scenario = try QueueScenario(
                calls: inputs.calls, intervalSeconds: inputs.interval, ahtSeconds: inputs.aht,
                answerTimeSeconds: inputs.answerTime
            )
            let traffic = scenario.trafficErlangs
            var previous: QueueMetrics?
            let first = max(1, Int(traffic) - 3)
            for agents in first...(Int(traffic + 6 * traffic.squareRoot()) + 5) {
                let metrics = try ErlangC.evaluate(scenario, agents: agents)
                #expect(metrics.serviceLevel >= 0 && metrics.serviceLevel <= 1)
                #expect(metrics.probabilityOfWaiting >= 0 && metrics.probabilityOfWaiting <= 1)
                if let asa = metrics.asaSeconds { #expect(asa >= 0) }
                if let previous {
                    #expect(metrics.serviceLevel >= previous.serviceLevel, "A = \(traffic), N = \(agents)")
                    #expect(metrics.probabilityOfWaiting <= previous.probabilityOfWaiting, "A = \(traffic), N = \(agents)")
                    if let asa = metrics.asaSeconds, let previousASA = previous.asaSeconds { #expect(asa <= previousASA) }
                }
                previous = metrics
            }
        }
    }

    @Test("Traffic is calls times AHT over interval, so 300 × 300 / 1800 is exactly 50 and 50 agents are unstable")
    func trafficComputedInOrderMakesFiftyAgentsUnstable() throws {
        let scenario = try QueueScenario(calls: 300, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        #expect(scenario.trafficErlangs == 50)
        let metrics = try ErlangC.evaluate(scenario, agents: 50)
        #expect(!metrics.isStable)
        #expect(metrics.probabilityOfWaiting == 1)
        #expect(metrics.serviceLevel == 0)
        #expect(metrics.asaSeconds == nil)
        #expect(metrics.meanWaitOfAllArrivalsSeconds == nil)
        #expect(metrics.occupancy == 1)
        #expect(try ErlangC.evaluate(scenario, agents: 51).isStable)
    }

    @Test("Fewer agents than Erlangs are reported unstable with an occupancy of one")
    func fewerAgentsThanErlangsIsUnstable() throws {
        let scenario = try QueueScenario(calls: 600, intervalSeconds: 1_800, ahtSeconds: 120, answerTimeSeconds: 30)
        let metrics = try ErlangC.evaluate(scenario, agents: 36)
        #expect(!metrics.isStable)
        #expect(metrics.serviceLevel == 0 && metrics.probabilityOfWaiting == 1 && metrics.occupancy == 1)
        #expect(metrics.erlangB > 0 && metrics.erlangB < 1)
    }

    @Test("No contacts means no waiting")
    func zeroCallsMeansNoWaiting() throws {
        let scenario = try QueueScenario(calls: 0, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        let metrics = try ErlangC.evaluate(scenario, agents: 1)
        #expect(metrics.isStable && metrics.probabilityOfWaiting == 0 && metrics.serviceLevel == 1)
        #expect(metrics.asaSeconds == 0 && metrics.occupancy == 0)
    }

    @Test("Service level and the probability of missing it add up to one")
    func serviceLevelAndMissAddUpToOne() throws {
        let scenario = try QueueScenario(calls: 1_000, intervalSeconds: 900, ahtSeconds: 300, answerTimeSeconds: 20)
        for agents in 334...380 {
            let metrics = try ErlangC.evaluate(scenario, agents: agents)
            #expect(abs(metrics.serviceLevel + metrics.probabilityNotAnsweredInTime - 1) < 1e-15)
        }
    }
}
