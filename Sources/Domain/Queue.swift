import Foundation

/// How customers reach a queue.
public enum QueueChannel: String, Sendable, CaseIterable {
    case chat, phone, email, other
}

/// A validated work queue to create or to replace.
public struct QueueDraft: Sendable, Equatable {
    /// The org unit whose team works the queue.
    public let orgUnitID: UUID
    /// Name, unique within the org unit.
    public let name: String
    /// Channel.
    public let channel: QueueChannel
    /// Hours the queue is open in a month (at most 744).
    public let operatingHoursPerMonth: Double
    /// Busiest hour's volume over the mean hourly volume while open (at least 1).
    public let peakFactor: Double
    /// Target share of contacts answered within ``serviceLevelSeconds``.
    public let serviceLevelTarget: Double
    /// `T` of the service-level target, in seconds.
    public let serviceLevelSeconds: Int
    /// Optional ceiling on the abandonment rate used when staffing.
    public let maximumAbandonment: Double?
    /// Mean patience of waiting customers, in seconds.
    public let meanPatienceSeconds: Double
    /// Human average handle time, in seconds.
    public let humanAHTSeconds: Double
    /// Share of human contacts that resolve the issue.
    public let humanFirstContactResolution: Double
    /// Share of paid time not available for contacts.
    public let shrinkage: Double
    /// Contacts one agent serves at once.
    public let concurrency: Double
    /// Key in the HR or workforce-management system.
    public let externalID: String?

    /// Validates every field; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        orgUnitID: String, name: String, channel: QueueChannel, operatingHoursPerMonth: Double, peakFactor: Double?,
        serviceLevelTarget: Double, serviceLevelSeconds: Int, maximumAbandonment: Double?, meanPatienceSeconds: Double,
        humanAHTSeconds: Double, humanFirstContactResolution: Double, shrinkage: Double, concurrency: Double?, externalID: String?
    ) throws {
        var problems: [FieldProblem] = []
        self.orgUnitID = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems) ?? UUID()
        self.name = Validate.name(name, pointer: "/name", into: &problems)
        self.channel = channel
        self.operatingHoursPerMonth = Validate.number(
            operatingHoursPerMonth, pointer: "/operating_hours_per_month", in: 1...744, into: &problems
        )
        self.peakFactor = Validate.number(peakFactor ?? 1, pointer: "/peak_factor", in: 1...24, into: &problems)
        self.serviceLevelTarget = Validate.number(
            serviceLevelTarget, pointer: "/service_level_target", in: 0...1, excludingLower: true, excludingUpper: true, into: &problems
        )
        if (0...604_800).contains(serviceLevelSeconds) {
            self.serviceLevelSeconds = serviceLevelSeconds
        } else {
            problems.append(FieldProblem(pointer: "/service_level_seconds", detail: "must be at least 0 and at most 604800"))
            self.serviceLevelSeconds = 0
        }
        self.maximumAbandonment = maximumAbandonment.map {
            Validate.number($0, pointer: "/max_abandonment", in: 0...1, excludingLower: true, excludingUpper: true, into: &problems)
        }
        self.meanPatienceSeconds = Validate.number(
            meanPatienceSeconds, pointer: "/mean_patience_seconds", in: 1...604_800, into: &problems
        )
        self.humanAHTSeconds = Validate.number(
            humanAHTSeconds, pointer: "/human_aht_seconds", in: 1...86_400, into: &problems
        )
        // Below 1 % the repeat contacts of an unresolved issue grow without bound.
        self.humanFirstContactResolution = Validate.number(
            humanFirstContactResolution, pointer: "/human_first_contact_resolution", in: 0.01...1, into: &problems
        )
        self.shrinkage = Validate.number(shrinkage, pointer: "/shrinkage", in: 0...1, excludingUpper: true, into: &problems)
        self.concurrency = Validate.number(concurrency ?? 1, pointer: "/concurrency", in: 1...20, into: &problems)
        self.externalID = Validate.optionalText(externalID, pointer: "/external_id", maximumLength: 200, into: &problems)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    /// This queue with `changes` applied.
    public func applying(_ changes: QueueChanges) throws -> QueueDraft {
        try QueueDraft(
            orgUnitID: changes.orgUnitID.applied(to: orgUnitID).uuidString,
            name: changes.name.applied(to: name),
            channel: changes.channel.applied(to: channel),
            operatingHoursPerMonth: changes.operatingHoursPerMonth.applied(to: operatingHoursPerMonth),
            peakFactor: changes.peakFactor.applied(to: peakFactor),
            serviceLevelTarget: changes.serviceLevelTarget.applied(to: serviceLevelTarget),
            serviceLevelSeconds: changes.serviceLevelSeconds.applied(to: serviceLevelSeconds),
            maximumAbandonment: changes.maximumAbandonment.applied(to: maximumAbandonment),
            meanPatienceSeconds: changes.meanPatienceSeconds.applied(to: meanPatienceSeconds),
            humanAHTSeconds: changes.humanAHTSeconds.applied(to: humanAHTSeconds),
            humanFirstContactResolution: changes.humanFirstContactResolution.applied(to: humanFirstContactResolution),
            shrinkage: changes.shrinkage.applied(to: shrinkage),
            concurrency: changes.concurrency.applied(to: concurrency),
            externalID: changes.externalID.applied(to: externalID)
        )
    }
}

