import Forecasting
import Foundation
import Testing

@Suite("Service outcome")
struct ServiceOutcomeTests {
    /// A voice queue, 80 % in 20 s, patience 180 s, open 8–20 h on the standard curve.
    static func voiceQueue() throws -> ServiceQueue {
        try ServiceQueue(
            answerTimeSeconds: 20, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 180,
            profile: try IntradayProfile.standardSupport(openingHour: 8, closingHour: 20)
        )
    }

    static let contacts = 60_000.0
    static let agentSeconds = 300.0
    static let hoursPerFTE = WorkforceAssumptions.defaultProductiveHoursPerFTEMonth

    @Test("Service level rises with the available FTE")
    func serviceLevelRisesWithAvailableFTE() throws {
        let queue = try Self.voiceQueue()
        var previous: ServiceOutcome?
        for fte in stride(from: 0.0, through: 60, by: 4) {
            let outcome = try ServiceOutcome(
                queue: queue, humanContacts: Self.contacts, agentSecondsPerContact: Self.agentSeconds,
                availableAgentHours: fte * Self.hoursPerFTE, productiveHoursPerFTEMonth: Self.hoursPerFTE
            )
            #expect(outcome.serviceLevel >= 0 && outcome.serviceLevel <= 1)
            if let previous {
                #expect(outcome.serviceLevel > previous.serviceLevel, "FTE \(fte)")
                #expect(outcome.abandonmentRate < previous.abandonmentRate, "FTE \(fte)")
                #expect(outcome.requiredFTE == previous.requiredFTE)
            }
            previous = outcome
        }
        let none = try ServiceOutcome(
            queue: queue, humanContacts: Self.contacts, agentSecondsPerContact: Self.agentSeconds,
            availableAgentHours: 0, productiveHoursPerFTEMonth: Self.hoursPerFTE
        )
        #expect(none.serviceLevel == 0 && none.abandonmentRate == 1 && none.occupancy == 0)
    }

    @Test("Staffing exactly the requirement meets the target in every hour")
    func requiredFTEMeetsTargetInEveryHour() throws {
        let queue = try Self.voiceQueue()
        let probe = try ServiceOutcome(
            queue: queue, humanContacts: Self.contacts, agentSecondsPerContact: Self.agentSeconds,
            availableAgentHours: 0, productiveHoursPerFTEMonth: Self.hoursPerFTE
        )
        let staffed = try ServiceOutcome(
            queue: queue, humanContacts: Self.contacts, agentSecondsPerContact: Self.agentSeconds,
            availableAgentHours: probe.requiredAgentHours, productiveHoursPerFTEMonth: Self.hoursPerFTE
        )
        #expect(staffed.hours.count == 12)
        #expect(abs(staffed.gapFTE) < 1e-9)
        for hour in staffed.hours {
            #expect(abs(hour.agents - hour.requiredAgents) < 1e-9 * max(1, hour.requiredAgents))
            #expect(hour.serviceLevel >= 0.8 - 1e-9, "hour \(hour.hour)")
            // The integer answer of Erlang A staffing is the requirement rounded up.
            let scenario = try QueueScenario(calls: hour.contacts, intervalSeconds: 3_600, ahtSeconds: Self.agentSeconds, answerTimeSeconds: 20)
            let integer = try #require(try ErlangA.staff(scenario, patienceSeconds: 180, target: queue.target).requiredAgents)
            #expect(Int(hour.requiredAgents.rounded(.up)) == integer, "hour \(hour.hour)")
            #expect(hour.requiredAgents > Double(integer - 1))
        }
        #expect(staffed.serviceLevel >= 0.8 - 1e-9)
        #expect(staffed.requiredHeads == Int(staffed.requiredFTE.rounded(.up)))
    }

    @Test("Summing agent-hours before rounding needs fewer heads than rounding each hour")
    func summingAgentHoursBeatsRoundingPerInterval() throws {
        let queue = try Self.voiceQueue()
        let outcome = try ServiceOutcome(
            queue: queue, humanContacts: Self.contacts, agentSecondsPerContact: Self.agentSeconds,
            availableAgentHours: 0, productiveHoursPerFTEMonth: Self.hoursPerFTE
        )
        let days = queue.operatingDaysPerMonth
        let roundedPerHour = outcome.hours.reduce(0) { $0 + $1.requiredAgents.rounded(.up) } * days / Self.hoursPerFTE
        let summed = outcome.hours.reduce(0) { $0 + $1.requiredAgents } * days / Self.hoursPerFTE
        #expect(abs(summed - outcome.requiredFTE) < 1e-9 * summed)
        #expect(outcome.requiredFTE < roundedPerHour)
        #expect(outcome.requiredHeads <= Int(roundedPerHour.rounded(.up)))
        #expect(Double(outcome.requiredHeads) - outcome.requiredFTE < 1)
    }

