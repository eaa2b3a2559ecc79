import Foundation

/// A validated request for the cheapest hiring schedule that meets a service-level target.
public struct RecommendationDraft: Sendable, Equatable {
    /// The unit whose subtree is planned.
    public let orgUnitID: UUID
    /// First month planned.
    public let startMonth: CalendarMonth
    /// Months planned.
    public let horizonMonths: Int
    /// The service level every month must reach; nil uses each queue's own target.
    public let serviceLevelTarget: Double?
    /// The quality score every month must reach.
    public let qualityFloor: Double
    /// The role hired; nil hires each queue's most common role.
    public let roleID: UUID?
    /// Count the subtree's approved plans as committed hires.
    public let includeApprovedPlans: Bool
    /// Name of the draft plan.
    public let name: String
    /// Store the plan as a draft hiring plan.
    public let createDraft: Bool

    /// Validates the request; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        orgUnitID: String, startMonth: String, horizonMonths: Int, serviceLevelTarget: Double?, qualityFloor: Double?,
        roleID: String?, includeApprovedPlans: Bool?, name: String?, createDraft: Bool?
    ) throws {
        var problems: [FieldProblem] = []
        self.orgUnitID = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems) ?? UUID()
        self.startMonth = Validate.calendarMonth(startMonth, pointer: "/start_month", into: &problems)
        if !(1...ProjectionDraft.maximumHorizon).contains(horizonMonths) {
            problems.append(FieldProblem(pointer: "/horizon_months", detail: "must be between 1 and \(ProjectionDraft.maximumHorizon)"))
        }
        self.horizonMonths = horizonMonths
        self.serviceLevelTarget = serviceLevelTarget.map {
            Validate.number($0, pointer: "/service_level_target", in: 0...1, excludingLower: true, excludingUpper: true, into: &problems)
        }
        self.qualityFloor = Validate.number(qualityFloor ?? 0, pointer: "/quality_floor", in: 0...1, into: &problems)
        self.roleID = Validate.optionalUUID(roleID, pointer: "/role_id", into: &problems)
        self.includeApprovedPlans = includeApprovedPlans ?? true
        self.name = name.map { Validate.name($0, pointer: "/name", into: &problems) } ?? "Recommended hiring from \(self.startMonth)"
        self.createDraft = createDraft ?? false
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
