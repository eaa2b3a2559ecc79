import Foundation

/// One evaluated point of a trade-off sweep: a bot-first share and a staffing level, with what
/// they cost and the service and quality they deliver.
public struct TradeOffPoint: Sendable, Hashable {
    /// Bot-first share `b`.
    public let botShare: Double
    /// Staffing as a multiple of the FTE required at this bot-first share.
    public let staffingRatio: Double
    /// FTE required at this bot-first share to meet the queue's target every hour.
    public let requiredFTE: Double
    /// Fully productive FTE staffed: `staffingRatio × requiredFTE`.
    public let staffedFTE: Double
    /// Labour cost: staffed FTE × labour cost per FTE-month.
    public let labourCost: Decimal
    /// Bot cost: `b·X × cost per conversation`.
    public let botCost: Decimal
    /// Labour + bot.
    public let totalCost: Decimal
    /// Contact-weighted service level of the human queue.
    public let serviceLevel: Double
    /// Quality score of the queue's contacts, bot and human.
    public let qualityScore: Double

    /// Stores a point; values are taken as given.
    public init(
        botShare: Double, staffingRatio: Double, requiredFTE: Double, staffedFTE: Double, labourCost: Decimal,
        botCost: Decimal, totalCost: Decimal, serviceLevel: Double, qualityScore: Double
    ) {
        self.botShare = botShare
        self.staffingRatio = staffingRatio
        self.requiredFTE = requiredFTE
        self.staffedFTE = staffedFTE
        self.labourCost = labourCost
        self.botCost = botCost
        self.totalCost = totalCost
        self.serviceLevel = serviceLevel
        self.qualityScore = qualityScore
    }

    /// Whether this point Pareto-dominates `other`: no more costly, no lower service level and no
    /// lower quality, and strictly better on at least one of the three.
    public func dominates(_ other: TradeOffPoint) -> Bool {
        guard totalCost <= other.totalCost, serviceLevel >= other.serviceLevel, qualityScore >= other.qualityScore else {
            return false
        }
        return totalCost < other.totalCost || serviceLevel > other.serviceLevel || qualityScore > other.qualityScore
    }

    /// Whether this point has the same cost, service level and quality as `other`.
    public func hasSameObjectives(as other: TradeOffPoint) -> Bool {
        totalCost == other.totalCost && serviceLevel == other.serviceLevel && qualityScore == other.qualityScore
    }
}
