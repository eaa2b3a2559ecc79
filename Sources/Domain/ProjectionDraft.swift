import Foundation

/// Assumption overrides of a projection; nil keeps the default.
public struct ProjectionAssumptionOverrides: Sendable, Equatable {
    public var annualAttrition: Double?
    public var leadTimeMonths: Int?
    public var rampMonthsToFullProductivity: Int?
    public var annualDemandGrowth: Double?
    public var demandUncertainty: Double?
    public var handleTimeUncertainty: Double?
    public var qualityWeights: [String: Double]

    public init(
        annualAttrition: Double? = nil, leadTimeMonths: Int? = nil, rampMonthsToFullProductivity: Int? = nil,
        annualDemandGrowth: Double? = nil, demandUncertainty: Double? = nil, handleTimeUncertainty: Double? = nil,
        qualityWeights: [String: Double] = [:]
    ) {
        self.annualAttrition = annualAttrition
        self.leadTimeMonths = leadTimeMonths
        self.rampMonthsToFullProductivity = rampMonthsToFullProductivity
        self.annualDemandGrowth = annualDemandGrowth
        self.demandUncertainty = demandUncertainty
        self.handleTimeUncertainty = handleTimeUncertainty
        self.qualityWeights = qualityWeights
    }
}

/// A validated projection request.
public struct ProjectionDraft: Sendable, Equatable {
    /// Longest horizon, in months.
    public static let maximumHorizon = 60
    /// Most Monte Carlo draws of one run.
    public static let maximumDraws = 20_000
    /// Default draws.
    public static let defaultDraws = 1_000
    /// Default seed (a run is reproducible with its stored seed).
    public static let defaultSeed: UInt64 = 2_024
    /// Largest seed: seeds stay exact in JSON numbers.
    public static let maximumSeed: UInt64 = (1 << 53) - 1
    /// Most inline lines and automation changes.
    public static let maximumLines = 2_000
    /// Most plans applied by id.
    public static let maximumPlans = 20

    public let orgUnitID: UUID
    public let startMonth: CalendarMonth
    public let horizonMonths: Int
    public let draws: Int
    public let seed: UInt64
    public let includeApprovedPlans: Bool
    public let planIDs: [UUID]
    public let lines: [HiringPlanLine]
    public let automationChanges: [AutomationChange]
    public let assumptions: ProjectionAssumptionOverrides

    /// Validates the request; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        orgUnitID: String, startMonth: String, horizonMonths: Int, draws: Int?, seed: Int64?, includeApprovedPlans: Bool?,
        planIDs: [String]?, lines: [HiringPlanLine.Input], automationChanges: [AutomationChange.Input],
        assumptions: ProjectionAssumptionOverrides
    ) throws {
        var problems: [FieldProblem] = []
        self.orgUnitID = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems) ?? UUID()
        self.startMonth = Validate.calendarMonth(startMonth, pointer: "/start_month", into: &problems)
        if !(1...Self.maximumHorizon).contains(horizonMonths) {
            problems.append(FieldProblem(pointer: "/horizon_months", detail: "must be between 1 and \(Self.maximumHorizon)"))
        }
        self.horizonMonths = horizonMonths
        self.draws = draws ?? Self.defaultDraws
        if !(1...Self.maximumDraws).contains(self.draws) {
            problems.append(FieldProblem(pointer: "/draws", detail: "must be between 1 and \(Self.maximumDraws)"))
        }
        if let seed, seed < 0 || UInt64(seed) > Self.maximumSeed {
            problems.append(FieldProblem(pointer: "/seed", detail: "must be between 0 and \(Self.maximumSeed)"))
        }
        self.seed = seed.map { UInt64(max(0, $0)) } ?? Self.defaultSeed
        self.includeApprovedPlans = includeApprovedPlans ?? true
        let ids = planIDs ?? []
        if ids.count > Self.maximumPlans { problems.append(FieldProblem(pointer: "/plan_ids", detail: "must list at most \(Self.maximumPlans) plans")) }
        self.planIDs = ids.enumerated().compactMap { Validate.optionalUUID($1, pointer: "/plan_ids/\($0)", into: &problems) }
        if Set(self.planIDs).count != self.planIDs.count { problems.append(FieldProblem(pointer: "/plan_ids", detail: "must not repeat a plan")) }
        if lines.count > Self.maximumLines { problems.append(FieldProblem(pointer: "/changes/lines", detail: "must list at most \(Self.maximumLines) lines")) }
        if automationChanges.count > Self.maximumLines {
            problems.append(FieldProblem(pointer: "/changes/automation_changes", detail: "must list at most \(Self.maximumLines) changes"))
        }
        self.lines = lines.prefix(Self.maximumLines).enumerated().compactMap { index, line in
            HiringPlanLine.validated(line, at: "/changes/lines/\(index)", into: &problems)
        }
        self.automationChanges = automationChanges.prefix(Self.maximumLines).enumerated().compactMap { index, change in
            AutomationChange.validated(change, at: "/changes/automation_changes/\(index)", into: &problems)
        }
        var checked = assumptions
        func range(_ value: Double?, _ name: String, _ bounds: ClosedRange<Double>) -> Double? {
            value.map { Validate.number($0, pointer: "/assumptions/" + name, in: bounds, into: &problems) }
        }
        checked.annualAttrition = range(assumptions.annualAttrition, "annual_attrition", 0...0.99)
        checked.annualDemandGrowth = range(assumptions.annualDemandGrowth, "annual_demand_growth", -0.9...10)
        checked.demandUncertainty = range(assumptions.demandUncertainty, "demand_uncertainty", 0...2)
        checked.handleTimeUncertainty = range(assumptions.handleTimeUncertainty, "handle_time_uncertainty", 0...2)
        if let lead = assumptions.leadTimeMonths, !(0...24).contains(lead) {
            problems.append(FieldProblem(pointer: "/assumptions/lead_time_months", detail: "must be between 0 and 24"))
        }
        if let ramp = assumptions.rampMonthsToFullProductivity, !(0...36).contains(ramp) {
            problems.append(FieldProblem(pointer: "/assumptions/ramp_months_to_full_productivity", detail: "must be between 0 and 36"))
        }
        for (name, value) in assumptions.qualityWeights {
            _ = Validate.rate(value, pointer: "/assumptions/quality_weights/" + name, into: &problems)
        }
        self.assumptions = checked
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