    @Test("The service surface stays within 0.5 points of service level of the exact hourly evaluation")
    func surfaceMatchesExactEvaluation() throws {
        let queues: [(ServiceQueue, Double, Double)] = [
            (try Self.voiceQueue(), 60_000, 300),
            (try ServiceQueue(answerTimeSeconds: 60, target: try StaffingTarget(serviceLevel: 0.8), patienceSeconds: 300), 400_000, 220),
            (try ServiceQueue(answerTimeSeconds: 20, target: try StaffingTarget(serviceLevel: 0.9, maximumAbandonRate: 0.03)), 4_000, 420),
        ]
        var generator = Xoshiro256StarStar(seed: 7)
        for (queue, contacts, seconds) in queues {
            let days = queue.operatingDaysPerMonth
            let workload = contacts * seconds / (days * 3_600)
            let surface = try ServiceSurface(
                queue: queue, dailyWorkloadHours: (workload * 0.5)...(workload * 2), agentSecondsPerContact: (seconds * 0.8)...(seconds * 1.25)
            )
            var worst = 0.0
            for _ in 0..<12 {
                let volume = contacts * exp(log(0.5) + RandomVariates.uniform(using: &generator) * log(4))
                let time = seconds * exp(log(0.8) + RandomVariates.uniform(using: &generator) * log(1.25 / 0.8))
                let probe = try ServiceOutcome(
                    queue: queue, humanContacts: volume, agentSecondsPerContact: time, availableAgentHours: 0, productiveHoursPerFTEMonth: 1
                )
                for ratio in [0.6, 0.9, 0.97, 1.0, 1.03, 1.1, 1.5] {
                    let available = probe.requiredAgentHours * ratio
                    let exact = try ServiceOutcome(
                        queue: queue, humanContacts: volume, agentSecondsPerContact: time, availableAgentHours: available,
                        productiveHoursPerFTEMonth: 1
                    )
                    let approximate = try surface.outcome(
                        humanContacts: volume, agentSecondsPerContact: time, availableAgentHours: available, productiveHoursPerFTEMonth: 1
                    )
                    worst = max(worst, abs(exact.serviceLevel - approximate.serviceLevel))
                    #expect(abs(exact.serviceLevel - approximate.serviceLevel) <= 0.005, "ratio \(ratio), volume \(volume)")
                    #expect(abs(exact.abandonmentRate - approximate.abandonmentRate) <= 0.005)
                    #expect(abs(exact.requiredAgentHours - approximate.requiredAgentHours) <= 0.005 * exact.requiredAgentHours)
                    #expect(abs(exact.asaSeconds - approximate.asaSeconds) <= max(2, 0.05 * exact.asaSeconds))
                    #expect(abs(exact.occupancy - approximate.occupancy) <= 0.005)
                }
            }
            print("surface worst service-level error \(worst)")
        }
    }

    @Test("The default intraday profile is normalised and a closed profile is rejected")
    func intradayProfileIsNormalised() throws {
        let profile = IntradayProfile.standardSupport
        #expect(abs(profile.hourlyShares.reduce(0, +) - 1) < 1e-12)
        #expect(profile.operatingHoursPerDay == 24)
        let business = try IntradayProfile.standardSupport(openingHour: 8, closingHour: 20)
        #expect(business.openHours == Array(8..<20))
        #expect(business.hourlyShares[7] == 0)
        #expect(throws: ProjectionError.intradayProfileClosed) { try IntradayProfile(hourlyWeights: [Double](repeating: 0, count: 24)) }
        #expect(throws: ProjectionError.intradayProfileNotTwentyFourHours) { try IntradayProfile(hourlyWeights: [1]) }
        #expect(throws: ProjectionError.serviceTargetUnreachable) {
            try ServiceQueue(answerTimeSeconds: 20, target: try StaffingTarget(serviceLevel: 1))
        }
    }

    @Test("A month without contacts needs nobody and misses nothing")
    func emptyMonthNeedsNobody() throws {
        let outcome = try ServiceOutcome(
            queue: try Self.voiceQueue(), humanContacts: 0, agentSecondsPerContact: 300, availableAgentHours: 500,
            productiveHoursPerFTEMonth: Self.hoursPerFTE
        )
        #expect(outcome.requiredFTE == 0 && outcome.requiredHeads == 0)
        #expect(outcome.serviceLevel == 1 && outcome.abandonmentRate == 0 && outcome.occupancy == 0)
    }
}
