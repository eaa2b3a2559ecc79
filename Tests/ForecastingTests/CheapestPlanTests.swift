import Forecasting
import Foundation
import Testing

@Suite("Cheapest plan")
struct CheapestPlanTests {
    /// Whether every month of `projection` outside `skipped` meets the 80 % target and `floor`.
    static func meetsEveryMonth(_ projection: [ProjectionMonth], skipping skipped: Set<Int> = [], floor: Double = 0) -> Bool {
        projection.allSatisfy { month in
            skipped.contains(month.month) || (month.queues[0].serviceLevel >= 0.8 && month.qualityScore >= floor)
        }
    }

    @Test("The cheapest plan meets the target in every reachable month")
    func cheapestPlanMeetsTheTargetInEveryReachableMonth() throws {
        let model = try DecisionFixtures.model(headcount: 40)
        #expect(!Self.meetsEveryMonth(try model.project()))
        let plan = try CheapestPlan(model: model, pool: 0, qualityFloor: 0.7)
        #expect(plan.infeasibleMonths.isEmpty)
        #expect(plan.addedHires.reduce(0, +) > 0)
        #expect(Self.meetsEveryMonth(plan.projection, floor: 0.7))
        #expect(plan.totalCost == plan.projection.reduce(Decimal(0)) { $0 + $1.totalCost })
        #expect(plan.addedHires.allSatisfy { $0 == $0.rounded() })
    }

    @Test("Removing any one added hire makes some month miss")
    func removingAnyHireMakesSomeMonthMiss() throws {
        let model = try DecisionFixtures.model(headcount: 40)
        let plan = try CheapestPlan(model: model, pool: 0)
        for order in plan.hiresOrdered.indices where plan.hiresOrdered[order] >= 1 {
            var hires = plan.hiresOrdered
            hires[order] -= 1
            let fewer = try DecisionFixtures.model(headcount: 40, hires: hires).project()
            #expect(!Self.meetsEveryMonth(fewer), "order month \(order)")
            #expect(fewer.reduce(Decimal(0)) { $0 + $1.totalCost } < plan.totalCost)
        }
    }

    @Test("Months within the hiring lead time that miss are reported infeasible")
    func infeasibleEarlyMonthsAreReported() throws {
        let model = try DecisionFixtures.model(headcount: 30)
        let plan = try CheapestPlan(model: model, pool: 0)
        let lead = WorkforceAssumptions.defaultLeadTimeMonths
        #expect(plan.infeasibleMonths == (0..<lead).map { InfeasibleMonth(month: $0, reason: .withinLeadTime) })
        #expect(Self.meetsEveryMonth(plan.projection, skipping: Set(0..<lead)))
        #expect(!Self.meetsEveryMonth(plan.projection))
    }

    @Test("A quality floor above what the bot allows is reported unreachable")
    func unreachableQualityFloorIsReported() throws {
        let model = try DecisionFixtures.model(headcount: 30)
        let plan = try CheapestPlan(model: model, pool: 0, qualityFloor: 0.99)
        #expect(plan.infeasibleMonths.count == DecisionFixtures.months)
        #expect(plan.infeasibleMonths.dropFirst(WorkforceAssumptions.defaultLeadTimeMonths).allSatisfy { $0.reason == .targetUnreachable })
        #expect(plan.addedHires.allSatisfy { $0 == 0 })
    }

    @Test("A plan that already meets the target needs no hires, and invalid settings are rejected")
    func satisfiedPlanNeedsNoHires() throws {
        let model = try DecisionFixtures.model(headcount: 60)
        let plan = try CheapestPlan(model: model, pool: 0)
        #expect(plan.addedHires.allSatisfy { $0 == 0 } && plan.infeasibleMonths.isEmpty)
        #expect(throws: DecisionError.unknownWorkforcePool(2)) { try CheapestPlan(model: model, pool: 2) }
        #expect(throws: DecisionError.settingOutOfRange(name: "serviceLevelTarget")) {
            try CheapestPlan(model: model, pool: 0, serviceLevelTarget: 1)
        }
        #expect(throws: DecisionError.settingOutOfRange(name: "qualityFloor")) { try CheapestPlan(model: model, pool: 0, qualityFloor: 2) }
    }
}
