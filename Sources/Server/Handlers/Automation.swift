import Domain
import Forecasting
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    /// Most queues in one coverage report.
    static let maximumCoverageQueues = 1_000

    func getQueueAutomation(_ input: Operations.GetQueueAutomation.Input) async throws -> Operations.GetQueueAutomation.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        let asOf = try input.query.asOf.map { try QueryMonth.month($0, name: "as_of") } ?? .current()
        let record = try await visibleQueue(input.path.id, principal: principal)
        let history = try await queues.automationHistory(queueID: record.id)
        let inForce = history.inForce(at: asOf)
        return .ok(.init(body: .json(.init(
            queueId: record.id.uuidString.lowercased(), asOf: asOf.description, inForce: inForce.map(Components.Schemas.AutomationSetting.init),
            history: history.map(Components.Schemas.AutomationSetting.init)
        ))))
    }

    func putQueueAutomation(_ input: Operations.PutQueueAutomation.Input) async throws -> Operations.PutQueueAutomation.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        let id = try IDParameter.parse(input.path.id)
        let month = try QueryMonth.month(input.path.month, name: "month")
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try AutomationSettingDraft(
            botFirstShare: body.botFirstShare, trueContainment: body.trueContainment, falseContainment: body.falseContainment,
            escalationAHTMultiplier: body.escalationAhtMultiplier, currency: body.currency,
            botCostPerConversation: body.botCostPerConversation, botSatisfaction: body.botSatisfaction
        )
        let (record, created) = try await queues.setAutomation(
            queueID: id, from: month, draft, actor: principal.keyID, scope: principal.readScope
        )
        let shown = Components.Schemas.AutomationSetting(record)
        return created ? .created(.init(body: .json(shown))) : .ok(.init(body: .json(shown)))
    }

    func deleteQueueAutomation(_ input: Operations.DeleteQueueAutomation.Input) async throws -> Operations.DeleteQueueAutomation.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        let id = try IDParameter.parse(input.path.id)
        let month = try QueryMonth.month(input.path.month, name: "month")
        try await queues.deleteAutomation(queueID: id, from: month, scope: principal.readScope)
        return .noContent(.init())
    }

    func getAutomationCoverage(_ input: Operations.GetAutomationCoverage.Input) async throws -> Operations.GetAutomationCoverage.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        let asOf = try input.query.asOf.map { try QueryMonth.month($0, name: "as_of") } ?? .current()
        let byID = try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") }
        let byAlias = try input.query.orgUnit.map { try IDParameter.parse($0, name: "org_unit") }
        if let byID, let byAlias, byID != byAlias {
            throw APIError.invalidParameter(name: "org_unit", detail: "must equal org_unit_id when both are given")
        }
        let inputs = try await queues.monthInputs(
            month: asOf, subtree: byID ?? byAlias, scope: principal.readScope, limit: Self.maximumCoverageQueues + 1
        )
        guard inputs.count <= Self.maximumCoverageQueues else {
            throw DomainError.unprocessable("More than \(Self.maximumCoverageQueues) queues are in scope: narrow the report with org_unit_id.")
        }
        let rows = try inputs.map(AutomationCoverage.evaluate)
        return .ok(.init(body: .json(.init(
            asOf: asOf.description,
            queues: rows.map { row in
                .init(
                    value1: .init(rows: [row]),
                    value2: .init(
                        queueId: row.inputs.queue.id.uuidString.lowercased(), queueName: row.inputs.queue.fields.name,
                        orgUnitId: row.inputs.queue.fields.orgUnitID.uuidString.lowercased(),
                        channel: .init(rawValue: row.inputs.queue.fields.channel.rawValue)!,
                        volumeSource: .init(rawValue: row.volumeSource)!,
                        automation: row.inputs.automation.map(Components.Schemas.AutomationSetting.init),
                        serviceLevel: row.serviceLevel
                    )
                )
            },
            totals: .init(rows: rows)
        ))))
    }
}

extension Components.Schemas.CoverageFigures {
    /// The figures of one queue, or the sum over several (shares recomputed from the sums).
    init(rows: [QueueCoverage]) {
        let newIssues = rows.reduce(0) { $0 + $1.newIssues }
        let resolvedByBot = rows.reduce(0) { $0 + $1.outcome.issuesResolvedByBot }
        let automationFTE = rows.reduce(0) { $0 + $1.outcome.fteEquivalentHandledByAutomation }
        let humanWorkloadFTE = rows.reduce(0) { $0 + $1.outcome.humanWorkloadFTE }
        var costs: [String: Decimal] = [:]
        for row in rows {
            let currency = row.inputs.automation?.fields.currency.description ?? ""
            if !currency.isEmpty { costs[currency, default: 0] += row.outcome.botCost }
        }
        let shares = QueueCoverage.shares(
            newIssues: newIssues, resolvedByBot: resolvedByBot, automationFTE: automationFTE, humanWorkloadFTE: humanWorkloadFTE
        )
        self.init(
            newIssues: newIssues,
            botConversations: rows.reduce(0) { $0 + $1.outcome.botConversations },
            issuesResolvedByBot: resolvedByBot,
            automatedIssueShare: shares.issues,
            automatedWorkloadShare: shares.workload,
            automationFteEquivalent: automationFTE,
            humanContacts: rows.reduce(0) { $0 + $1.outcome.humanContacts },
            humanWorkloadFte: humanWorkloadFTE,
            humanFteRequired: rows.reduce(0) { $0 + $1.humanFTERequired },
            staffedFte: rows.reduce(0) { $0 + $1.inputs.staffedFTE },
            botCosts: costs.keys.sorted().map { .init(currency: $0, amount: Money.centsText(costs[$0] ?? 0)) }
        )
    }
}

extension Components.Schemas.AutomationSetting {
    init(_ record: AutomationSettingRecord) {
        let fields = record.fields
        self.init(
            effectiveMonth: record.effectiveMonth.description,
            botFirstShare: fields.botFirstShare,
            trueContainment: fields.trueContainment,
            falseContainment: fields.falseContainment,
            escalationAhtMultiplier: fields.escalationAHTMultiplier,
            currency: fields.currency.description,
            botCostPerConversation: fields.botCostPerConversation.description,
            botSatisfaction: fields.botSatisfaction,
            recordedAt: record.recordedAt,
            recordedBy: record.recordedBy.uuidString.lowercased()
        )
    }
}
