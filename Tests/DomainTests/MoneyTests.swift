import Foundation
import Domain
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("0", "0.00"), ("7", "7.00"), ("68500.5", "68500.50"), ("0012.30", "12.30"), ("9999999999999.99", "9999999999999.99")])
    func canonicalFormHasTwoDecimals(input: String, canonical: String) {
        #expect(Money(input)?.description == canonical)
    }

    @Test(arguments: ["", "-1", "+1", "1.", ".5", "1.234", "1e3", "12,50", "١٢", "99999999999999", "NaN"])
    func malformedAmountsAreRejected(input: String) {
        #expect(Money(input) == nil)
    }

    @Test func currencyCodesAreThreeUpperCaseLetters() {
        #expect(CurrencyCode("EUR") != nil)
        #expect(CurrencyCode("eur") == nil)
        #expect(CurrencyCode("EURO") == nil)
    }

    @Test func fullyLoadedCostAddsBenefitsAndPayrollTax() throws {
        let role = try JobRoleDraft(
            title: "Agent", jobFamily: nil, level: nil, location: nil, currency: "EUR", annualBaseSalary: "40000",
            benefitsRate: 0.25, payrollTaxRate: 0.25, hiringCostPerHire: nil, rampMonthsToFullProductivity: nil, externalID: nil
        )
        #expect(role.fullyLoadedAnnualCost == 60000)
    }
}

@Suite struct PositionRuleTests {
    @Test(arguments: [Double.leastNonzeroMagnitude, 0.0004, 0, 1.0001])
    func fteThatRoundsToZeroOrExceedsOneIsRefused(fte: Double) {
        #expect(throws: DomainError.self) {
            try PositionState(orgUnitID: UUID().uuidString, roleID: UUID().uuidString, fte: fte, status: .filled, queueID: nil, employeeRef: nil, salaryOverride: nil)
        }
    }

    @Test func fteIsKeptToThreeDecimals() throws {
        let state = try PositionState(orgUnitID: UUID().uuidString, roleID: UUID().uuidString, fte: 0.33333, status: .vacant, queueID: nil, employeeRef: nil, salaryOverride: nil)
        #expect(state.fte == 0.333)
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: [("2026-03-01", "2026-02-28"), ("2024-03-01", "2024-02-29"), ("2026-01-01", "2025-12-31"), ("2026-07-16", "2026-07-15")])
    func previousDayCrossesMonthsYearsAndLeapDays(date: String, previous: String) {
        #expect(CalendarDate(date)?.previousDay.description == previous)
    }
}

@Suite struct RequisitionRuleTests {
    @Test func newPositionRequestsNeedUnitRoleAndAnFTEOfThreeDecimals() {
        #expect(throws: DomainError.self) {
            try RequisitionDraft(orgUnitID: nil, roleID: nil, fte: nil, backfillPositionID: nil, reason: .growth, priority: .low, targetStartDate: "2026-01-01", hiringPlanID: nil)
        }
        #expect(throws: DomainError.self) {
            try RequisitionDraft(orgUnitID: UUID().uuidString, roleID: UUID().uuidString, fte: 0.0004, backfillPositionID: nil, reason: .growth, priority: .low, targetStartDate: "2026-01-01", hiringPlanID: nil)
        }
    }

    @Test func backfillsMayLeaveUnitRoleAndFTEToThePosition() throws {
        let draft = try RequisitionDraft(orgUnitID: nil, roleID: nil, fte: nil, backfillPositionID: UUID().uuidString, reason: .backfill, priority: .high, targetStartDate: "2026-05-01", hiringPlanID: nil)
        #expect(draft.orgUnitID == nil)
    }

    @Test func movesCheckDateCommentAndEmployeeReference() {
        #expect(throws: DomainError.self) { try RequisitionMove(target: .filled, comment: nil, startDate: "2026-02-30", employeeRef: nil) }
        #expect(throws: DomainError.self) { try RequisitionMove(target: .open, comment: String(repeating: "x", count: 2001), startDate: nil, employeeRef: nil) }
        #expect(throws: DomainError.self) { try RequisitionMove(target: .filled, comment: nil, startDate: nil, employeeRef: "a\u{0}b") }
    }
}

@Suite struct CentsTextTests {
    /// Computed amounts print with exactly two decimals, rounded half away from zero, in decimal arithmetic:
    /// a total beyond a Double's 15–17 significant digits keeps its cents.
    @Test func amountsRoundToCentsWithoutABinaryFloat() {
        let cases: [(String, String)] = [
            ("0", "0.00"), ("12.5", "12.50"), ("2.345", "2.35"), ("-2.345", "-2.35"), ("7", "7.00"),
            ("12345678901234567.891", "12345678901234567.89"),
        ]
        for (amount, text) in cases {
            #expect(Money.centsText(Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX"))!) == text, "\(amount)")
        }
    }
}