/// A validated partial update of a queue; fields are checked when applied (``QueueDraft/applying(_:)``).
public struct QueueChanges: Sendable, Equatable {
    public var orgUnitID: FieldChange<UUID> = .unchanged
    public var name: FieldChange<String> = .unchanged
    public var channel: FieldChange<QueueChannel> = .unchanged
    public var operatingHoursPerMonth: FieldChange<Double> = .unchanged
    public var peakFactor: FieldChange<Double> = .unchanged
    public var serviceLevelTarget: FieldChange<Double> = .unchanged
    public var serviceLevelSeconds: FieldChange<Int> = .unchanged
    public var maximumAbandonment: FieldChange<Double?> = .unchanged
    public var meanPatienceSeconds: FieldChange<Double> = .unchanged
    public var humanAHTSeconds: FieldChange<Double> = .unchanged
    public var humanFirstContactResolution: FieldChange<Double> = .unchanged
    public var shrinkage: FieldChange<Double> = .unchanged
    public var concurrency: FieldChange<Double> = .unchanged
    public var externalID: FieldChange<String?> = .unchanged

    /// No change yet.
    public init() {}

    /// The fields a PATCH sent (`present` names its JSON keys; nullable fields are cleared by null). Values are
    /// checked when applied; an unparsable `org_unit_id` or an empty change is refused here.
    public init(
        orgUnitID: String?, name: String?, channel: QueueChannel?, operatingHoursPerMonth: Double?, peakFactor: Double?,
        serviceLevelTarget: Double?, serviceLevelSeconds: Int?, maximumAbandonment: Double?, meanPatienceSeconds: Double?,
        humanAHTSeconds: Double?, humanFirstContactResolution: Double?, shrinkage: Double?, concurrency: Double?,
        externalID: String?, present: Set<String>
    ) throws {
        var problems: [FieldProblem] = []
        if let unit = Validate.optionalUUID(orgUnitID, pointer: "/org_unit_id", into: &problems) { self.orgUnitID = .set(unit) }
        func set<Value>(_ value: Value?) -> FieldChange<Value> { value.map { .set($0) } ?? .unchanged }
        self.name = set(name)
        self.channel = set(channel)
        self.operatingHoursPerMonth = set(operatingHoursPerMonth)
        self.peakFactor = set(peakFactor)
        self.serviceLevelTarget = set(serviceLevelTarget)
        self.serviceLevelSeconds = set(serviceLevelSeconds)
        if present.contains("max_abandonment") { self.maximumAbandonment = .set(maximumAbandonment) }
        self.meanPatienceSeconds = set(meanPatienceSeconds)
        self.humanAHTSeconds = set(humanAHTSeconds)
        self.humanFirstContactResolution = set(humanFirstContactResolution)
        self.shrinkage = set(shrinkage)
        self.concurrency = set(concurrency)
        if present.contains("external_id") { self.externalID = .set(externalID) }
        if isEmpty, problems.isEmpty { problems.append(FieldProblem(pointer: "", detail: "must change at least one field")) }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    /// True when no field changes.
    public var isEmpty: Bool { self == QueueChanges() }
}

/// One month of a demand upload: new-issue volumes, actual and forecast; an absent figure keeps the stored one.
public struct DemandEntry: Sendable, Equatable {
    /// The month.
    public let month: CalendarMonth
    /// Actual new issues, when given.
    public let actualVolume: Int64?
    /// Forecast new issues, when given.
    public let forecastVolume: Int64?

