import Forecasting
import Foundation
import Testing

@Suite("Projection and Monte Carlo")
struct ProjectionTests {
    static let months = 12

    /// Two queues (voice with a bot in front, chat without) sharing one pool, and a third queue
    /// with its own pool. `extraHires` adds hires to the shared pool every month.
    static func model(extraHires: Double = 0) throws -> ProjectionModel {
        let businessHours = try IntradayProfile.standardSupport(openingHour: 8, closingHour: 20)
        let voice = try ServiceQueue(answerTimeSeconds: 20, target: try StaffingTarget(serviceLevel: 0.8), profile: businessHours)
        let chat = try ServiceQueue(answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 300, profile: businessHours)
        func inputs(_ volume: Double, bot: Double, aht: Double, concurrency: Double) throws -> [AutomationInputs] {
            try (0..<months).map { month in
                try AutomationInputs(
                    newIssues: volume * pow(1.02, Double(month)), botFirstShare: bot, trueContainment: 0.5, falseContainment: 0.1,
                    humanAHTSeconds: aht, botCostPerConversation: Decimal(string: "0.1")!, concurrency: concurrency
                )
            }
        }
        let shared = try WorkforcePlan(
            startingCohorts: [try TenureCohort(tenureMonths: 30, headcount: 1_000), try TenureCohort(tenureMonths: 4, headcount: 40)],
            months: months, hiresOrdered: [Double](repeating: 30 + extraHires, count: months)
        )
        let own = try WorkforcePlan(startingCohorts: [try TenureCohort(tenureMonths: 30, headcount: 60)], months: months, hiresOrdered: [3, 3, 3])
        return try ProjectionModel(
            queues: [
                ProjectedQueue(service: voice, automation: try inputs(420_000, bot: 0.5, aht: 300, concurrency: 1), pool: 0),
                ProjectedQueue(service: chat, automation: try inputs(150_000, bot: 0, aht: 540, concurrency: 2.5), pool: 0),
                ProjectedQueue(service: voice, automation: try inputs(25_000, bot: 0, aht: 360, concurrency: 1), pool: 1),
            ],
            pools: [WorkforcePool(plan: shared), WorkforcePool(plan: own)],
            rates: try CostRates(annualBaseSalary: 40_000, benefitsRate: 0.2, hiringCostPerHire: 3_000)
        )
    }

    static func settings(seed: UInt64 = 99) throws -> UncertaintySettings {
        try UncertaintySettings(draws: 240, seed: seed)
    }

