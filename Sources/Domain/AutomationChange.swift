import Foundation

/// Automation settings of one queue that a hiring plan changes from a month on; settings left nil stay as
/// they are. Shares are kept to four decimals, the escalation multiplier to three.
public struct AutomationChange: Sendable, Equatable {
    /// The month, as its first day.
    public let month: CalendarDate
    /// The queue (owned by a unit of the plan's subtree).
    public let queueID: UUID
    /// Share of contacts that meet the bot first.
    public let botFirstShare: Double?
    /// Share of bot-first contacts the bot truly resolves.
    public let trueContainment: Double?
    /// Share of bot-first contacts that leave unresolved without reaching a person.
    public let falseContainment: Double?
    /// Handle time of an escalated contact over the normal handle time.
    public let escalationAHTMultiplier: Double?
    /// Cost of one bot conversation, in ``currency``.
    public let botCostPerConversation: UnitPrice?
    /// Currency of ``botCostPerConversation`` (present exactly when it is).
    public let currency: CurrencyCode?
    /// Satisfaction with bot-resolved contacts, in [0, 1].
    public let botSatisfaction: Double?

    /// A change as stored.
    public init(
        month: CalendarDate, queueID: UUID, botFirstShare: Double?, trueContainment: Double?, falseContainment: Double?,
        escalationAHTMultiplier: Double?, botCostPerConversation: UnitPrice?, currency: CurrencyCode?, botSatisfaction: Double?
    ) {
        self.month = month
        self.queueID = queueID
        self.botFirstShare = botFirstShare
        self.trueContainment = trueContainment
        self.falseContainment = falseContainment
        self.escalationAHTMultiplier = escalationAHTMultiplier
        self.botCostPerConversation = botCostPerConversation
        self.currency = currency
        self.botSatisfaction = botSatisfaction
    }

    /// Validates one change of a request, appending problems under `pointer` (e.g. `/automation_changes/0`);
    /// nil when invalid.
    public static func validated(_ input: Input, at pointer: String, into problems: inout [FieldProblem]) -> AutomationChange? {
        let count = problems.count
        let month = Validate.month(input.month, pointer: pointer + "/month", into: &problems)
        let queue = Validate.optionalUUID(input.queueID, pointer: pointer + "/queue_id", into: &problems)
        func share(_ value: Double?, _ key: String) -> Double? {
            value.map { Validate.share($0, pointer: pointer + "/" + key, into: &problems) }
        }
        let botFirst = share(input.botFirstShare, "bot_first_share")
        let trueContainment = share(input.trueContainment, "true_containment")
        let falseContainment = share(input.falseContainment, "false_containment")
        let satisfaction = share(input.botSatisfaction, "bot_satisfaction")
        let multiplier = input.escalationAHTMultiplier.map { value in
            let rounded = (value * 1000).rounded() / 1000
            if !value.isFinite || value < 0.001 || value > 10 {
                problems.append(FieldProblem(
                    pointer: pointer + "/escalation_aht_multiplier", detail: "must be at least 0.001 and at most 10 (three decimals)"
                ))
            }
            return rounded
        }
        let cost = input.botCostPerConversation.map { text in
            let price = UnitPrice(text)
            if price == nil {
                problems.append(FieldProblem(
                    pointer: pointer + "/bot_cost_per_conversation",
                    detail: "must be a non-negative decimal string with at most four decimals"
                ))
            }
            return price
        }
        let currency = input.currency.map { Validate.currency($0, pointer: pointer + "/currency", into: &problems) }
        if input.botCostPerConversation != nil, input.currency == nil {
            problems.append(FieldProblem(pointer: pointer + "/currency", detail: "is required with bot_cost_per_conversation"))
        }
        if input.botCostPerConversation == nil, input.currency != nil {
            problems.append(FieldProblem(pointer: pointer + "/currency", detail: "is only allowed with bot_cost_per_conversation"))
        }
        if let trueContainment, let falseContainment, trueContainment + falseContainment > 1 {
            problems.append(FieldProblem(
                pointer: pointer + "/false_containment", detail: "true_containment and false_containment must add up to at most 1"
            ))
        }
        if [botFirst, trueContainment, falseContainment, multiplier, satisfaction].allSatisfy({ $0 == nil }), cost == nil {
            problems.append(FieldProblem(pointer: pointer, detail: "must change at least one automation setting"))
        }
        guard problems.count == count, let queue else { return nil }
        return AutomationChange(
            month: month, queueID: queue, botFirstShare: botFirst, trueContainment: trueContainment,
            falseContainment: falseContainment, escalationAHTMultiplier: multiplier, botCostPerConversation: cost.flatMap { $0 },
            currency: currency, botSatisfaction: satisfaction
        )
    }

    /// A change as a request sends it, before validation.
    public struct Input: Sendable {
        /// `YYYY-MM`.
        public var month: String
        /// Queue id.
        public var queueID: String
        /// Share of contacts that meet the bot first.
        public var botFirstShare: Double?
        /// True containment.
        public var trueContainment: Double?
        /// False containment.
        public var falseContainment: Double?
        /// Escalated handle time multiplier.
        public var escalationAHTMultiplier: Double?
        /// Cost of one bot conversation, a decimal string.
        public var botCostPerConversation: String?
        /// Its currency.
        public var currency: String?
        /// Satisfaction with bot-resolved contacts.
        public var botSatisfaction: Double?

        /// Creates an input.
        public init(
            month: String, queueID: String, botFirstShare: Double? = nil, trueContainment: Double? = nil,
            falseContainment: Double? = nil, escalationAHTMultiplier: Double? = nil, botCostPerConversation: String? = nil,
            currency: String? = nil, botSatisfaction: Double? = nil
        ) {
            self.month = month
            self.queueID = queueID
            self.botFirstShare = botFirstShare
            self.trueContainment = trueContainment
            self.falseContainment = falseContainment
            self.escalationAHTMultiplier = escalationAHTMultiplier
            self.botCostPerConversation = botCostPerConversation
            self.currency = currency
            self.botSatisfaction = botSatisfaction
        }
    }
}
