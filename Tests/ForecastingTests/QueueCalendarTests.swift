import Forecasting
import Testing

@Suite struct QueueCalendarTests {
    @Test(arguments: [(360.0, 1.6), (744.0, 1.0), (100.0, 1.3), (250.0, 2.2), (744.0, 3.5), (20.0, 1.0)])
    func calendarKeepsTheMonthsHoursAndPeakFactor(hours: Double, peak: Double) throws {
        let calendar = try QueueCalendar(operatingHoursPerMonth: hours, peakFactor: peak)
        #expect(abs(Double(calendar.hoursPerDay) * calendar.daysPerMonth - hours) < 1e-9)
        #expect(calendar.daysPerMonth <= 31)
        #expect(calendar.profile.operatingHoursPerDay == calendar.hoursPerDay)
        let shares = calendar.profile.openHours.map { calendar.profile.hourlyShares[$0] }
        let achieved = shares.max()! / (1 / Double(shares.count))
        #expect(abs(achieved - peak) < 1e-6)
        #expect(abs(calendar.peakFactor - peak) < 1e-6)
    }

    @Test func peakFactorBeyondWhatTheHoursAllowIsCapped() throws {
        let calendar = try QueueCalendar(operatingHoursPerMonth: 62, peakFactor: 5)
        #expect(calendar.hoursPerDay == 2)
        #expect(calendar.peakFactor <= 2)
        #expect(calendar.peakFactor > 1.9)
    }

    @Test func invalidHoursAreRefused() {
        #expect(throws: ProjectionError.self) { try QueueCalendar(operatingHoursPerMonth: 0, peakFactor: 1) }
        #expect(throws: ProjectionError.self) { try QueueCalendar(operatingHoursPerMonth: .nan, peakFactor: 1) }
    }
}
