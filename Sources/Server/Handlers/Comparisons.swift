import Domain
import Forecasting
import Foundation
import OpenAPIRuntime
import Store
import WorkforceAPI

extension APIHandlers {
    func compareProjections(_ input: Operations.CompareProjections.Input) async throws -> Operations.CompareProjections.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.runProjections)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let sides: (base: ComparedSide, alternative: ComparedSide)
        switch (body.projectionIds, body.base, body.alternative) {
        case (let ids?, nil, nil):
            sides = try await storedSides(ids, principal: principal)
        case (nil, let base?, let alternative?):
            sides = try await draftSides(base, alternative, principal: principal)
        default:
            throw DomainError.invalid([FieldProblem(pointer: "", detail: "must give either projection_ids, or base and alternative")])
        }
        let (baseModel, settings) = try sides.base.inputs.model()
        let (alternativeModel, _) = try sides.alternative.inputs.model()
        let work = (max(1, sides.base.inputs.queues.count) + max(1, sides.alternative.inputs.queues.count)) * sides.base.inputs.months * settings.draws
        guard work <= projectionSyncLimit else {
            throw DomainError.unprocessable(
                "The comparison is too large to answer at once (queues × months × draws of both sides above \(projectionSyncLimit)): ask for fewer draws."
            )
        }
        let computed = try await withinBudget(decisionBudget) {
            try await ProjectionComparer.compare(
                base: baseModel, alternative: alternativeModel, settings: settings,
                workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
            )
        }
        guard let result = computed else { throw DomainError.unprocessable(Self.overBudget("comparison", decisionBudget)) }
        let inputs = sides.base.inputs
        let start = CalendarMonth(inputs.startMonth) ?? .earliest
        let showCosts = principal.may(.seeCostAggregates)
        if Self.prefersCSV(input.headers.accept) {
            let months = result.months.indices.map { start.adding(months: $0).description }
            return .ok(.init(body: .csv(HTTPBody(ComparisonCSV.render(result, months: months, showCosts: showCosts)))))
        }
        return .ok(.init(body: .json(.init(
            orgUnitId: inputs.orgUnitID.uuidString.lowercased(), startMonth: inputs.startMonth, horizonMonths: inputs.months,
            draws: settings.draws, seed: Int64(bitPattern: settings.seed), currency: inputs.rates.currency,
            base: try sides.base.schema(), alternative: try sides.alternative.schema(),
            months: result.months.enumerated().map { index, period in
                .init(
                    month: start.adding(months: index).description, metrics: .init(period.metrics, showCosts: showCosts),
                    probabilityServiceLevelBetter: period.serviceLevelBetter, probabilityTotalCostLower: period.totalCostLower
                )
            },
            horizon: .init(
                metrics: .init(result.horizon.metrics, showCosts: showCosts),
                probabilityServiceLevelBetter: result.horizon.serviceLevelBetter, probabilityTotalCostLower: result.horizon.totalCostLower
            )
        ))))
    }

    /// Two stored, completed runs visible to the caller, over the same months.
    private func storedSides(_ ids: [String], principal: Principal) async throws -> (base: ComparedSide, alternative: ComparedSide) {
        var problems: [FieldProblem] = []
        var parsed: [UUID] = []
        for (index, text) in ids.enumerated() {
            if let id = UUID(uuidString: text) {
                parsed.append(id)
            } else {
                problems.append(FieldProblem(pointer: "/projection_ids/\(index)", detail: "must be a UUID"))
            }
        }
        if ids.count != 2 { problems.append(FieldProblem(pointer: "/projection_ids", detail: "must list exactly two runs")) }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        var sides: [ComparedSide] = []
        for id in parsed {
            let text = id.uuidString.lowercased()
            guard let record = try await projections.find(id: id, scope: principal.readScope) else {
                throw DomainError.unprocessable("Projection \(text) does not exist or is outside your scope.")
            }
            guard record.status == .completed else {
                throw DomainError.unprocessable("Projection \(text) is \(record.status.rawValue); only completed runs are compared.")
            }
            let inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(record.inputs.utf8))
            guard inputs.engineVersion == ProjectionInputs.engineVersion else {
                throw DomainError.unprocessable("Projection \(text) was computed by another engine version (\(inputs.engineVersion)).")
            }
            sides.append(ComparedSide(projectionID: id, inputs: inputs))
        }
        guard sides[0].inputs.startMonth == sides[1].inputs.startMonth, sides[0].inputs.months == sides[1].inputs.months else {
            throw DomainError.unprocessable("The two runs must have the same start month and horizon.")
        }
        return (sides[0], sides[1])
    }

    /// Two sets of plans for one org unit, sharing start month, horizon, draws and seed.
    private func draftSides(
        _ baseBody: Components.Schemas.ProjectionRequest, _ alternativeBody: Components.Schemas.ProjectionRequest, principal: Principal
    ) async throws -> (base: ComparedSide, alternative: ComparedSide) {
        let base = try Self.projectionDraft(baseBody, prefix: "/base")
        let alternative = try Self.projectionDraft(alternativeBody, prefix: "/alternative")
        var problems: [FieldProblem] = []
        for (name, same) in [
            ("org_unit_id", base.orgUnitID == alternative.orgUnitID), ("start_month", base.startMonth == alternative.startMonth),
            ("horizon_months", base.horizonMonths == alternative.horizonMonths), ("draws", base.draws == alternative.draws),
            ("seed", base.seed == alternative.seed),
        ] where !same {
            problems.append(FieldProblem(pointer: "/alternative/\(name)", detail: "must equal the base's"))
        }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        guard try await orgUnits.find(id: base.orgUnitID, scope: principal.readScope) != nil else {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/base/org_unit_id", detail: "no org unit in your scope has this id")])
        }
        let builder = ProjectionBuilder(queues: queues, projections: projections, hiringPlans: hiringPlans)
        return (
            ComparedSide(projectionID: nil, inputs: try await builder.inputs(for: base, principal: principal)),
            ComparedSide(projectionID: nil, inputs: try await builder.inputs(for: alternative, principal: principal))
        )
    }
}

