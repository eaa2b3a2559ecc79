import Foundation

/// One month of a deterministic projection, totalled over queues and pools, with each queue's
/// service outcome.
///
/// Aggregation over queues: service level and abandonment weighted by human contacts, ASA by
/// answered contacts, occupancy by placed agent-hours, quality by all contacts (bot and human);
/// required FTE summed unrounded and rounded up once into ``requiredHeads``.
public struct ProjectionMonth: Sendable, Hashable {
    /// The month, 0 being the first.
    public let month: Int
    /// Headcount at the end of the month.
    public let headcount: Double
    /// Average paid headcount.
    public let paidFTE: Double
    /// Productive FTE.
    public let productiveFTE: Double
    /// Hires starting in the month.
    public let hires: Double
    /// Leavers through attrition.
    public let attrition: Double
    /// Labour cost.
    public let labourCost: Decimal
    /// Hiring cost.
    public let hiringCost: Decimal
    /// Bot cost.
    public let botCost: Decimal
    /// Labour + hiring + bot.
    public let totalCost: Decimal
    /// Human contacts.
    public let humanContacts: Double
    /// Contact-weighted service level.
    public let serviceLevel: Double
    /// Answered-weighted ASA, in seconds.
    public let asaSeconds: Double
    /// Contact-weighted abandonment rate.
    public let abandonmentRate: Double
    /// Busy over placed agent-hours.
    public let occupancy: Double
    /// Quality score weighted by all contacts.
    public let qualityScore: Double
    /// Required FTE (fully productive heads), unrounded.
    public let requiredFTE: Double
    /// ``requiredFTE`` rounded up once.
    public let requiredHeads: Int
    /// Available FTE: productive hours / productive hours per FTE-month.
    public let availableFTE: Double
    /// `requiredFTE - availableFTE` (positive: shortfall).
    public let gapFTE: Double
    /// Contact-weighted target service level of the queues.
    public let targetServiceLevel: Double
    /// Each queue's service outcome, in the projection's queue order.
    public let queues: [ServiceOutcome]

    /// Stores a month; values are taken as given.
    public init(
        month: Int, headcount: Double, paidFTE: Double, productiveFTE: Double, hires: Double, attrition: Double,
        labourCost: Decimal, hiringCost: Decimal, botCost: Decimal, totalCost: Decimal, humanContacts: Double,
        serviceLevel: Double, asaSeconds: Double, abandonmentRate: Double, occupancy: Double, qualityScore: Double,
        requiredFTE: Double, requiredHeads: Int, availableFTE: Double, gapFTE: Double, targetServiceLevel: Double,
        queues: [ServiceOutcome]
    ) {
        self.month = month
        self.headcount = headcount
        self.paidFTE = paidFTE
        self.productiveFTE = productiveFTE
        self.hires = hires
        self.attrition = attrition
        self.labourCost = labourCost
        self.hiringCost = hiringCost
        self.botCost = botCost
        self.totalCost = totalCost
        self.humanContacts = humanContacts
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.abandonmentRate = abandonmentRate
        self.occupancy = occupancy
        self.qualityScore = qualityScore
        self.requiredFTE = requiredFTE
        self.requiredHeads = requiredHeads
        self.availableFTE = availableFTE
        self.gapFTE = gapFTE
        self.targetServiceLevel = targetServiceLevel
        self.queues = queues
    }

    /// The value of `metric` in this month (money converted to `Double`).
    public func value(of metric: ProjectionMetric) -> Double {
        switch metric {
        case .headcount: headcount
        case .paidFTE: paidFTE
        case .productiveFTE: productiveFTE
        case .hires: hires
        case .attrition: attrition
        case .labourCost: NSDecimalNumber(decimal: labourCost).doubleValue
        case .hiringCost: NSDecimalNumber(decimal: hiringCost).doubleValue
        case .botCost: NSDecimalNumber(decimal: botCost).doubleValue
        case .totalCost: NSDecimalNumber(decimal: totalCost).doubleValue
        case .humanContacts: humanContacts
        case .serviceLevel: serviceLevel
        case .asaSeconds: asaSeconds
        case .abandonmentRate: abandonmentRate
        case .occupancy: occupancy
        case .qualityScore: qualityScore
        case .requiredFTE: requiredFTE
        case .gapFTE: gapFTE
        }
    }
}
