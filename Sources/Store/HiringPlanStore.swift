import Domain
import Foundation
import Postgres

/// Persistence of hiring plans, their lines and automation changes, their workflow and its events.
public struct HiringPlanStore: Sendable {
    let pool: ConnectionPool

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Creates a draft plan for a unit within `scope`, after checking every line's and change's references.
    public func create(_ draft: HiringPlanDraft, scope: OrgScope, actor: UUID) async throws -> HiringPlanDetails {
        try await pool.withTransaction { connection in
            guard try await OrgUnitStore.contains(draft.orgUnitID, in: scope, on: connection) else {
                throw DomainError.unresolvedReferences([
                    FieldProblem(pointer: "/org_unit_id", detail: "no org unit in your scope has this id"),
                ])
            }
            try await HiringPlanContentSQL.requireReferences(
                planUnit: draft.orgUnitID, lines: draft.lines, automationChanges: draft.automationChanges, on: connection
            )
            let id = UUID()
            try await connection.query(
                "INSERT INTO hiring_plans (id, name, org_unit_id, status, created_by) VALUES ($1::uuid, $2::text, $3::uuid, 'draft', $4::uuid)",
                [id, draft.name, draft.orgUnitID, actor]
            )
            try await HiringPlanContentSQL.replace(of: id, lines: draft.lines, automationChanges: draft.automationChanges, on: connection)
            try await recordEvent(.created, of: id, actor: actor, on: connection)
            return try await details(of: id, on: connection)
        }
    }

    /// One plan within `scope`, with its lines and automation changes.
    public func find(id: UUID, scope: OrgScope) async throws -> HiringPlanDetails? {
        try await pool.withConnection { connection in
            guard let plan = try await plan(id, scope: scope, lock: false, on: connection) else { return nil }
            return try await details(of: plan, on: connection)
        }
    }

