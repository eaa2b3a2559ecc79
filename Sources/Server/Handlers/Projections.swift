import Domain
import Foundation
import OpenAPIRuntime
import Store
import WorkforceAPI

extension APIHandlers {
    func createProjection(_ input: Operations.CreateProjection.Input) async throws -> Operations.CreateProjection.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.runProjections)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try Self.projectionDraft(body)
        guard try await orgUnits.find(id: draft.orgUnitID, scope: principal.readScope) != nil else {
            throw DomainError.unresolvedReferences([FieldProblem(pointer: "/org_unit_id", detail: "no org unit in your scope has this id")])
        }
        let builder = ProjectionBuilder(queues: queues, projections: projections, hiringPlans: hiringPlans)
        let inputs = try await builder.inputs(for: draft, principal: principal)
        let run = NewProjection(
            orgUnitID: draft.orgUnitID, inputs: String(decoding: try inputs.encoded(), as: UTF8.self), inputsHash: try inputs.hash(),
            engineVersion: inputs.engineVersion, seed: inputs.seed, draws: inputs.draws, startMonth: draft.startMonth,
            horizonMonths: draft.horizonMonths, createdBy: principal.keyID
        )
        let showCosts = principal.may(.seeCostAggregates)
        func answer(_ record: ProjectionRecord) throws -> Operations.CreateProjection.Output {
            let location = "/v1/projections/\(record.id.uuidString.lowercased())"
            let body = try Components.Schemas.Projection(record, showCosts: showCosts)
            return record.status == .completed
                ? .created(.init(headers: .init(location: location), body: .json(body)))
                : .accepted(.init(headers: .init(location: location), body: .json(body)))
        }
        // Inputs the engine rejects are answered now, before anything is stored, whatever the run's size.
        _ = try inputs.model()
        if inputs.workSize <= projectionSyncLimit {
            switch try await inlineProjections.start(run, inputs: inputs) {
            case .finished(let id)?:
                guard let record = try await projections.find(id: id, scope: .everything) else {
                    throw DomainError.notFound("The projection was deleted while it was computed.")
                }
                return try answer(record)
            case .handedOff(let record)?:
                return try answer(record)
            case nil:
                break
            }
        }
        return try answer(try await projections.insert(run, result: nil))
    }

    func listProjections(_ input: Operations.ListProjections.Input) async throws -> Operations.ListProjections.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readProjections)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let records = try await projections.list(scope: principal.readScope, after: page.after, limit: page.limit + 1)
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(
            data: try shown.map { try Components.Schemas.Projection($0, showCosts: false, includeResult: false) }, nextCursor: next
        ))))
    }

    func getProjection(_ input: Operations.GetProjection.Input) async throws -> Operations.GetProjection.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readProjections)
        guard let record = try await projections.find(id: try IDParameter.parse(input.path.id), scope: principal.readScope) else {
            throw DomainError.notFound("No projection with this id.")
        }
        let showCosts = principal.may(.seeCostAggregates)
        if Self.prefersCSV(input.headers.accept) {
            guard record.status == .completed, let text = record.result else {
                throw DomainError.conflict("The projection is \(record.status.rawValue); CSV is available once it is completed.")
            }
            let result = try JSONDecoder().decode(ProjectionResult.self, from: Data(text.utf8))
            return .ok(.init(body: .csv(HTTPBody(ProjectionCSV.render(result, showCosts: showCosts)))))
        }
        return .ok(.init(body: .json(try .init(record, showCosts: showCosts))))
    }


    /// Validates a projection request; problems point under `prefix` (e.g. `/base` in a comparison).
    static func projectionDraft(_ body: Components.Schemas.ProjectionRequest, prefix: String = "") throws -> ProjectionDraft {
        do {
            return try ProjectionDraft(
                orgUnitID: body.orgUnitId, startMonth: body.startMonth, horizonMonths: body.horizonMonths, draws: body.draws,
                seed: body.seed, includeApprovedPlans: body.includeApprovedPlans, planIDs: body.planIds,
                lines: (body.changes?.lines ?? []).map(HiringPlanLine.Input.init),
                automationChanges: (body.changes?.automationChanges ?? []).map(AutomationChange.Input.init),
                assumptions: assumptionOverrides(body.assumptions)
            )
        } catch DomainError.invalid(let problems) {
            throw DomainError.invalid(problems.map { FieldProblem(pointer: prefix + $0.pointer, detail: $0.detail) })
        }
    }

    /// The overrides a request names; ``ProjectionDraft`` validates them (problems under `/assumptions`).
    static func assumptionOverrides(_ assumptions: Components.Schemas.ProjectionAssumptions?) -> ProjectionAssumptionOverrides {
        let weights = assumptions?.qualityWeights
        var qualityWeights: [String: Double] = [:]
        for (name, value) in [
            ("human_resolved", weights?.humanResolved), ("bot_resolved", weights?.botResolved),
            ("escalated_then_resolved", weights?.escalatedThenResolved), ("false_containment", weights?.falseContainment),
            ("abandoned", weights?.abandoned), ("wait_penalty_per_minute", weights?.waitPenaltyPerMinute),
        ] {
            if let value { qualityWeights[name] = value }
        }
        return ProjectionAssumptionOverrides(
            annualAttrition: assumptions?.annualAttrition, leadTimeMonths: assumptions?.leadTimeMonths,
            rampMonthsToFullProductivity: assumptions?.rampMonthsToFullProductivity,
            annualDemandGrowth: assumptions?.annualDemandGrowth, demandUncertainty: assumptions?.demandUncertainty,
            handleTimeUncertainty: assumptions?.handleTimeUncertainty, qualityWeights: qualityWeights
        )
    }

    /// True when the client ranks `text/csv` above JSON in `Accept`.
    static func prefersCSV<Content: AcceptableProtocol>(_ accept: [AcceptHeaderContentType<Content>]) -> Bool {
        let ranked = accept.sorted { $0.quality.doubleValue > $1.quality.doubleValue }
        guard let best = ranked.first(where: { $0.quality.doubleValue > 0 }) else { return false }
        return best.contentType.rawValue == "text/csv"
    }
}

