import Domain
import Forecasting
import Foundation
import Store

/// Gathers a projection's inputs from the database into a ``ProjectionInputs`` snapshot.
///
/// The scope is an org unit's subtree: its queues (with demand and automation), the filled positions in force
/// on the start month's first day (one pool per queue they staff, and one for positions staffing no queue),
/// and the hiring plans applied. Approximations, documented in the API: one FTE-weighted compensation for
/// every pool (a single currency is required); tenure counted from a position's first version; a month
/// without demand figures takes the last known volume grown by the annual demand growth.
struct ProjectionBuilder {
    /// Most queues in one projection.
    static let maximumQueues = 200

    let queues: QueueStore
    let projections: ProjectionStore
    let hiringPlans: HiringPlanStore

    func inputs(for draft: ProjectionDraft, principal: Principal) async throws -> ProjectionInputs {
        let root = draft.orgUnitID
        let queueRecords = try await queues.list(QueueFilter(subtree: root), scope: .everything, after: nil, limit: Self.maximumQueues + 1)
        guard !queueRecords.isEmpty else {
            throw DomainError.unprocessable("The org unit's subtree has no work queues to project.")
        }
        guard queueRecords.count <= Self.maximumQueues else {
            throw DomainError.unprocessable("More than \(Self.maximumQueues) queues are in this subtree: project a smaller unit.")
        }
        let plans = try await applicablePlans(draft, principal: principal)
        var lines = plans.flatMap(\.lines) + draft.lines
        lines.sort { $0.month < $1.month }
        let automationChanges = (plans.flatMap(\.automationChanges) + draft.automationChanges).sorted { $0.month < $1.month }

        let start = draft.startMonth
        let months = (0..<draft.horizonMonths).map { start.adding(months: $0) }
        let last = months[months.count - 1]
        let growth = draft.assumptions.annualDemandGrowth ?? 0

        var queueInputs: [ProjectionInputs.Queue] = []
        var satisfactionWeighted = 0.0
        var satisfactionVolume = 0.0
        var botCurrencies = Set<String>()
        let demandByQueue = try await queues.demand(queueIDs: queueRecords.map(\.id), from: .earliest, to: last)
        let historyByQueue = try await queues.automationHistories(queueIDs: queueRecords.map(\.id))
        for (index, record) in queueRecords.enumerated() {
            let demand = demandByQueue[record.id] ?? []
            let history = historyByQueue[record.id] ?? []
            let changes = automationChanges.filter { $0.queueID == record.id }
            var monthInputs: [ProjectionInputs.QueueMonth] = []
            for month in months {
                let volume = Self.volume(in: month, demand: demand, growth: growth)
                let stored = history.inForce(at: month)
                var setting = stored.map { stored in
                    ProjectionInputs.QueueMonth(
                        newIssues: volume, botFirstShare: stored.fields.botFirstShare, trueContainment: stored.fields.trueContainment,
                        falseContainment: stored.fields.falseContainment, escalationAHTMultiplier: stored.fields.escalationAHTMultiplier,
                        botCostPerConversation: stored.fields.botCostPerConversation.description
                    )
                } ?? ProjectionInputs.QueueMonth(
                    newIssues: volume, botFirstShare: 0, trueContainment: 0, falseContainment: 0,
                    escalationAHTMultiplier: AutomationSettingDraft.defaultEscalationAHTMultiplier, botCostPerConversation: "0"
                )
                if let stored { botCurrencies.insert(stored.fields.currency.description) }
                var satisfaction = stored?.fields.botSatisfaction
                for change in changes where CalendarMonth(change.month) <= month {
                    if let value = change.botFirstShare { setting.botFirstShare = value }
                    if let value = change.trueContainment { setting.trueContainment = value }
                    if let value = change.falseContainment { setting.falseContainment = value }
                    if let value = change.escalationAHTMultiplier { setting.escalationAHTMultiplier = value }
                    if let value = change.botCostPerConversation { setting.botCostPerConversation = value.description }
                    if let value = change.currency { botCurrencies.insert(value.description) }
                    if let value = change.botSatisfaction { satisfaction = value }
                }
                if setting.trueContainment + setting.falseContainment > 1 {
                    throw DomainError.unprocessable(
                        "In \(month) the queue \(record.fields.name) would have true plus false containment above 1."
                    )
                }
                if let satisfaction, setting.botFirstShare > 0 {
                    satisfactionWeighted += satisfaction * volume * setting.botFirstShare
                    satisfactionVolume += volume * setting.botFirstShare
                }
                monthInputs.append(setting)
            }
            let fields = record.fields
            queueInputs.append(ProjectionInputs.Queue(
                id: record.id, name: fields.name, serviceLevelTarget: fields.serviceLevelTarget,
                serviceLevelSeconds: fields.serviceLevelSeconds, maximumAbandonment: fields.maximumAbandonment,
                meanPatienceSeconds: fields.meanPatienceSeconds, operatingHoursPerMonth: fields.operatingHoursPerMonth,
                peakFactor: fields.peakFactor, humanAHTSeconds: fields.humanAHTSeconds,
                humanFirstContactResolution: fields.humanFirstContactResolution, concurrency: fields.concurrency, pool: index,
                months: monthInputs
            ))
        }

        // Pools: one per queue, in queue order, then one for staff of no queue in scope.
        var pools = queueRecords.map { record in
            ProjectionInputs.Pool(
                queueID: record.id, shrinkage: record.fields.shrinkage, cohorts: [],
                hiresOrdered: Array(repeating: 0, count: draft.horizonMonths), reductions: Array(repeating: 0, count: draft.horizonMonths)
            )
        }
        var other = ProjectionInputs.Pool(
            queueID: nil, shrinkage: WorkforceAssumptions.defaultShrinkage, cohorts: [],
            hiresOrdered: Array(repeating: 0, count: draft.horizonMonths), reductions: Array(repeating: 0, count: draft.horizonMonths)
        )
        let poolIndex = Dictionary(uniqueKeysWithValues: queueRecords.enumerated().map { ($1.id, $0) })
        for cohort in try await projections.cohorts(root: root, on: start.firstDay) {
            let entry = ProjectionInputs.Cohort(tenureMonths: cohort.tenureMonths, fte: cohort.fte)
            if let queue = cohort.queueID, let index = poolIndex[queue] { pools[index].cohorts.append(entry) } else { other.cohorts.append(entry) }
        }
        var hiresByRole: [UUID: Double] = [:]
        for line in lines {
            let offset = start.months(to: CalendarMonth(line.month))
            guard (0..<draft.horizonMonths).contains(offset) else { continue }
            let amount = Double(abs(line.change))
            if line.change > 0 { hiresByRole[line.roleID, default: 0] += amount }
            if let queue = line.queueID, let index = poolIndex[queue] {
                if line.change > 0 { pools[index].hiresOrdered[offset] += amount } else { pools[index].reductions[offset] += amount }
            } else if line.change > 0 {
                other.hiresOrdered[offset] += amount
            } else {
                other.reductions[offset] += amount
            }
        }
        if !other.cohorts.isEmpty || other.hiresOrdered.contains(where: { $0 > 0 }) { pools.append(other) }

        let rates = try await compensation(root: root, on: start.firstDay, hires: hiresByRole, botCurrencies: botCurrencies)
        let standard = QualityWeights.standard
        let weights = draft.assumptions.qualityWeights
        let observedBotSatisfaction = satisfactionVolume > 0 ? satisfactionWeighted / satisfactionVolume : standard.botResolved
        let assumptions = ProjectionInputs.Assumptions(
            annualAttrition: draft.assumptions.annualAttrition ?? ExpectedAttrition.defaultAnnualRate,
            leadTimeMonths: draft.assumptions.leadTimeMonths ?? WorkforceAssumptions.defaultLeadTimeMonths,
            rampMonthsToFullProductivity: draft.assumptions.rampMonthsToFullProductivity ?? rates.rampMonths,
            annualDemandGrowth: growth,
            demandSigma: draft.assumptions.demandUncertainty ?? UncertaintySettings.standard.demandSigma,
            ahtSigma: draft.assumptions.handleTimeUncertainty ?? UncertaintySettings.standard.ahtSigma,
            humanResolvedSatisfaction: weights["human_resolved"] ?? standard.humanResolved,
            botResolvedSatisfaction: weights["bot_resolved"] ?? observedBotSatisfaction,
            escalatedSatisfaction: weights["escalated_then_resolved"] ?? standard.escalatedThenResolved,
            falseContainmentSatisfaction: weights["false_containment"] ?? standard.falseContainment,
            abandonedSatisfaction: weights["abandoned"] ?? standard.abandoned,
            waitPenaltyPerMinute: weights["wait_penalty_per_minute"] ?? standard.waitPenaltyPerMinute
        )
        return ProjectionInputs(
            engineVersion: ProjectionInputs.engineVersion, orgUnitID: root, startMonth: start.description, months: draft.horizonMonths,
            draws: draft.draws, seed: draft.seed, appliedPlans: plans.map(\.plan.id), inlineChanges: !draft.lines.isEmpty || !draft.automationChanges.isEmpty,
            rates: rates.rates, assumptions: assumptions, queues: queueInputs, pools: pools
        )
    }

