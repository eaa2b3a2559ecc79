import Domain
import Foundation
import Store
import WorkforceAPI

extension Components.Schemas.HiringPlan {
    init(_ details: HiringPlanDetails) {
        let plan = details.plan
        self.init(
            id: plan.id.uuidString.lowercased(),
            name: plan.name,
            orgUnitId: plan.orgUnitID.uuidString.lowercased(),
            status: .init(rawValue: plan.status.rawValue)!,
            revision: plan.revision,
            revisedFrom: plan.revisedFrom?.uuidString.lowercased(),
            authorKeyId: plan.authorKeyID.uuidString.lowercased(),
            lines: details.lines.map(Components.Schemas.HiringPlanLine.init),
            automationChanges: details.automationChanges.map(Components.Schemas.AutomationChange.init),
            lineCount: plan.lineCount,
            automationChangeCount: plan.automationChangeCount,
            hires: plan.hires,
            reductions: plan.reductions,
            submittedAt: plan.submittedAt,
            decidedAt: plan.decidedAt,
            decidedByKeyId: plan.decidedByKeyID?.uuidString.lowercased(),
            decisionComment: plan.decisionComment,
            requisitionsCreated: plan.requisitionsCreated,
            createdAt: plan.createdAt,
            updatedAt: plan.updatedAt
        )
    }
}

extension Components.Schemas.HiringPlanSummary {
    init(_ plan: HiringPlanRecord) {
        self.init(
            id: plan.id.uuidString.lowercased(),
            name: plan.name,
            orgUnitId: plan.orgUnitID.uuidString.lowercased(),
            status: .init(rawValue: plan.status.rawValue)!,
            revision: plan.revision,
            revisedFrom: plan.revisedFrom?.uuidString.lowercased(),
            authorKeyId: plan.authorKeyID.uuidString.lowercased(),
            lineCount: plan.lineCount,
            automationChangeCount: plan.automationChangeCount,
            hires: plan.hires,
            reductions: plan.reductions,
            submittedAt: plan.submittedAt,
            decidedAt: plan.decidedAt,
            decidedByKeyId: plan.decidedByKeyID?.uuidString.lowercased(),
            decisionComment: plan.decisionComment,
            requisitionsCreated: plan.requisitionsCreated,
            createdAt: plan.createdAt,
            updatedAt: plan.updatedAt
        )
    }
}

extension Components.Schemas.HiringPlanLine {
    init(_ line: Domain.HiringPlanLine) {
        self.init(
            month: line.month.monthText,
            orgUnitId: line.orgUnitID.uuidString.lowercased(),
            roleId: line.roleID.uuidString.lowercased(),
            queueId: line.queueID?.uuidString.lowercased(),
            change: line.change,
            reason: line.reason
        )
    }
}

extension Components.Schemas.AutomationChange {
    init(_ change: Domain.AutomationChange) {
        self.init(
            month: change.month.monthText,
            queueId: change.queueID.uuidString.lowercased(),
            botFirstShare: change.botFirstShare,
            trueContainment: change.trueContainment,
            falseContainment: change.falseContainment,
            escalationAhtMultiplier: change.escalationAHTMultiplier,
            botCostPerConversation: change.botCostPerConversation?.description,
            currency: change.currency?.description,
            botSatisfaction: change.botSatisfaction
        )
    }
}

extension Components.Schemas.HiringPlanEvent {
    init(_ event: HiringPlanEventRecord) {
        self.init(
            kind: .init(rawValue: event.kind.rawValue)!,
            comment: event.comment,
            revisionId: event.revisionID?.uuidString.lowercased(),
            requisitionsCreated: event.requisitionsCreated,
            actorKeyId: event.actorKeyID.uuidString.lowercased(),
            at: event.at
        )
    }
}

extension Domain.HiringPlanLine.Input {
    init(_ line: Components.Schemas.HiringPlanLine) {
        self.init(
            month: line.month, orgUnitID: line.orgUnitId, roleID: line.roleId, queueID: line.queueId, change: line.change,
            reason: line.reason
        )
    }
}

extension Domain.AutomationChange.Input {
    init(_ change: Components.Schemas.AutomationChange) {
        self.init(
            month: change.month, queueID: change.queueId, botFirstShare: change.botFirstShare, trueContainment: change.trueContainment,
            falseContainment: change.falseContainment, escalationAHTMultiplier: change.escalationAhtMultiplier,
            botCostPerConversation: change.botCostPerConversation, currency: change.currency, botSatisfaction: change.botSatisfaction
        )
    }
}
