/// Totals of one month over queues and pools, shared by the deterministic projection and the
/// Monte Carlo so that both aggregate with the same formulas.
struct MonthAggregate {
    var humanContacts = 0.0
    var allContacts = 0.0
    var serviceLevelSum = 0.0
    var abandonedSum = 0.0
    var answeredSum = 0.0
    var answeredWaitSum = 0.0
    var busyHours = 0.0
    var placedHours = 0.0
    var qualitySum = 0.0
    var requiredFTE = 0.0
    var availableFTE = 0.0
    var targetSum = 0.0

    /// Adds one queue's month.
    mutating func add(
        humanContacts: Double, allContacts: Double, serviceLevel: Double, abandonment: Double, asaSeconds: Double,
        occupancy: Double, availableHours: Double, quality: Double, requiredFTE: Double, targetServiceLevel: Double
    ) {
        self.humanContacts += humanContacts
        self.allContacts += allContacts
        serviceLevelSum += humanContacts * serviceLevel
        abandonedSum += humanContacts * abandonment
        let answered = humanContacts * (1 - abandonment)
        answeredSum += answered
        answeredWaitSum += answered * asaSeconds
        busyHours += occupancy * availableHours
        placedHours += availableHours
        qualitySum += allContacts * quality
        self.requiredFTE += requiredFTE
        targetSum += humanContacts * targetServiceLevel
    }

    /// Contact-weighted service level (1 without contacts).
    var serviceLevel: Double { humanContacts > 0 ? serviceLevelSum / humanContacts : 1 }
    /// Contact-weighted abandonment rate.
    var abandonmentRate: Double { humanContacts > 0 ? abandonedSum / humanContacts : 0 }
    /// Answered-weighted ASA.
    var asaSeconds: Double { answeredSum > 0 ? answeredWaitSum / answeredSum : 0 }
    /// Busy over placed agent-hours.
    var occupancy: Double { placedHours > 0 ? busyHours / placedHours : 0 }
    /// Contact-weighted quality score.
    var qualityScore: Double { allContacts > 0 ? qualitySum / allContacts : 0 }
    /// Contact-weighted target service level, the threshold of "below target".
    var targetServiceLevel: Double { humanContacts > 0 ? targetSum / humanContacts : 0 }
}
