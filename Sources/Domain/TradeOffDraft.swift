import Foundation

/// A validated trade-off request: one queue, one month, and the grid of bot-first shares and staffing
/// ratios to sweep.
public struct TradeOffDraft: Sendable, Equatable {
    /// Most points of one sweep (shares × staffing ratios).
    public static let maximumPoints = 2_500
    /// Default bot-first shares: 0 to 1 by 0.1.
    public static let defaultBotShares = (0...10).map { Double($0) / 10 }
    /// Default staffing ratios: 0.5 to 1.5 by 0.1 of the requirement.
    public static let defaultStaffingRatios = (5...15).map { Double($0) / 10 }

    /// A `from`, `to`, `step` range as a request sends it.
    public struct Range: Sendable, Equatable {
        /// First value.
        public var from: Double
        /// Last value, included when a whole number of steps reaches it.
        public var to: Double
        /// Distance between values.
        public var step: Double

        /// Creates a range as sent.
        public init(from: Double, to: Double, step: Double) {
            self.from = from
            self.to = to
            self.step = step
        }
    }

    /// The queue swept.
    public let queueID: UUID
    /// The month whose demand and automation setting are used.
    public let month: CalendarMonth
    /// Bot-first shares to evaluate, each in [0, 1].
    public let botShares: [Double]
    /// Staffing levels to evaluate, as multiples of the FTE each share requires (when ``staffingFTE`` is nil).
    public let staffingRatios: [Double]
    /// Staffing levels to evaluate in productive FTE, the same at every share; nil sweeps ``staffingRatios``.
    public let staffingFTE: [Double]?

    /// Validates the request; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        queueID: String, month: String, botShareSteps: [Double]?, botShareRange: Range?, staffing: Range?, staffingFTE: Range? = nil
    ) throws {
        var problems: [FieldProblem] = []
        self.queueID = Validate.optionalUUID(queueID, pointer: "/queue_id", into: &problems) ?? UUID()
        self.month = Validate.calendarMonth(month, pointer: "/month", into: &problems)
        if botShareSteps != nil, botShareRange != nil {
            problems.append(FieldProblem(pointer: "/bot_share_range", detail: "must not be given together with bot_share_steps"))
        }
        if let botShareSteps {
            if botShareSteps.isEmpty { problems.append(FieldProblem(pointer: "/bot_share_steps", detail: "must list at least one share")) }
            botShares = botShareSteps.enumerated().map { index, share in
                Validate.number(share, pointer: "/bot_share_steps/\(index)", in: 0...1, into: &problems)
            }
        } else if let botShareRange {
            botShares = Self.values(botShareRange, pointer: "/bot_share_range", within: 0...1, into: &problems)
        } else {
            botShares = Self.defaultBotShares
        }
        if staffing != nil, staffingFTE != nil {
            problems.append(FieldProblem(pointer: "/staffing_fte", detail: "must not be given together with staffing"))
        }
        staffingRatios = staffing.map { Self.values($0, pointer: "/staffing", within: 0...10, into: &problems) } ?? Self.defaultStaffingRatios
        self.staffingFTE = staffingFTE.map { Self.values($0, pointer: "/staffing_fte", within: 0...100_000, into: &problems) }
        let levels = self.staffingFTE?.count ?? staffingRatios.count
        if problems.isEmpty, botShares.count * levels > Self.maximumPoints {
            problems.append(FieldProblem(
                pointer: self.staffingFTE == nil ? "/staffing" : "/staffing_fte",
                detail: "the sweep would have \(botShares.count * levels) points; at most \(Self.maximumPoints)"
            ))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    /// `from`, `from + step`, … up to `to`, each rounded to nine decimals; empty when the range is invalid.
    private static func values(_ range: Range, pointer: String, within bounds: ClosedRange<Double>, into problems: inout [FieldProblem]) -> [Double] {
        let count = problems.count
        let from = Validate.number(range.from, pointer: pointer + "/from", in: bounds, into: &problems)
        let to = Validate.number(range.to, pointer: pointer + "/to", in: bounds, into: &problems)
        let step = Validate.number(range.step, pointer: pointer + "/step", in: 0.001...max(10, bounds.upperBound), into: &problems)
        if problems.count == count, to < from {
            problems.append(FieldProblem(pointer: pointer + "/to", detail: "must be at least from"))
        }
        guard problems.count == count else { return [] }
        let steps = Int(((to - from) / step + 1e-9).rounded(.down))
        guard steps < maximumPoints else {
            problems.append(FieldProblem(pointer: pointer + "/step", detail: "gives more than \(maximumPoints) values; take a larger step"))
            return []
        }
        return (0...steps).map { ((from + Double($0) * step) * 1e9).rounded() / 1e9 }
    }
}
