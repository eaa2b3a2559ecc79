/// The grid a ``TradeOffFrontier`` sweeps: bot-first shares × staffing ratios.
///
/// Defaults (``standard``): bot-first share `b` from 0 to 1 in steps of 0.1 (11 values) and
/// staffing from 50 % to 150 % of the required FTE in steps of 10 % (11 values), 121 points.
/// The staffing ratio is relative to the FTE required at the point's own bot-first share (the
/// requirement falls as the bot takes contacts), so every share is explored around its own need.
public struct TradeOffSweep: Sendable, Hashable {
    /// The default grid described in the type's documentation.
    public static let standard = TradeOffSweep(
        uncheckedBotShares: (0...10).map { Double($0) / 10 },
        staffingRatios: (5...15).map { Double($0) / 10 }
    )

    /// Bot-first shares to evaluate, each in `[0, 1]`.
    public let botShares: [Double]
    /// Staffing levels to evaluate, as multiples of the required FTE (1 = exactly the requirement).
    public let staffingRatios: [Double]

    /// Validates and stores a grid; each argument defaults to ``standard``'s.
    ///
    /// - Throws: ``DecisionError/settingOutOfRange(name:)`` for an empty list, a bot-first share
    ///   outside `[0, 1]`, or a negative or non-finite staffing ratio.
    public init(
        botShares: [Double] = TradeOffSweep.standard.botShares,
        staffingRatios: [Double] = TradeOffSweep.standard.staffingRatios
    ) throws(DecisionError) {
        guard !botShares.isEmpty, botShares.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw .settingOutOfRange(name: "botShares")
        }
        guard !staffingRatios.isEmpty, staffingRatios.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .settingOutOfRange(name: "staffingRatios")
        }
        self.init(uncheckedBotShares: botShares, staffingRatios: staffingRatios)
    }

    /// Stores values already known to be valid.
    private init(uncheckedBotShares botShares: [Double], staffingRatios: [Double]) {
        self.botShares = botShares
        self.staffingRatios = staffingRatios
    }
}
