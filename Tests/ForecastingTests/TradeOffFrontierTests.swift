import Forecasting
import Foundation
import Testing

@Suite("Trade-off frontier")
struct TradeOffFrontierTests {
    static func frontier(sweep: TradeOffSweep = .standard) throws -> TradeOffFrontier {
        try TradeOffFrontier(model: try DecisionFixtures.model(), queue: 0, month: 3, sweep: sweep)
    }

    @Test("The default sweep is 11 bot-first shares by 11 staffing ratios from 50 % to 150 %")
    func defaultSweepCoversTheDocumentedGrid() throws {
        let result = try Self.frontier()
        #expect(result.points.count == 121)
        #expect(TradeOffSweep.standard.botShares.first == 0 && TradeOffSweep.standard.botShares.last == 1)
        #expect(TradeOffSweep.standard.staffingRatios.first == 0.5 && TradeOffSweep.standard.staffingRatios.last == 1.5)
        for point in result.points {
            #expect(point.totalCost == point.labourCost + point.botCost)
            #expect(abs(point.staffedFTE - point.staffingRatio * point.requiredFTE) < 1e-9 * max(1, point.requiredFTE))
            if point.staffingRatio >= 1 { #expect(point.serviceLevel >= 0.8 - 1e-9) }
        }
    }

    @Test("Frontier points are mutually non-dominated")
    func frontierPointsAreMutuallyNonDominated() throws {
        let frontier = try Self.frontier().frontier
        #expect(frontier.count > 1)
        for first in frontier {
            for second in frontier {
                #expect(!first.dominates(second))
            }
        }
    }

    @Test("Every swept point is dominated by or equal to a frontier point")
    func everySweptPointIsCoveredByTheFrontier() throws {
        let result = try Self.frontier()
        for point in result.points {
            #expect(result.frontier.contains { $0.dominates(point) || $0.hasSameObjectives(as: point) })
        }
    }

    @Test("A custom sweep is used as given and an invalid one is rejected")
    func customSweepIsOverridable() throws {
        let sweep = try TradeOffSweep(botShares: [0, 0.5], staffingRatios: [0.9, 1.1, 1.3])
        let result = try Self.frontier(sweep: sweep)
        #expect(result.points.map(\.botShare) == [0, 0, 0, 0.5, 0.5, 0.5])
        #expect(result.points.map(\.staffingRatio) == [0.9, 1.1, 1.3, 0.9, 1.1, 1.3])
        #expect(throws: DecisionError.settingOutOfRange(name: "botShares")) { try TradeOffSweep(botShares: [1.5]) }
        #expect(throws: DecisionError.settingOutOfRange(name: "staffingRatios")) { try TradeOffSweep(staffingRatios: []) }
        #expect(throws: DecisionError.unknownQueue(3)) { try TradeOffFrontier(model: try DecisionFixtures.model(), queue: 3, month: 0) }
        #expect(throws: DecisionError.monthOutOfRange(99)) { try TradeOffFrontier(model: try DecisionFixtures.model(), queue: 0, month: 99) }
    }
}
