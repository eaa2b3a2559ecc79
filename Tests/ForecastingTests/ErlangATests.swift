import Forecasting
import Testing

@Suite("Erlang A")
struct ErlangATests {
    /// Direct summation of the M/M/N+M state probabilities in plain doubles (fine for small N and A):
    /// probability of waiting, of abandoning, and the mean wait of answered contacts in seconds.
    static func bruteForce(
        traffic: Double, agents: Int, aht: Double, patience: Double
    ) -> (waiting: Double, abandoning: Double, asa: Double) {
        let n = Double(agents)
        let gamma = aht / patience
        var term = 1.0
        var below = 0.0
        for j in 0..<agents {
            below += term
            term *= traffic / Double(j + 1)
        }
        var queued = 0.0
        var abandoning = 0.0
        var answeredWait = 0.0
        var waitSum = 0.0
        for k in 0..<200_000 {
            let ahead = Double(k + 1)
            waitSum += aht / (n + ahead * gamma)
            queued += term
            abandoning += term * ahead * gamma / (n + ahead * gamma)
            answeredWait += term * n / (n + ahead * gamma) * waitSum
            term *= traffic / (n + ahead * gamma)
            if term < 1e-300 { break }
        }
        let total = below + queued
        let pAbandon = abandoning / total
        return (queued / total, pAbandon, answeredWait / total / (1 - pAbandon))
    }

    @Test(
        "Probabilities and waits match a direct summation of the state probabilities",
        arguments: [(10.0, 14, 300.0), (10, 8, 60), (40, 36, 120), (40, 20, 30), (25.5, 30, 1_000), (3.2, 1, 90)]
    )
    func matchesDirectStateSummation(traffic: Double, agents: Int, patience: Double) throws {
        let aht = 180.0
        let scenario = try QueueScenario(calls: traffic * 1_800 / aht, intervalSeconds: 1_800, ahtSeconds: aht, answerTimeSeconds: 20)
        let metrics = try ErlangA.evaluate(scenario, agents: agents, patienceSeconds: patience)
        let reference = Self.bruteForce(traffic: scenario.trafficErlangs, agents: agents, aht: aht, patience: patience)
        #expect(abs(metrics.probabilityOfWaiting - reference.waiting) <= 1e-12 * reference.waiting)
        #expect(abs(metrics.probabilityOfAbandoning - reference.abandoning) <= 1e-12 * reference.abandoning)
        let asa = try #require(metrics.asaSeconds)
        #expect(abs(asa - reference.asa) <= 1e-11 * reference.asa)
        #expect(abs(metrics.serviceLevel + metrics.probabilityNotAnsweredInTime - 1) < 1e-14)
    }

    @Test("Service level rises and waiting and abandonment fall as agents are added, below the traffic too")
    func serviceLevelRisesAndAbandonmentFallsWithAgents() throws {
        let cases: [(calls: Double, aht: Double, patience: Double)] = [(600, 120, 120), (100, 180, 300), (29_400, 300, 180), (5_000, 300, 30)]
        for inputs in cases {
            let scenario = try QueueScenario(calls: inputs.calls, intervalSeconds: 1_800, ahtSeconds: inputs.aht, answerTimeSeconds: 20)
            let traffic = scenario.trafficErlangs
            let step = max(1, Int(traffic.squareRoot() / 8))
            var previous: QueueMetrics?
            for agents in stride(from: max(1, Int(traffic * 0.7)), through: Int(traffic + 5 * traffic.squareRoot()) + 3, by: step) {
                let metrics = try ErlangA.evaluate(scenario, agents: agents, patienceSeconds: inputs.patience)
                #expect(metrics.isStable)
                #expect(metrics.serviceLevel >= 0 && metrics.serviceLevel <= 1)
                #expect(metrics.occupancy >= 0 && metrics.occupancy <= 1)
                if let previous {
                    let context = "A = \(traffic), N = \(agents)"
                    #expect(metrics.serviceLevel >= previous.serviceLevel, "\(context)")
                    #expect(metrics.probabilityOfWaiting <= previous.probabilityOfWaiting, "\(context)")
                    #expect(metrics.probabilityOfAbandoning <= previous.probabilityOfAbandoning, "\(context)")
                }
                previous = metrics
            }
        }
    }

    @Test("Callers of near-infinite patience behave like Erlang C")
    func nearInfinitePatienceApproachesErlangC() throws {
        let scenario = try QueueScenario(calls: 360, intervalSeconds: 1_800, ahtSeconds: 240, answerTimeSeconds: 15)
        let erlangA = try ErlangA.evaluate(scenario, agents: 55, patienceSeconds: 1e10)
        let erlangC = try ErlangC.evaluate(scenario, agents: 55)
        #expect(abs(erlangA.serviceLevel - erlangC.serviceLevel) < 1e-6)
        #expect(abs(erlangA.probabilityOfWaiting - erlangC.probabilityOfWaiting) < 1e-6)
        let asaA = try #require(erlangA.asaSeconds)
        let asaC = try #require(erlangC.asaSeconds)
        #expect(abs(asaA - asaC) < 1e-4)
        #expect(erlangA.probabilityOfAbandoning < 1e-8)
    }

    @Test("The mean wait of all arrivals is the abandonment probability times the patience")
    func meanWaitOfAllArrivalsIsAbandonmentTimesPatience() throws {
        let scenario = try QueueScenario(calls: 600, intervalSeconds: 1_800, ahtSeconds: 120, answerTimeSeconds: 30)
        let metrics = try ErlangA.evaluate(scenario, agents: 36, patienceSeconds: 120)
        #expect(metrics.meanWaitOfAllArrivalsSeconds == metrics.probabilityOfAbandoning * 120)
    }

    @Test("A zero answer-time threshold counts only contacts that never wait")
    func zeroAnswerTimeCountsOnlyImmediateAnswers() throws {
        let scenario = try QueueScenario(calls: 100, intervalSeconds: 1_800, ahtSeconds: 180, answerTimeSeconds: 0)
        let metrics = try ErlangA.evaluate(scenario, agents: 12, patienceSeconds: 200)
        #expect(abs(metrics.serviceLevel - (1 - metrics.probabilityOfWaiting)) < 1e-15)
    }

    @Test("Heavily overloaded queues stay finite")
    func heavilyOverloadedQueueStaysFinite() throws {
        let scenario = try QueueScenario(calls: 120_000, intervalSeconds: 1_800, ahtSeconds: 300, answerTimeSeconds: 20)
        for agents in [1, 100, 10_000] {
            let metrics = try ErlangA.evaluate(scenario, agents: agents, patienceSeconds: 600)
            #expect(metrics.probabilityOfWaiting > 0.99 && metrics.probabilityOfWaiting <= 1)
            #expect(metrics.probabilityOfAbandoning > 0 && metrics.probabilityOfAbandoning < 1)
            #expect(metrics.serviceLevel >= 0 && metrics.serviceLevel < 0.01)
            let asa = try #require(metrics.asaSeconds)
            #expect(asa >= 0)
            #expect(metrics.occupancy > 0 && metrics.occupancy <= 1)
        }
    }
}
