import Foundation

/// The cost of one month of a plan: labour, hiring and bots, and the cost per resolved issue
/// (FORECASTING.md, "Cost"). Money is `Decimal` and unrounded: round to the currency's minor
/// unit only for display.
///
/// - labour `= paid FTE × labour cost per FTE-month`, computed as
///   `paid FTE × annual base × (1 + benefits rate + payroll tax rate) / 12` (paid FTE: the average headcount of the
///   month, ramping hires and shrinkage included: they are paid);
/// - hiring `= hires starting this month × hiring cost per hire`;
/// - bot `= Σ queues b·X × cost per conversation`;
/// - cost per resolved issue `= total / resolved issues`, resolved issues being
///   `Σ queues (issues solved by the bot + issues solved by a human) = b·c·X + FCR·H` (issues
///   dropped by customers after a false containment are not resolved and not counted).
public struct MonthlyCost: Sendable, Hashable {
    /// Labour cost of the month.
    public let labour: Decimal
    /// Hiring cost of the hires starting this month.
    public let hiring: Decimal
    /// Cost of the bot conversations.
    public let bot: Decimal
    /// `labour + hiring + bot`.
    public let total: Decimal
    /// Issues resolved in the month, by bots and humans.
    public let resolvedIssues: Double
    /// `total / resolvedIssues`; `nil` when no issue was resolved.
    public let costPerResolvedIssue: Decimal?

    /// The cost of a month from its quantities.
    ///
    /// - Parameters:
    ///   - paidFTE: average paid headcount of the month, in FTE.
    ///   - hiresStarted: hires starting this month.
    ///   - botCost: cost of the month's bot conversations.
    ///   - resolvedIssues: issues resolved by bots and humans.
    ///   - rates: the prices.
    /// - Throws: ``PlanningInputError/negativeValue(name:)`` or
    ///   ``PlanningInputError/nonFiniteValue(name:)`` for an invalid quantity.
    public init(
        paidFTE: Double,
        hiresStarted: Double,
        botCost: Decimal,
        resolvedIssues: Double,
        rates: CostRates
    ) throws(PlanningInputError) {
        self.init(
            uncheckedPaidFTE: try PlanningValidation.nonNegative(paidFTE, name: "paidFTE"),
            hiresStarted: try PlanningValidation.nonNegative(hiresStarted, name: "hiresStarted"),
            botCost: try PlanningValidation.nonNegative(botCost, name: "botCost"),
            resolvedIssues: try PlanningValidation.nonNegative(resolvedIssues, name: "resolvedIssues"),
            rates: rates
        )
    }

    /// The cost of a projected month whose queues had the given automation outcomes (every
    /// queue, automated or not: a queue without a bot is an outcome with `b = 0`).
    public init(workforce: WorkforceMonth, automation: [AutomationOutcome], rates: CostRates) {
        self.init(
            uncheckedPaidFTE: workforce.paidFTE,
            hiresStarted: workforce.hiresStarted,
            botCost: automation.reduce(Decimal(0)) { $0 + $1.botCost },
            resolvedIssues: automation.reduce(0) { $0 + $1.resolvedIssues },
            rates: rates
        )
    }

    /// Computes the cost from quantities already known to be valid.
    private init(uncheckedPaidFTE paidFTE: Double, hiresStarted: Double, botCost: Decimal, resolvedIssues: Double, rates: CostRates) {
        // Divided by 12 last: whole-year amounts stay exact (`labourCostPerFTEMonth` may not be).
        labour = Decimal(paidFTE) * rates.annualBaseSalary * (1 + rates.benefitsRate + rates.payrollTaxRate) / 12
        hiring = Decimal(hiresStarted) * rates.hiringCostPerHire
        bot = botCost
        total = labour + hiring + bot
        self.resolvedIssues = resolvedIssues
        costPerResolvedIssue = resolvedIssues > 0 ? total / Decimal(resolvedIssues) : nil
    }
}