/// CSV of a comparison: one row per month and metric, then the horizon.
enum ComparisonCSV {
    static func render(_ result: ProjectionComparisonResult, months: [String], showCosts: Bool) -> String {
        var lines = ["month,metric,base_p50,alternative_p50,delta_p10,delta_p50,delta_p90"]
        let names = ProjectionRunner.metrics.map(\.name).filter { showCosts || !ProjectionRunner.costMetrics.contains($0) }
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
        func rows(_ label: String, _ period: ProjectionComparisonResult.Period) {
            for name in names {
                guard let figure = period.metrics[name] else { continue }
                lines.append(
                    "\(label),\(name),\(number(figure.baseP50)),\(number(figure.alternativeP50)),"
                        + "\(number(figure.delta.p10)),\(number(figure.delta.p50)),\(number(figure.delta.p90))"
                )
            }
            for (name, value) in [
                ("probability_service_level_better", period.serviceLevelBetter), ("probability_total_cost_lower", period.totalCostLower),
            ] {
                let text = number(value)
                lines.append("\(label),\(name),,,\(text),\(text),\(text)")
            }
        }
        for (label, period) in zip(months, result.months) { rows(label, period) }
        rows("horizon", result.horizon)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// One side of a comparison: its inputs, and the stored run they come from, if any.
struct ComparedSide: Sendable {
    let projectionID: UUID?
    let inputs: ProjectionInputs

    func schema() throws -> Components.Schemas.ComparisonSide {
        .init(
            projectionId: projectionID?.uuidString.lowercased(), inputsHash: try inputs.hash(),
            appliedPlanIds: inputs.appliedPlans.map { $0.uuidString.lowercased() }
        )
    }
}

extension Components.Schemas.ComparisonMetrics {
    init(_ figures: [String: ProjectionComparisonResult.Figure], showCosts: Bool) {
        func figure(_ name: String) -> Components.Schemas.MetricComparison? {
            guard showCosts || !ProjectionRunner.costMetrics.contains(name), let value = figures[name] else { return nil }
            return .init(
                baseP50: value.baseP50, alternativeP50: value.alternativeP50,
                delta: .init(p10: value.delta.p10, p50: value.delta.p50, p90: value.delta.p90)
            )
        }
        self.init(
            headcount: figure("headcount"), paidFte: figure("paid_fte"), productiveFte: figure("productive_fte"), hires: figure("hires"),
            attrition: figure("attrition"), labourCost: figure("labour_cost"), hiringCost: figure("hiring_cost"), botCost: figure("bot_cost"),
            totalCost: figure("total_cost"), humanContacts: figure("human_contacts"), serviceLevel: figure("service_level"),
            asaSeconds: figure("asa_seconds"), abandonmentRate: figure("abandonment_rate"), occupancy: figure("occupancy"),
            qualityScore: figure("quality_score"), requiredFte: figure("required_fte"), gapFte: figure("gap_fte")
        )
    }
}
