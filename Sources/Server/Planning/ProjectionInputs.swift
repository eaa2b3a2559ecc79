import Domain
import Forecasting
import Foundation

/// Everything a projection run is computed from, stored with the run as JSON. Computing a snapshot twice
/// gives the identical result: the engine is deterministic for given inputs, draws and seed.
struct ProjectionInputs: Codable, Sendable, Equatable {
    /// Version of the engine the run was computed with; a run is reproducible with the same version.
    static let engineVersion = "workforce-projection/1"

    struct Rates: Codable, Sendable, Equatable {
        /// ISO 4217 currency of every amount.
        var currency: String
        /// FTE-weighted annual base salary, a decimal string.
        var annualBaseSalary: String
        var benefitsRate: Double
        var payrollTaxRate: Double
        /// Average one-off cost of a hire, a decimal string.
        var hiringCostPerHire: String
    }

    struct Assumptions: Codable, Sendable, Equatable {
        var annualAttrition: Double
        var leadTimeMonths: Int
        var rampMonthsToFullProductivity: Int
        var annualDemandGrowth: Double
        var demandSigma: Double
        var ahtSigma: Double
        var humanResolvedSatisfaction: Double
        var botResolvedSatisfaction: Double
        var escalatedSatisfaction: Double
        var falseContainmentSatisfaction: Double
        var abandonedSatisfaction: Double
        var waitPenaltyPerMinute: Double
    }

    /// One queue's automation and demand in one month.
    struct QueueMonth: Codable, Sendable, Equatable {
        var newIssues: Double
        var botFirstShare: Double
        var trueContainment: Double
        var falseContainment: Double
        var escalationAHTMultiplier: Double
        /// Price of a bot conversation, a decimal string.
        var botCostPerConversation: String
    }

    struct Queue: Codable, Sendable, Equatable {
        var id: UUID
        var name: String
        var serviceLevelTarget: Double
        var serviceLevelSeconds: Int
        var maximumAbandonment: Double?
        var meanPatienceSeconds: Double
        var operatingHoursPerMonth: Double
        var peakFactor: Double
        var humanAHTSeconds: Double
        var humanFirstContactResolution: Double
        var concurrency: Double
        /// Index of the pool staffing the queue.
        var pool: Int
        var months: [QueueMonth]
    }

    struct Cohort: Codable, Sendable, Equatable {
        var tenureMonths: Int
        var fte: Double
    }

    /// Staff who share their productive hours: a queue's positions, or the positions of no queue.
    struct Pool: Codable, Sendable, Equatable {
        /// The queue staffed, nil for staff outside the queues (cost only).
        var queueID: UUID?
        var shrinkage: Double
        var cohorts: [Cohort]
        var hiresOrdered: [Double]
        var reductions: [Double]
    }

    var engineVersion: String
    var orgUnitID: UUID
    var startMonth: String
    var months: Int
    var draws: Int
    var seed: UInt64
    /// Hiring plans applied (ids), and whether inline changes were applied too.
    var appliedPlans: [UUID]
    var inlineChanges: Bool
    var rates: Rates
    var assumptions: Assumptions
    var queues: [Queue]
    var pools: [Pool]

    /// Canonical JSON (sorted keys), the stored form.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// SHA-256 of the canonical JSON, lower-case hex.
    func hash() throws -> String {
        SHA256.hexDigest(Array(try encoded()))
    }

    /// Size of the run for choosing between answering at once and queueing it.
    var workSize: Int { max(1, queues.count) * months * draws }

    /// The engine's model and Monte Carlo settings.
    func model() throws -> (ProjectionModel, UncertaintySettings) {
        try QueueModels.forecasting { () throws(ProjectionError) in
            let parts: (rates: CostRates, pools: [WorkforcePool], weights: QualityWeights)
            do throws(PlanningInputError) {
                parts = try planningParts()
            } catch {
                throw .planning(error)
            }
            let projected = try queues.map { queue throws(ProjectionError) in
                try projectedQueue(queue, productiveHours: parts.pools[queue.pool].assumptions.productiveHoursPerFTEMonth)
            }
            let model = try ProjectionModel(queues: projected, pools: parts.pools, rates: parts.rates, qualityWeights: parts.weights)
            let settings = try UncertaintySettings(draws: draws, seed: seed, demandSigma: assumptions.demandSigma, ahtSigma: assumptions.ahtSigma)
            return (model, settings)
        }
    }

    private static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }

    private func planningParts() throws(PlanningInputError) -> (rates: CostRates, pools: [WorkforcePool], weights: QualityWeights) {
        let costRates = try CostRates(
            annualBaseSalary: Self.decimal(rates.annualBaseSalary), benefitsRate: Decimal(rates.benefitsRate),
            payrollTaxRate: Decimal(rates.payrollTaxRate), hiringCostPerHire: Self.decimal(rates.hiringCostPerHire)
        )
        let rampMonths = max(1, assumptions.rampMonthsToFullProductivity)
        let ramp = try RampCurve.linear(firstMonth: 1 / Double(rampMonths), fullFromMonth: rampMonths)
        let attrition = try ExpectedAttrition(annualRate: assumptions.annualAttrition)
        var workforcePools: [WorkforcePool] = []
        for pool in pools {
            var cohorts: [TenureCohort] = []
            for cohort in pool.cohorts { cohorts.append(try TenureCohort(tenureMonths: cohort.tenureMonths, headcount: cohort.fte)) }
            workforcePools.append(WorkforcePool(
                plan: try WorkforcePlan(startingCohorts: cohorts, months: months, hiresOrdered: pool.hiresOrdered, reductions: pool.reductions),
                assumptions: try WorkforceAssumptions(leadTimeMonths: assumptions.leadTimeMonths, ramp: ramp, shrinkage: pool.shrinkage),
                attrition: attrition
            ))
        }
        let weights = try QualityWeights(
            humanResolved: assumptions.humanResolvedSatisfaction, botResolved: assumptions.botResolvedSatisfaction,
            escalatedThenResolved: assumptions.escalatedSatisfaction, falseContainment: assumptions.falseContainmentSatisfaction,
            abandoned: assumptions.abandonedSatisfaction, waitPenaltyPerMinute: assumptions.waitPenaltyPerMinute
        )
        return (costRates, workforcePools, weights)
    }

    private func projectedQueue(_ queue: Queue, productiveHours: Double) throws(ProjectionError) -> ProjectedQueue {
        let service = try QueueModels.service(
            serviceLevelTarget: queue.serviceLevelTarget, serviceLevelSeconds: queue.serviceLevelSeconds,
            maximumAbandonment: queue.maximumAbandonment, meanPatienceSeconds: queue.meanPatienceSeconds,
            operatingHoursPerMonth: queue.operatingHoursPerMonth, peakFactor: queue.peakFactor
        )
        var automation: [AutomationInputs] = []
        do throws(PlanningInputError) {
            for month in queue.months {
                automation.append(try AutomationInputs(
                    newIssues: month.newIssues, botFirstShare: month.botFirstShare, trueContainment: month.trueContainment,
                    falseContainment: month.falseContainment, humanAHTSeconds: queue.humanAHTSeconds,
                    botCostPerConversation: Self.decimal(month.botCostPerConversation),
                    humanFirstContactResolution: queue.humanFirstContactResolution,
                    escalationAHTMultiplier: month.escalationAHTMultiplier, concurrency: queue.concurrency,
                    productiveHoursPerFTEMonth: productiveHours
                ))
            }
        } catch {
            throw .planning(error)
        }
        return ProjectedQueue(service: service, automation: automation, pool: queue.pool)
    }
}
