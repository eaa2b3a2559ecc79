import Forecasting
import Testing

@Suite("Erlang B")
struct ErlangBTests {
    /// The textbook recursion from zero servers, with no shortcut: the reference for the fast path.
    static func fullRecursion(agents: Int, traffic: Double) -> Double {
        var blocking = 1.0
        if agents > 0 {
            for k in 1...agents {
                blocking = traffic * blocking / (Double(k) + traffic * blocking)
            }
        }
        return blocking
    }

    @Test("Small cases equal their exact fractions")
    func smallCasesEqualExactFractions() throws {
        #expect(try ErlangB.blockingProbability(agents: 0, trafficErlangs: 2) == 1)
        #expect(abs(try ErlangB.blockingProbability(agents: 1, trafficErlangs: 2) - 2.0 / 3) < 1e-15)
        #expect(abs(try ErlangB.blockingProbability(agents: 3, trafficErlangs: 2) - 4.0 / 19) < 1e-15)
        #expect(try ErlangB.blockingProbability(agents: 5, trafficErlangs: 0) == 0)
    }

    @Test(
        "The windowed recursion agrees with the full recursion",
        arguments: [0.3, 4.6, 10, 48, 123.7, 999.5, 4_900, 19_990.333]
    )
    func windowedRecursionAgreesWithFullRecursion(traffic: Double) throws {
        let base = Int(traffic)
        let spread = max(10, Int(6 * traffic.squareRoot()))
        for agents in stride(from: max(0, base - spread), through: base + spread, by: max(1, spread / 15)) {
            let fast = try ErlangB.blockingProbability(agents: agents, trafficErlangs: traffic)
            let reference = Self.fullRecursion(agents: agents, traffic: traffic)
            #expect(abs(fast - reference) <= 1e-12 * reference, "B(\(agents), \(traffic)): \(fast) vs \(reference)")
        }
    }

    @Test("Far more agents than Erlangs underflows to zero instead of overflowing")
    func manyMoreAgentsThanErlangsStaysFinite() throws {
        let blocking = try ErlangB.blockingProbability(agents: 20_000, trafficErlangs: 1.5)
        #expect(blocking >= 0 && blocking < 1e-300)
        let overloaded = try ErlangB.blockingProbability(agents: 100, trafficErlangs: 20_000)
        #expect(abs(overloaded - Self.fullRecursion(agents: 100, traffic: 20_000)) < 1e-14)
    }

    @Test("Negative servers or traffic are rejected")
    func negativeServersOrTrafficThrow() {
        #expect(throws: QueueInputError.agentsNegative) { try ErlangB.blockingProbability(agents: -1, trafficErlangs: 2) }
        #expect(throws: QueueInputError.callsNegative) { try ErlangB.blockingProbability(agents: 1, trafficErlangs: -2) }
        #expect(throws: QueueInputError.nonFiniteValue(name: "trafficErlangs")) {
            try ErlangB.blockingProbability(agents: 1, trafficErlangs: .nan)
        }
    }
}
