import Foundation

/// A validated role (job profile) to create or to replace.
public struct JobRoleDraft: Sendable, Equatable {
    /// Job title.
    public let title: String
    /// Job family (e.g. "Customer support").
    public let jobFamily: String?
    /// Level or grade.
    public let level: String?
    /// Work location.
    public let location: String?
    /// Currency of the money fields.
    public let currency: CurrencyCode
    /// Annual base salary of one full-time employee.
    public let annualBaseSalary: Money
    /// Benefits as a share of base salary.
    public let benefitsRate: Double
    /// Employer payroll taxes as a share of base salary.
    public let payrollTaxRate: Double
    /// One-off cost of hiring one person.
    public let hiringCostPerHire: Money
    /// Months until a new hire is fully productive.
    public let rampMonthsToFullProductivity: Int
    /// Key in the HR system.
    public let externalID: String?

    /// Validates every field; throws ``DomainError/invalid(_:)`` listing every problem.
    public init(
        title: String, jobFamily: String?, level: String?, location: String?, currency: String,
        annualBaseSalary: String, benefitsRate: Double?, payrollTaxRate: Double?, hiringCostPerHire: String?,
        rampMonthsToFullProductivity: Int?, externalID: String?
    ) throws {
        var problems: [FieldProblem] = []
        self.title = Validate.name(title, pointer: "/title", into: &problems)
        self.jobFamily = Validate.optionalText(jobFamily, pointer: "/job_family", maximumLength: 100, into: &problems)
        self.level = Validate.optionalText(level, pointer: "/level", maximumLength: 50, into: &problems)
        self.location = Validate.optionalText(location, pointer: "/location", maximumLength: 100, into: &problems)
        self.currency = Validate.currency(currency, pointer: "/currency", into: &problems)
        self.annualBaseSalary = Validate.money(annualBaseSalary, pointer: "/annual_base_salary", into: &problems)
        self.benefitsRate = Validate.rate(benefitsRate ?? 0, pointer: "/benefits_rate", into: &problems)
        self.payrollTaxRate = Validate.rate(payrollTaxRate ?? 0, pointer: "/payroll_tax_rate", into: &problems)
        self.hiringCostPerHire = Validate.money(hiringCostPerHire ?? "0", pointer: "/hiring_cost_per_hire", into: &problems)
        self.rampMonthsToFullProductivity = Validate.rampMonths(rampMonthsToFullProductivity ?? 0, into: &problems)
        self.externalID = Validate.optionalText(externalID, pointer: "/external_id", maximumLength: 200, into: &problems)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    /// This role with `changes` applied.
    public func applying(_ changes: JobRoleChanges) throws -> JobRoleDraft {
        try JobRoleDraft(
            title: changes.title.applied(to: title),
            jobFamily: changes.jobFamily.applied(to: jobFamily),
            level: changes.level.applied(to: level),
            location: changes.location.applied(to: location),
            currency: changes.currency.applied(to: currency).description,
            annualBaseSalary: changes.annualBaseSalary.applied(to: annualBaseSalary).description,
            benefitsRate: changes.benefitsRate.applied(to: benefitsRate),
            payrollTaxRate: changes.payrollTaxRate.applied(to: payrollTaxRate),
            hiringCostPerHire: changes.hiringCostPerHire.applied(to: hiringCostPerHire).description,
            rampMonthsToFullProductivity: changes.rampMonthsToFullProductivity.applied(to: rampMonthsToFullProductivity),
            externalID: changes.externalID.applied(to: externalID)
        )
    }

    /// The fully loaded annual cost of one full-time employee: base × (1 + benefits + payroll tax).
    public var fullyLoadedAnnualCost: Decimal {
        annualBaseSalary.amount * (1 + Decimal(benefitsRate) + Decimal(payrollTaxRate))
    }
}

/// A validated partial update of a role.
public struct JobRoleChanges: Sendable, Equatable {
    /// New title.
    public let title: FieldChange<String>
    /// New job family (nil clears it).
    public let jobFamily: FieldChange<String?>
    /// New level (nil clears it).
    public let level: FieldChange<String?>
    /// New location (nil clears it).
    public let location: FieldChange<String?>
    /// New currency.
    public let currency: FieldChange<CurrencyCode>
    /// New annual base salary.
    public let annualBaseSalary: FieldChange<Money>
    /// New benefits rate.
    public let benefitsRate: FieldChange<Double>
    /// New payroll tax rate.
    public let payrollTaxRate: FieldChange<Double>
    /// New hiring cost.
    public let hiringCostPerHire: FieldChange<Money>
    /// New ramp-up length.
    public let rampMonthsToFullProductivity: FieldChange<Int>
    /// New HR-system key (nil clears it).
    public let externalID: FieldChange<String?>

    /// Validates the fields the request sent (`present` names its JSON keys).
    public init(
        title: String?, jobFamily: String?, level: String?, location: String?, currency: String?,
        annualBaseSalary: String?, benefitsRate: Double?, payrollTaxRate: Double?, hiringCostPerHire: String?,
        rampMonthsToFullProductivity: Int?, externalID: String?, present: Set<String>
    ) throws {
        var problems: [FieldProblem] = []
        func required<Input, Output>(_ key: String, _ value: Input?, _ validate: (Input) -> Output) -> FieldChange<Output> {
            guard present.contains(key) else { return .unchanged }
            guard let value else {
                problems.append(FieldProblem(pointer: "/\(key)", detail: "must not be null"))
                return .unchanged
            }
            return .set(validate(value))
        }
        func optionalText(_ key: String, _ value: String?, _ maximumLength: Int) -> FieldChange<String?> {
            guard present.contains(key) else { return .unchanged }
            return .set(Validate.optionalText(value, pointer: "/\(key)", maximumLength: maximumLength, into: &problems))
        }
        self.title = required("title", title) { Validate.name($0, pointer: "/title", into: &problems) }
        self.jobFamily = optionalText("job_family", jobFamily, 100)
        self.level = optionalText("level", level, 50)
        self.location = optionalText("location", location, 100)
        self.currency = required("currency", currency) { Validate.currency($0, pointer: "/currency", into: &problems) }
        self.annualBaseSalary = required("annual_base_salary", annualBaseSalary) {
            Validate.money($0, pointer: "/annual_base_salary", into: &problems)
        }
        self.benefitsRate = required("benefits_rate", benefitsRate) { Validate.rate($0, pointer: "/benefits_rate", into: &problems) }
        self.payrollTaxRate = required("payroll_tax_rate", payrollTaxRate) {
            Validate.rate($0, pointer: "/payroll_tax_rate", into: &problems)
        }
        self.hiringCostPerHire = required("hiring_cost_per_hire", hiringCostPerHire) {
            Validate.money($0, pointer: "/hiring_cost_per_hire", into: &problems)
        }
        self.rampMonthsToFullProductivity = required("ramp_months_to_full_productivity", rampMonthsToFullProductivity) {
            Validate.rampMonths($0, into: &problems)
        }
        self.externalID = optionalText("external_id", externalID, 200)
        if present.isEmpty { problems.append(FieldProblem(pointer: "", detail: "must change at least one field")) }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }
}