    /// Approved plans of the subtree (when asked) and the plans named by id, each once, in that order.
    private func applicablePlans(_ draft: ProjectionDraft, principal: Principal) async throws -> [HiringPlanDetails] {
        var ids: [UUID] = []
        if draft.includeApprovedPlans {
            let approved = try await hiringPlans.list(
                HiringPlanFilter(status: .approved, orgUnitSubtree: draft.orgUnitID), scope: principal.readScope, after: nil,
                limit: ProjectionDraft.maximumPlans + 1
            )
            guard approved.count <= ProjectionDraft.maximumPlans else {
                throw DomainError.unprocessable("More than \(ProjectionDraft.maximumPlans) approved plans apply: name the plans with plan_ids.")
            }
            ids = approved.map(\.id)
        }
        for id in draft.planIDs where !ids.contains(id) { ids.append(id) }
        var plans: [HiringPlanDetails] = []
        for id in ids {
            guard let plan = try await hiringPlans.find(id: id, scope: principal.readScope) else {
                throw DomainError.unprocessable("Hiring plan \(id.uuidString.lowercased()) does not exist or is outside your scope.")
            }
            plans.append(plan)
        }
        return plans
    }

    private func compensation(
        root: UUID, on date: CalendarDate, hires: [UUID: Double], botCurrencies: Set<String>
    ) async throws -> (rates: ProjectionInputs.Rates, rampMonths: Int) {
        var rows = try await projections.compensation(root: root, on: date)
        if rows.isEmpty { rows = try await projections.roleCompensation(hires) }
        let currencies = Set(rows.map(\.currency)).union(botCurrencies)
        guard currencies.count <= 1 else {
            throw DomainError.unprocessable(
                "The scope's positions and bot prices use more than one currency (\(currencies.sorted().joined(separator: ", "))); project a unit with one currency."
            )
        }
        guard let row = rows.first else {
            return (.init(currency: currencies.first ?? "XXX", annualBaseSalary: "0", benefitsRate: 0, payrollTaxRate: 0, hiringCostPerHire: "0"), 0)
        }
        return (
            .init(
                currency: row.currency, annualBaseSalary: "\(row.annualBaseSalary)", benefitsRate: row.benefitsRate,
                payrollTaxRate: row.payrollTaxRate, hiringCostPerHire: "\(row.hiringCostPerHire)"
            ),
            Int(row.rampMonths.rounded())
        )
    }

    /// The month's forecast, else its actual volume, else the last known volume grown by `growth` a year.
    static func volume(in month: CalendarMonth, demand: [DemandRecord], growth: Double) -> Double {
        if let row = demand.first(where: { $0.month == month }), let figure = row.forecastVolume ?? row.actualVolume {
            return Double(figure)
        }
        guard let known = demand.last(where: { $0.month < month && ($0.forecastVolume ?? $0.actualVolume) != nil }),
              let figure = known.forecastVolume ?? known.actualVolume
        else { return 0 }
        return Double(figure) * pow(1 + growth, Double(known.month.months(to: month)) / 12)
    }
}
