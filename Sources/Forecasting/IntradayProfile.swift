/// How a day's contacts spread over its 24 hours: one weight per hour of the day (0 = midnight to
/// 1 am), normalised to shares of the day's volume. An hour with weight 0 is closed.
///
/// Default (``standardSupport``, FORECASTING.md "Service outcome"): an illustrative customer-support
/// weekday curve, low overnight, rising from 7 h to a morning peak at 10–11 h, a shallow lunch dip,
/// a second peak at 14 h and a decline through the evening. It is a typical shape, not a published
/// data set: replace it with the hourly shares of your own contact history.
public struct IntradayProfile: Sendable, Hashable {
    /// Relative weights of the default support curve, hours 0 to 23 (sum 80).
    public static let standardSupportWeights: [Double] = [
        0.6, 0.4, 0.3, 0.25, 0.25, 0.35, 0.8, 1.8, 3.8, 5.6, 6.4, 6.2,
        5.5, 5.8, 6.1, 5.8, 5.3, 4.6, 3.8, 3.2, 2.7, 2.2, 1.6, 1.05,
    ]

    /// The default support curve, open around the clock.
    public static let standardSupport = IntradayProfile(uncheckedWeights: standardSupportWeights)

    /// Share of the day's contacts arriving in each hour 0…23; the shares of open hours sum to 1.
    public let hourlyShares: [Double]
    /// The open hours (positive share), ascending.
    public let openHours: [Int]

    /// Validates and normalises 24 hourly weights (any positive scale).
    ///
    /// - Throws: ``ProjectionError/intradayProfileNotTwentyFourHours``,
    ///   ``ProjectionError/intradayWeightInvalid`` or ``ProjectionError/intradayProfileClosed``.
    public init(hourlyWeights: [Double]) throws(ProjectionError) {
        guard hourlyWeights.count == 24 else { throw .intradayProfileNotTwentyFourHours }
        guard hourlyWeights.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw .intradayWeightInvalid }
        guard hourlyWeights.contains(where: { $0 > 0 }) else { throw .intradayProfileClosed }
        self.init(uncheckedWeights: hourlyWeights)
    }

    /// The default support curve restricted to operating hours `openingHour..<closingHour`
    /// (0…24; a queue open 8 am to 8 pm is `8, 20`). Contacts that would have arrived while closed
    /// are not lost: the shares are renormalised over the open hours.
    ///
    /// - Throws: ``ProjectionError/intradayProfileClosed`` when the range is empty or invalid.
    public static func standardSupport(openingHour: Int, closingHour: Int) throws(ProjectionError) -> IntradayProfile {
        guard openingHour >= 0, closingHour <= 24, openingHour < closingHour else { throw .intradayProfileClosed }
        let weights = standardSupportWeights.indices.map { (openingHour..<closingHour).contains($0) ? standardSupportWeights[$0] : 0 }
        return try IntradayProfile(hourlyWeights: weights)
    }

    /// Open hours per day.
    public var operatingHoursPerDay: Int { openHours.count }

    /// Stores weights known to be valid, normalised.
    private init(uncheckedWeights weights: [Double]) {
        let total = weights.reduce(0, +)
        hourlyShares = weights.map { $0 / total }
        openHours = weights.indices.filter { weights[$0] > 0 }
    }
}