    /// Most months in one upload.
    public static let maximumMonthsPerUpload = 600
    /// Largest volume of a month.
    public static let maximumVolume: Int64 = 1_000_000_000_000

    /// Validates an upload: months unique, volumes non-negative and bounded, each entry with a figure.
    public static func validate(_ entries: [(month: String, actual: Int64?, forecast: Int64?)]) throws -> [DemandEntry] {
        var problems: [FieldProblem] = []
        if entries.isEmpty { problems.append(FieldProblem(pointer: "/months", detail: "must list at least one month")) }
        if entries.count > maximumMonthsPerUpload {
            problems.append(FieldProblem(pointer: "/months", detail: "must list at most \(maximumMonthsPerUpload) months"))
            throw DomainError.invalid(problems)
        }
        var seen = Set<CalendarMonth>()
        var result: [DemandEntry] = []
        for (index, entry) in entries.enumerated() {
            let pointer = "/months/\(index)"
            let month = Validate.calendarMonth(entry.month, pointer: pointer + "/month", into: &problems)
            if CalendarMonth(entry.month) != nil, !seen.insert(month).inserted {
                problems.append(FieldProblem(pointer: pointer + "/month", detail: "appears more than once"))
            }
            for (name, value) in [("actual_volume", entry.actual), ("forecast_volume", entry.forecast)] {
                if let value, !(0...maximumVolume).contains(value) {
                    problems.append(FieldProblem(pointer: pointer + "/" + name, detail: "must be at least 0 and at most \(maximumVolume)"))
                }
            }
            if entry.actual == nil, entry.forecast == nil {
                problems.append(FieldProblem(pointer: pointer, detail: "must give actual_volume, forecast_volume or both"))
            }
            result.append(DemandEntry(month: month, actualVolume: entry.actual, forecastVolume: entry.forecast))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        return result
    }

    private init(month: CalendarMonth, actualVolume: Int64?, forecastVolume: Int64?) {
        self.month = month
        self.actualVolume = actualVolume
        self.forecastVolume = forecastVolume
    }
}

/// A validated automation-coverage setting of a queue, in force from its month until the next one.
public struct AutomationSettingDraft: Sendable, Equatable {
    /// Default escalation AHT multiplier (FORECASTING.md, "Automation").
    public static let defaultEscalationAHTMultiplier = 1.25

    /// Share of contacts the bot takes first.
    public let botFirstShare: Double
    /// Share of bot conversations that solve the issue.
    public let trueContainment: Double
    /// Share of bot conversations closed without solving the issue.
    public let falseContainment: Double
    /// Human AHT of an escalated contact over the direct AHT.
    public let escalationAHTMultiplier: Double
    /// Currency of the bot's price.
    public let currency: CurrencyCode
    /// Price of one bot conversation (up to four decimals).
    public let botCostPerConversation: UnitPrice
    /// Satisfaction of a bot conversation that solved the issue, in [0, 1].
    public let botSatisfaction: Double

    /// Validates every field; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        botFirstShare: Double, trueContainment: Double, falseContainment: Double, escalationAHTMultiplier: Double?,
        currency: String, botCostPerConversation: String, botSatisfaction: Double
    ) throws {
        var problems: [FieldProblem] = []
        self.botFirstShare = Validate.rate(botFirstShare, pointer: "/bot_first_share", into: &problems)
        self.trueContainment = Validate.rate(trueContainment, pointer: "/true_containment", into: &problems)
        self.falseContainment = Validate.rate(falseContainment, pointer: "/false_containment", into: &problems)
        if problems.isEmpty, trueContainment + falseContainment > 1 {
            problems.append(FieldProblem(pointer: "/false_containment", detail: "true_containment + false_containment must be at most 1"))
        }
        self.escalationAHTMultiplier = Validate.number(
            escalationAHTMultiplier ?? Self.defaultEscalationAHTMultiplier, pointer: "/escalation_aht_multiplier", in: 0.1...10,
            into: &problems
        )
        self.currency = Validate.currency(currency, pointer: "/currency", into: &problems)
        if let price = UnitPrice(botCostPerConversation) {
            self.botCostPerConversation = price
        } else {
            problems.append(FieldProblem(
                pointer: "/bot_cost_per_conversation", detail: "must be a non-negative decimal string with at most four decimals"
            ))
            self.botCostPerConversation = UnitPrice("0")!
        }
        self.botSatisfaction = Validate.rate(botSatisfaction, pointer: "/bot_satisfaction", into: &problems)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
