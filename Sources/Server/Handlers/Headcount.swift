import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    /// Longest month range of a series.
    static let maximumSeriesMonths = 120

    func getHeadcount(_ input: Operations.GetHeadcount.Input) async throws -> Operations.GetHeadcount.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readHeadcount)
        let asOf = try QueryDate.parse(input.query.asOf, name: "as_of")
        let grouping = HeadcountGrouping(rawValue: input.query.groupBy.rawValue)!
        let groups = try await headcount.report(
            asOf: asOf, groupBy: grouping,
            subtree: try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") },
            scope: principal.readScope
        )
        let showCosts = principal.may(.seeCostAggregates)
        return .ok(.init(body: .json(.init(
            asOf: asOf.description,
            groupBy: grouping.rawValue,
            data: groups.map { group in
                .init(value1: .init(group.figures, showCosts: showCosts), value2: .init(key: group.key, name: group.name))
            }
        ))))
    }

    func getHeadcountSeries(_ input: Operations.GetHeadcountSeries.Input) async throws -> Operations.GetHeadcountSeries.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readHeadcount)
        let first = try QueryMonth.parse(input.query.from, name: "from")
        let last = try QueryMonth.parse(input.query.to, name: "to")
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        guard months >= 1 else { throw APIError.invalidParameter(name: "to", detail: "must not be before from") }
        guard months <= Self.maximumSeriesMonths else {
            throw APIError.invalidParameter(name: "to", detail: "must be at most \(Self.maximumSeriesMonths) months after from")
        }
        let series = try await headcount.series(
            from: first, to: last, subtree: try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") },
            scope: principal.readScope
        )
        let showCosts = principal.may(.seeCostAggregates)
        return .ok(.init(body: .json(.init(data: series.map { month, figures in
            .init(value1: .init(figures, showCosts: showCosts), value2: .init(month: month))
        }))))
    }
}

/// Months in the query string (`YYYY-MM`), as the month's first day.
enum QueryMonth {
    static func parse(_ text: String, name: String) throws -> CalendarDate {
        guard text.count == 7, let date = CalendarDate(text + "-01") else {
            throw APIError.invalidParameter(name: name, detail: "must be a month YYYY-MM")
        }
        return date
    }
}

extension Components.Schemas.HeadcountFigures {
    init(_ figures: HeadcountFiguresRecord, showCosts: Bool) {
        self.init(
            positions: figures.positions,
            headcount: figures.headcount,
            fte: figures.fte,
            vacancies: figures.vacancies,
            vacantFte: figures.vacantFTE,
            costs: showCosts
                ? figures.costs.map { .init(currency: $0.currency, annualCost: $0.annualCost, budgetedAnnualCost: $0.budgetedAnnualCost) }
                : nil
        )
    }
}