/// CSV of a projection: one row per month and metric, then the horizon totals.
enum ProjectionCSV {
    static func render(_ result: ProjectionResult, showCosts: Bool) -> String {
        var lines = ["month,metric,p10,p50,p90"]
        let names = ProjectionRunner.metrics.map(\.name).filter { showCosts || !ProjectionRunner.costMetrics.contains($0) }
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
        for month in result.months {
            for name in names {
                guard let band = month.metrics[name] else { continue }
                lines.append("\(month.month),\(name),\(number(band.p10)),\(number(band.p50)),\(number(band.p90))")
            }
            let probability = number(month.probabilityBelowTarget)
            lines.append("\(month.month),probability_below_target,\(probability),\(probability),\(probability)")
        }
        for name in names {
            guard let band = result.totals[name] else { continue }
            lines.append("total,\(name),\(number(band.p10)),\(number(band.p50)),\(number(band.p90))")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension Components.Schemas.Projection {
    init(_ record: ProjectionRecord, showCosts: Bool, includeResult: Bool = true) throws {
        let inputs = try JSONDecoder().decode(ProjectionInputs.self, from: Data(record.inputs.utf8))
        let result = try includeResult ? record.result.map { try JSONDecoder().decode(ProjectionResult.self, from: Data($0.utf8)) } : nil
        func metrics(_ values: [String: ProjectionResult.Band]) -> Components.Schemas.ProjectionMetrics {
            func band(_ name: String) -> Components.Schemas.Band? {
                guard showCosts || !ProjectionRunner.costMetrics.contains(name), let value = values[name] else { return nil }
                return .init(p10: value.p10, p50: value.p50, p90: value.p90)
            }
            return .init(
                headcount: band("headcount"), paidFte: band("paid_fte"), productiveFte: band("productive_fte"), hires: band("hires"),
                attrition: band("attrition"), labourCost: band("labour_cost"), hiringCost: band("hiring_cost"), botCost: band("bot_cost"),
                totalCost: band("total_cost"), humanContacts: band("human_contacts"), serviceLevel: band("service_level"),
                asaSeconds: band("asa_seconds"), abandonmentRate: band("abandonment_rate"), occupancy: band("occupancy"),
                qualityScore: band("quality_score"), requiredFte: band("required_fte"), gapFte: band("gap_fte")
            )
        }
        self.init(
            id: record.id.uuidString.lowercased(),
            status: .init(rawValue: record.status.rawValue)!,
            orgUnitId: record.orgUnitID.uuidString.lowercased(),
            startMonth: record.startMonth.description,
            horizonMonths: record.horizonMonths,
            draws: record.draws,
            seed: Int64(bitPattern: record.seed),
            inputsHash: record.inputsHash,
            engineVersion: record.engineVersion,
            currency: inputs.rates.currency,
            appliedPlanIds: inputs.appliedPlans.map { $0.uuidString.lowercased() },
            progress: .init(done: record.progressDone, total: record.progressTotal),
            error: record.error,
            createdBy: record.createdBy.uuidString.lowercased(),
            createdAt: record.createdAt,
            completedAt: record.completedAt,
            result: result.map { result in
                .init(
                    months: result.months.map { .init(month: $0.month, metrics: metrics($0.metrics), probabilityBelowTarget: $0.probabilityBelowTarget) },
                    totals: metrics(result.totals)
                )
            }
        )
    }
}
