import Foundation

/// The prices of a plan: what an agent costs per month and what a hire costs (FORECASTING.md,
/// "Cost"). Money is `Decimal`, in the plan's currency, and never rounded here.
public struct CostRates: Sendable, Hashable {
    /// Annual base salary of one FTE.
    public let annualBaseSalary: Decimal
    /// Benefits as a share of base salary (0.22 for 22 %).
    public let benefitsRate: Decimal
    /// Employer payroll taxes as a share of base salary.
    public let payrollTaxRate: Decimal
    /// One-off cost of one hire (recruiting and onboarding), charged in the hire's start month.
    public let hiringCostPerHire: Decimal

    /// Validates and stores the prices.
    ///
    /// Rates are `Decimal` so that `0.0765` is exact; convert a `Double` rate with
    /// `Decimal(string: String(rate))` to keep its shortest decimal form.
    ///
    /// - Throws: ``PlanningInputError/negativeValue(name:)`` for a negative amount or rate,
    ///   ``PlanningInputError/nonFiniteValue(name:)`` for NaN.
    public init(
        annualBaseSalary: Decimal,
        benefitsRate: Decimal = 0,
        payrollTaxRate: Decimal = 0,
        hiringCostPerHire: Decimal = 0
    ) throws(PlanningInputError) {
        self.annualBaseSalary = try PlanningValidation.nonNegative(annualBaseSalary, name: "annualBaseSalary")
        self.benefitsRate = try PlanningValidation.nonNegative(benefitsRate, name: "benefitsRate")
        self.payrollTaxRate = try PlanningValidation.nonNegative(payrollTaxRate, name: "payrollTaxRate")
        self.hiringCostPerHire = try PlanningValidation.nonNegative(hiringCostPerHire, name: "hiringCostPerHire")
    }

    /// Labour cost of one FTE for one month:
    /// `annual base × (1 + benefits rate + payroll tax rate) / 12`.
    public var labourCostPerFTEMonth: Decimal {
        annualBaseSalary * (1 + benefitsRate + payrollTaxRate) / 12
    }
}