    /// Plans within `scope` matching `filter`, by id, after `cursor`.
    public func list(_ filter: HiringPlanFilter, scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [HiringPlanRecord] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeAndFilterCTE)
            SELECT \(HiringPlanRecord.columns) FROM hiring_plans p \(HiringPlanRecord.totals)
            WHERE ($1::uuid IS NULL OR p.org_unit_id IN (SELECT id FROM scope))
              AND ($2::uuid IS NULL OR p.org_unit_id IN (SELECT id FROM filter_tree))
              AND ($3::text IS NULL OR p.status = $3::text)
              AND ($4::uuid IS NULL OR p.id > $4::uuid)
            ORDER BY p.id LIMIT $5::integer
            """,
            [scope.root, filter.orgUnitSubtree, filter.status?.rawValue, cursor, limit]
        ).map(HiringPlanRecord.init)
    }

    /// Replaces the name, lines or automation changes of a draft; `ifMatch` is checked under a row lock.
    public func update(id: UUID, _ changes: HiringPlanChanges, ifMatch: String?, scope: OrgScope, actor: UUID) async throws -> HiringPlanDetails {
        try await pool.withTransaction { connection in
            let current = try await lockedPlan(id, scope: scope, ifMatch: ifMatch, on: connection)
            try current.status.require(.draft, toBe: "changed")
            var lines: [HiringPlanLine]?
            var automationChanges: [AutomationChange]?
            if case .set(let value) = changes.lines { lines = value }
            if case .set(let value) = changes.automationChanges { automationChanges = value }
            try await HiringPlanContentSQL.requireReferences(
                planUnit: current.orgUnitID, lines: lines ?? [], automationChanges: automationChanges ?? [], on: connection
            )
            try await connection.query(
                "UPDATE hiring_plans SET name = $2::text, version = version + 1, updated_at = now() WHERE id = $1::uuid",
                [id, changes.name.applied(to: current.name)]
            )
            try await HiringPlanContentSQL.replace(of: id, lines: lines, automationChanges: automationChanges, on: connection)
            try await recordEvent(.updated, of: id, actor: actor, on: connection)
            return try await details(of: id, on: connection)
        }
    }

    /// Deletes a draft plan; 409 for any other state or while requisitions refer to it.
    public func delete(id: UUID, ifMatch: String?, scope: OrgScope) async throws {
        try await pool.withTransaction { connection in
            let current = try await lockedPlan(id, scope: scope, ifMatch: ifMatch, on: connection)
            try current.status.require(.draft, toBe: "deleted")
            _ = try await StoreErrors.translating {
                try await connection.query("DELETE FROM hiring_plans WHERE id = $1::uuid", [id])
            }
        }
    }

    /// The recorded events of a plan within `scope`, oldest first; nil when the plan is unknown or out of scope.
    public func events(of id: UUID, scope: OrgScope) async throws -> [HiringPlanEventRecord]? {
        try await pool.withConnection { connection in
            guard try await Self.contains(id, in: scope, lock: false, on: connection) else { return nil }
            return try await events(of: id, on: connection)
        }
    }

    private func events(of id: UUID, on connection: PostgresConnection) async throws -> [HiringPlanEventRecord] {
        try await connection.query(
            """
            SELECT kind, comment, revision_id, requisitions_created, actor_key_id, at
            FROM hiring_plan_events WHERE hiring_plan_id = $1::uuid ORDER BY id
            """,
            [id]
        ).map { row in
            guard let kind = HiringPlanEventKind(rawValue: try row.decode(String.self, "kind")) else {
                throw PostgresError(kind: .decoding, message: "invalid hiring plan event")
            }
            return HiringPlanEventRecord(
                kind: kind, comment: try row.decode(String?.self, "comment"), revisionID: try row.decode(UUID?.self, "revision_id"),
                requisitionsCreated: try row.decode(Int?.self, "requisitions_created"),
                actorKeyID: try row.decode(UUID.self, "actor_key_id"), at: try row.decode(Date.self, "at")
            )
        }
    }

    /// True when plan `id` exists and belongs to a unit within `scope`; `lock` locks its row for the rest of
    /// the transaction.
    static func contains(_ id: UUID, in scope: OrgScope, lock: Bool, on connection: PostgresConnection) async throws -> Bool {
        try await !connection.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT 1 FROM hiring_plans WHERE id = $2::uuid AND ($1::uuid IS NULL OR org_unit_id IN (SELECT id FROM scope))
            \(lock ? "FOR UPDATE" : "")
            """,
            [scope.root, id]
        ).isEmpty
    }

    /// The plan within `scope`, optionally locked for the rest of the transaction.
    func plan(_ id: UUID, scope: OrgScope, lock: Bool, on connection: PostgresConnection) async throws -> HiringPlanRecord? {
        if lock, try await !Self.contains(id, in: scope, lock: true, on: connection) { return nil }
        return try await connection.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT \(HiringPlanRecord.columns) FROM hiring_plans p \(HiringPlanRecord.totals)
            WHERE p.id = $2::uuid AND ($1::uuid IS NULL OR p.org_unit_id IN (SELECT id FROM scope))
            """,
            [scope.root, id]
        ).first.map(HiringPlanRecord.init)
    }

    /// The plan within `scope`, locked, after checking `ifMatch`; 404 when unknown or out of scope.
    func lockedPlan(_ id: UUID, scope: OrgScope, ifMatch: String?, on connection: PostgresConnection) async throws -> HiringPlanRecord {
        guard let current = try await plan(id, scope: scope, lock: true, on: connection) else {
            throw DomainError.notFound("No hiring plan with this id.")
        }
        try EntityTag.check(ifMatch: ifMatch, current: current.etag)
        return current
    }

    /// The plan as it stands now in the caller's transaction, with its lines and automation changes.
    func details(of id: UUID, on connection: PostgresConnection) async throws -> HiringPlanDetails {
        guard let plan = try await plan(id, scope: .everything, lock: false, on: connection) else {
            throw DomainError.notFound("No hiring plan with this id.")
        }
        return try await details(of: plan, on: connection)
    }

    func details(of plan: HiringPlanRecord, on connection: PostgresConnection) async throws -> HiringPlanDetails {
        HiringPlanDetails(
            plan: plan,
            lines: try await HiringPlanContentSQL.lines(of: plan.id, on: connection),
            automationChanges: try await HiringPlanContentSQL.automationChanges(of: plan.id, on: connection)
        )
    }

    func recordEvent(
        _ kind: HiringPlanEventKind, of id: UUID, comment: String? = nil, revisionID: UUID? = nil, requisitionsCreated: Int? = nil,
        actor: UUID, on connection: PostgresConnection
    ) async throws {
        try await connection.query(
            """
            INSERT INTO hiring_plan_events (hiring_plan_id, kind, comment, revision_id, requisitions_created, actor_key_id)
            VALUES ($1::uuid, $2::text, $3::text, $4::uuid, $5::integer, $6::uuid)
            """,
            [id, kind.rawValue, comment, revisionID, requisitionsCreated, actor]
        )
    }
}
