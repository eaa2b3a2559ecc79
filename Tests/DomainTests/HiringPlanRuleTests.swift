import Domain
import Foundation
import Testing

@Suite struct HiringPlanRuleTests {
    @Test(arguments: [("0", "0.0000"), ("0.125", "0.1250"), ("00012.5", "12.5000"), ("99999999.9999", "99999999.9999")])
    func unitPricesKeepFourDecimals(input: String, canonical: String) {
        #expect(UnitPrice(input)?.description == canonical)
    }

    @Test(arguments: ["", "-0.1", "0.12345", "1.", ".5", "123456789", "1e-3"])
    func malformedUnitPricesAreRejected(input: String) {
        #expect(UnitPrice(input) == nil)
    }

    @Test func onlyAnotherApproverMayDecideAPlan() throws {
        let author = UUID()
        let admin = Principal(keyID: author, name: "admin", role: .admin, orgUnitID: nil)
        #expect(throws: DomainError.self) { try admin.requireMayDecide(planAuthoredBy: author) }
        let finance = Principal(keyID: UUID(), name: "finance", role: .finance, orgUnitID: nil)
        try finance.requireMayDecide(planAuthoredBy: author)
        let manager = Principal(keyID: UUID(), name: "manager", role: .manager, orgUnitID: UUID())
        #expect(throws: DomainError.self) { try manager.requireMayDecide(planAuthoredBy: author) }
    }

    @Test func sharesAreKeptToFourDecimals() throws {
        let draft = try HiringPlanDraft(
            name: "Plan", orgUnitID: UUID().uuidString, lines: [],
            automationChanges: [AutomationChange.Input(month: "2027-01", queueID: UUID().uuidString, botFirstShare: 0.123456)]
        )
        #expect(draft.automationChanges.first?.botFirstShare == 0.1235)
        #expect(draft.automationChanges.first?.month == CalendarDate("2027-01-01"))
    }

    @Test func rejectionWithoutACommentIsRefused() {
        #expect(throws: DomainError.invalid([FieldProblem(pointer: "/comment", detail: "is required to reject a plan")])) {
            try HiringPlanDecision.rejection(comment: nil)
        }
    }
}