    @Test("The deterministic projection adds up queues, pools and costs")
    func deterministicProjectionAddsUp() throws {
        let model = try Self.model()
        let months = try model.project()
        #expect(months.count == Self.months)
        for month in months {
            #expect(month.queues.count == 3)
            #expect(month.serviceLevel > 0 && month.serviceLevel < 1)
            #expect(abs(month.requiredFTE - month.queues.reduce(0) { $0 + $1.requiredFTE }) < 1e-9 * month.requiredFTE)
            #expect(month.requiredHeads == Int(month.requiredFTE.rounded(.up)))
            #expect(abs(month.gapFTE - (month.requiredFTE - month.availableFTE)) < 1e-9)
            #expect(month.totalCost == month.labourCost + month.hiringCost + month.botCost)
            #expect(month.qualityScore > 0 && month.qualityScore < 1)
            // The shared pool's hours go to its queues in proportion to their requirements.
            let shared = month.queues[0].availableAgentHours + month.queues[1].availableAgentHours
            #expect(abs(month.queues[0].availableAgentHours / shared - month.queues[0].requiredAgentHours
                / (month.queues[0].requiredAgentHours + month.queues[1].requiredAgentHours)) < 1e-9)
        }
    }

    @Test("Percentiles are ordered P10 <= P50 <= P90 for every metric and month")
    func percentilesAreOrdered() async throws {
        let result = try await Self.model().simulate(try Self.settings())
        #expect(result.draws == 240 && result.months == Self.months)
        for metric in ProjectionMetric.allCases {
            for month in 0..<Self.months {
                let band = result.band(metric, month: month)
                #expect(band.p10 <= band.p50 && band.p50 <= band.p90, "\(metric) month \(month)")
                let samples = result.samples(metric, month: month)
                #expect(band == PercentileBand(sorted: samples.sorted()))
            }
        }
        for month in 0..<Self.months {
            let serviceLevels = result.samples(.serviceLevel, month: month)
            let misses = serviceLevels.filter { $0 < 0.8 - 1e-12 }.count
            #expect(abs(result.probabilityBelowTarget[month] - Double(misses) / 240) <= 2.0 / 240)  // ties at the target aside
            #expect(result.bands(.serviceLevel)[month] == result.band(.serviceLevel, month: month))
        }
    }

    @Test("The same seed gives bit-identical output with 1 and 8 workers")
    func sameSeedIsIdenticalWhateverTheWorkers() async throws {
        let model = try Self.model()
        let one = try await model.simulate(try Self.settings(), workers: 1)
        let eight = try await model.simulate(try Self.settings(), workers: 8)
        #expect(one == eight)
        for metric in ProjectionMetric.allCases {
            let a = one.samples(metric, month: 7).map(\.bitPattern)
            let b = eight.samples(metric, month: 7).map(\.bitPattern)
            #expect(a == b, "\(metric)")
        }
    }

    @Test("Different seeds give different draws")
    func differentSeedsDiffer() async throws {
        let model = try Self.model()
        let first = try await model.simulate(try Self.settings(seed: 1), workers: 2)
        let second = try await model.simulate(try Self.settings(seed: 2), workers: 2)
        #expect(first.samples(.serviceLevel, month: 5) != second.samples(.serviceLevel, month: 5))
        #expect(first.samples(.attrition, month: 5) != second.samples(.attrition, month: 5))
        #expect(first.samples(.humanContacts, month: 0) != second.samples(.humanContacts, month: 0))
    }

    @Test("With common random numbers, more hires never lower a draw's service level or raise P(miss)")
    func moreHiresLowerMissProbabilityDrawByDraw() async throws {
        let settings = try Self.settings(seed: 5)
        let base = try await Self.model().simulate(settings, workers: 2)
        let more = try await Self.model(extraHires: 25).simulate(settings, workers: 2)
        var strictlyBetter = 0
        for month in 0..<Self.months {
            let baseLevels = base.samples(.serviceLevel, month: month)
            let moreLevels = more.samples(.serviceLevel, month: month)
            for draw in 0..<settings.draws {
                #expect(moreLevels[draw] >= baseLevels[draw] - 1e-12, "month \(month), draw \(draw)")
                if moreLevels[draw] > baseLevels[draw] { strictlyBetter += 1 }
            }
            #expect(more.probabilityBelowTarget[month] <= base.probabilityBelowTarget[month])
            // Demand is the same draw in both scenarios: the randomness is common.
            #expect(base.samples(.humanContacts, month: month) == more.samples(.humanContacts, month: month))
        }
        #expect(strictlyBetter > 0)
    }

    @Test("The Monte Carlo median stays close to the deterministic projection")
    func monteCarloMedianIsCloseToDeterministic() async throws {
        let model = try Self.model()
        let deterministic = try model.project()
        let result = try await model.simulate(try Self.settings())
        for month in [0, 6, 11] {
            let expected = deterministic[month]
            #expect(abs(result.band(.serviceLevel, month: month).p50 - expected.serviceLevel) < 0.05, "month \(month)")
            let required = result.band(.requiredFTE, month: month).p50
            #expect(abs(required / expected.requiredFTE - 1) < 0.05, "month \(month)")
            let headcount = result.band(.headcount, month: month)
            #expect(headcount.p10 <= expected.headcount + 1 && expected.headcount - 1 <= headcount.p90, "month \(month)")
        }
    }

    @Test("Invalid projections and settings are rejected")
    func invalidProjectionsAreRejected() throws {
        let model = try Self.model()
        #expect(throws: ProjectionError.nothingToProject) { try ProjectionModel(queues: [], pools: model.pools, rates: model.rates) }
        #expect(throws: ProjectionError.unknownWorkforcePool(queue: 0)) {
            try ProjectionModel(
                queues: [ProjectedQueue(service: model.queues[0].service, automation: model.queues[0].automation, pool: 5)],
                pools: model.pools, rates: model.rates
            )
        }
        #expect(throws: ProjectionError.automationScheduleLength(queue: 0)) {
            try ProjectionModel(
                queues: [ProjectedQueue(service: model.queues[0].service, automation: [], pool: 0)], pools: model.pools, rates: model.rates
            )
        }
        #expect(throws: ProjectionError.uncertaintySettingOutOfRange(name: "draws")) { try UncertaintySettings(draws: 0) }
        #expect(throws: ProjectionError.uncertaintySettingOutOfRange(name: "demandCorrelation")) { try UncertaintySettings(demandCorrelation: 1) }
        #expect(UncertaintySettings.standard.draws == 2_000)
        #expect(abs(UncertaintySettings.standard.demandSigma(month: 12) - 0.08 * 2.0.squareRoot()) < 1e-15)
    }
}
