/// The service definition of one human queue for a month: when it is open, how contacts spread
/// over the day, the service-level target and the callers' patience (FORECASTING.md, "Service
/// outcome").
///
/// Volumes and handle times come from the automation model (``AutomationOutcome``): its human
/// contacts and its agent-seconds per human contact, which already divide the AHT by the queue's
/// concurrency (``AutomationInputs/concurrency``: chat agents serving `c` conversations at once are
/// modelled with `AHT / c` as agent time per contact, an approximation that ignores the slowdown
/// of each conversation). Callers' patience stays in elapsed seconds.
///
/// Defaults: 365.25 / 12 operating days a month (a queue open every day), the standard support
/// curve open around the clock (``IntradayProfile/standardSupport``), patience 180 s (a common
/// planning value for voice; measure your own from abandoned contacts).
public struct ServiceQueue: Sendable, Hashable {
    /// Default operating days per month: 365.25 / 12 (open every day).
    public static let defaultOperatingDaysPerMonth = 365.25 / 12
    /// Default mean patience of callers, in seconds.
    public static let defaultPatienceSeconds = 180.0

    /// Days the queue is open in the month; the month's contacts spread evenly over them.
    public let operatingDaysPerMonth: Double
    /// The intraday profile; its open hours are the queue's operating hours.
    public let profile: IntradayProfile
    /// `T` of the target "X % answered within T seconds".
    public let answerTimeSeconds: Double
    /// The target service level and, optionally, the maximum abandonment rate, applied per hour.
    public let target: StaffingTarget
    /// Mean patience of callers (Erlang A), in seconds.
    public let patienceSeconds: Double

    /// Validates and stores a queue definition.
    ///
    /// - Throws: ``ProjectionError/planning(_:)`` for non-positive days,
    ///   ``ProjectionError/queue(_:)`` for a negative answer time or a non-positive patience, and
    ///   ``ProjectionError/serviceTargetUnreachable`` for a 100 % target or a zero abandonment
    ///   ceiling (no number of agents meets them, so no requirement exists).
    public init(
        answerTimeSeconds: Double,
        target: StaffingTarget,
        patienceSeconds: Double = ServiceQueue.defaultPatienceSeconds,
        profile: IntradayProfile = .standardSupport,
        operatingDaysPerMonth: Double = ServiceQueue.defaultOperatingDaysPerMonth
    ) throws(ProjectionError) {
        do {
            self.operatingDaysPerMonth = try PlanningValidation.positive(operatingDaysPerMonth, name: "operatingDaysPerMonth")
        } catch {
            throw .planning(error)
        }
        guard answerTimeSeconds.isFinite else { throw .queue(.nonFiniteValue(name: "answerTimeSeconds")) }
        guard answerTimeSeconds >= 0 else { throw .queue(.answerTimeNegative) }
        do {
            try ErlangA.validate(patienceSeconds: patienceSeconds)
        } catch {
            throw .queue(error)
        }
        guard target.serviceLevel < 1, target.maximumAbandonRate != 0 else { throw .serviceTargetUnreachable }
        self.answerTimeSeconds = answerTimeSeconds
        self.target = target
        self.patienceSeconds = patienceSeconds
        self.profile = profile
    }

    /// Operating hours in the month: open hours per day × operating days.
    public var operatingHoursPerMonth: Double { Double(profile.operatingHoursPerDay) * operatingDaysPerMonth }
}
