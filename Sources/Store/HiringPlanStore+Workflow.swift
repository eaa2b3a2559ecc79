import Domain
import Foundation
import Postgres

extension HiringPlanStore {
    /// Submits a draft for approval. Its references are checked again: org units may have moved since it was written.
    public func submit(id: UUID, ifMatch: String?, scope: OrgScope, actor: UUID) async throws -> HiringPlanDetails {
        try await pool.withTransaction { connection in
            let current = try await lockedPlan(id, scope: scope, ifMatch: ifMatch, on: connection)
            try current.status.require(.draft, toBe: "submitted")
            guard current.lineCount + current.automationChangeCount > 0 else {
                throw DomainError.unprocessable("A plan needs at least one line or automation change to be submitted.")
            }
            let stored = try await details(of: current, on: connection)
            try await HiringPlanContentSQL.requireReferences(
                planUnit: current.orgUnitID, lines: stored.lines, automationChanges: stored.automationChanges, on: connection
            )
            try await connection.query(
                """
                UPDATE hiring_plans SET status = 'submitted', submitted_at = now(), version = version + 1, updated_at = now()
                WHERE id = $1::uuid
                """,
                [id]
            )
            try await recordEvent(.submitted, of: id, actor: actor, on: connection)
            return try await details(of: id, on: connection)
        }
    }

    /// Approves or rejects a submitted plan after `authorize` accepts the caller for it. An approval asked to
    /// create requisitions creates one per planned hire in the same transaction: all of them or none.
    public func decide(
        id: UUID, _ decision: HiringPlanDecision, ifMatch: String?, scope: OrgScope, actor: UUID,
        authorize: (HiringPlanRecord) throws -> Void
    ) async throws -> HiringPlanDetails {
        try await pool.withTransaction { connection in
            let current = try await lockedPlan(id, scope: scope, ifMatch: ifMatch, on: connection)
            try current.status.require(.submitted, toBe: decision.outcome == .approved ? "approved" : "rejected")
            try authorize(current)
            var created: Int?
            if decision.outcome == .approved, decision.createRequisitions {
                let limit = HiringPlanLimits.maximumRequisitionsPerApproval
                guard current.hires <= limit else {
                    throw DomainError.unprocessable(
                        "The plan has \(current.hires) hires; one approval creates at most \(limit) requisitions. Approve it without create_requisitions."
                    )
                }
                created = try await RequisitionStore(pool: pool).createForHiringPlan(
                    id, comment: "Approved with hiring plan \(id.uuidString.lowercased()).", actor: actor, on: connection
                )
            }
            try await connection.query(
                """
                UPDATE hiring_plans SET status = $2::text, decided_at = now(), decided_by = $3::uuid, decision_comment = $4::text,
                    requisitions_created = $5::integer, version = version + 1, updated_at = now()
                WHERE id = $1::uuid
                """,
                [id, decision.outcome.rawValue, actor, decision.comment, created]
            )
            let kind: HiringPlanEventKind = decision.outcome == .approved ? .approved : .rejected
            try await recordEvent(kind, of: id, comment: decision.comment, requisitionsCreated: created, actor: actor, on: connection)
            return try await details(of: id, on: connection)
        }
    }

    /// Copies a rejected plan into a new draft (the next revision) written by `actor`. A rejected plan is
    /// revised once: a second attempt is 409 naming the existing revision.
    public func revise(id: UUID, scope: OrgScope, actor: UUID) async throws -> HiringPlanDetails {
        try await pool.withTransaction { connection in
            let current = try await lockedPlan(id, scope: scope, ifMatch: nil, on: connection)
            try current.status.require(.rejected, toBe: "revised")
            let existing = try await connection.query("SELECT id FROM hiring_plans WHERE revised_from = $1::uuid", [id])
            if let revision = try existing.first?.decode(UUID.self, "id") {
                throw DomainError.conflict("This plan was already revised as \(revision.uuidString.lowercased()).")
            }
            let revisionID = UUID()
            _ = try await StoreErrors.translating {
                try await connection.query(
                    """
                    INSERT INTO hiring_plans (id, name, org_unit_id, status, revision, revised_from, created_by)
                    SELECT $2::uuid, name, org_unit_id, 'draft', revision + 1, id, $3::uuid FROM hiring_plans WHERE id = $1::uuid
                    """,
                    [id, revisionID, actor]
                )
            }
            try await HiringPlanContentSQL.copy(from: id, to: revisionID, on: connection)
            try await recordEvent(.revised, of: id, revisionID: revisionID, actor: actor, on: connection)
            try await recordEvent(.created, of: revisionID, actor: actor, on: connection)
            return try await details(of: revisionID, on: connection)
        }
    }
}
