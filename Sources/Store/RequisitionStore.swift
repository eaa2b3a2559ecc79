import Domain
import Foundation
import Postgres

/// A stored requisition.
public struct RequisitionRecord: Sendable, Equatable {
    /// The requisition's id.
    public let id: UUID
    /// Org unit of the role.
    public let orgUnitID: UUID
    /// Role (job profile).
    public let roleID: UUID
    /// FTE to hire.
    public let fte: Double
    /// The position it backfills, if any.
    public let backfillPositionID: UUID?
    /// Why.
    public let reason: RequisitionReason
    /// How urgent.
    public let priority: RequisitionPriority
    /// Wanted start date.
    public let targetStartDate: CalendarDate
    /// Hiring plan it belongs to, if any.
    public let hiringPlanID: UUID?
    /// Current state.
    public let status: RequisitionStatus
    /// For `on_hold`: the state it resumes to.
    public let heldFrom: RequisitionStatus?
    /// The position created or filled when it was filled.
    public let filledPositionID: UUID?
    /// When it first became open.
    public let openedAt: Date?
    /// When it was filled.
    public let filledAt: Date?
    /// The hire's start date.
    public let startDate: CalendarDate?
    /// When it was created.
    public let createdAt: Date
    /// Incremented by every change.
    public let version: Int

    /// Whole days from first opening to being filled.
    public var timeToFillDays: Int? {
        guard let openedAt, let filledAt else { return nil }
        return Int((filledAt.timeIntervalSince(openedAt) / 86_400).rounded(.down))
    }

    /// The requisition's ETag.
    public var etag: String { EntityTag.make(id: id, version: version) }
}

/// A recorded status change.
public struct RequisitionTransitionRecord: Sendable, Equatable {
    /// Previous state (nil for creation).
    public let from: RequisitionStatus?
    /// New state.
    public let to: RequisitionStatus
    /// The actor's comment.
    public let comment: String?
    /// The API key that made the change.
    public let actorKeyID: UUID
    /// When.
    public let at: Date
}

/// Persistence of requisitions and their state machine.
public struct RequisitionStore: Sendable {
    private let pool: ConnectionPool
    private static let columns = """
        r.id, r.org_unit_id, r.role_id, r.fte::float8 AS fte, r.backfill_position_id, r.reason, r.priority,
        r.target_start_date::text AS target_start_date, r.hiring_plan_id, r.status, r.held_from, r.filled_position_id,
        r.opened_at, r.filled_at, r.start_date::text AS start_date, r.created_at, r.version
        """

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Creates a draft requisition inside `scope`, recording its creation.
    public func create(_ draft: RequisitionDraft, scope: OrgScope, actor: UUID) async throws -> RequisitionRecord {
        try await pool.withTransaction { connection in
            var orgUnitID = draft.orgUnitID
            var roleID = draft.roleID
            var fte = draft.fte
            if let positionID = draft.backfillPositionID {
                let latest = try await connection.query(
                    "SELECT max(valid_from)::text AS day FROM position_versions WHERE position_id = $1::uuid", [positionID]
                )
                let day = try latest.first.flatMap { try $0.decode(String?.self, "day") }.flatMap(CalendarDate.init)
                guard let day, let position = try await PositionStore(pool: pool).version(of: positionID, on: day, connection: connection)
                else { throw DomainError.unprocessable("The backfilled position does not exist.") }
                orgUnitID = orgUnitID ?? position.state.orgUnitID
                roleID = roleID ?? position.state.roleID
                fte = fte ?? position.state.fte
            }
            guard let orgUnitID, let roleID, let fte else {
                throw DomainError.invalid([FieldProblem(pointer: "", detail: "org_unit_id, role_id and fte are required unless backfill_position_id is given")])
            }
            guard try await OrgUnitStore.contains(orgUnitID, in: scope, on: connection) else {
                throw DomainError.unprocessable("The org unit does not exist or is outside your scope.")
            }
            if let planID = draft.hiringPlanID {
                if try await !HiringPlanStore.contains(planID, in: scope, lock: false, on: connection) {
                    throw DomainError.unresolvedReferences([FieldProblem(pointer: "/hiring_plan_id", detail: "no hiring plan in your scope has this id")])
                }
            }
            let id = UUID()
            _ = try await StoreErrors.translating {
                try await connection.query(
                    """
                    INSERT INTO requisitions (id, org_unit_id, role_id, fte, backfill_position_id, reason, priority, target_start_date,
                        hiring_plan_id, status, created_by)
                    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::numeric, $5::uuid, $6::text, $7::text, $8::date, $9::uuid, 'draft', $10::uuid)
                    """,
                    [id, orgUnitID, roleID, fte, draft.backfillPositionID, draft.reason.rawValue, draft.priority.rawValue,
                     draft.targetStartDate.description, draft.hiringPlanID, actor]
                )
            }
            try await record(id, from: nil, to: .draft, comment: nil, actor: actor, on: connection)
            return try await find(id, on: connection)!
        }
    }

    /// Creates one approved requisition per planned hire of hiring plan `planID` (a line with change +3 gives
    /// three: its org unit and role, FTE 1, reason growth, priority medium, starting on the line's month) inside
    /// the caller's transaction, recording each creation with `comment`. Returns how many were created.
    func createForHiringPlan(_ planID: UUID, comment: String, actor: UUID, on connection: PostgresConnection) async throws -> Int {
        let rows = try await StoreErrors.translating {
            try await connection.query(
                """
                WITH created AS (
                    INSERT INTO requisitions (id, org_unit_id, role_id, fte, reason, priority, target_start_date, hiring_plan_id,
                        status, created_by)
                    SELECT gen_random_uuid(), l.org_unit_id, l.role_id, 1, 'growth', 'medium', l.month, l.hiring_plan_id,
                           'approved', $2::uuid
                    FROM hiring_plan_lines l CROSS JOIN LATERAL generate_series(1, l.change) AS hire(n)
                    WHERE l.hiring_plan_id = $1::uuid AND l.change > 0
                    ORDER BY l.line_number, hire.n
                    RETURNING id
                ),
                recorded AS (
                    INSERT INTO requisition_transitions (requisition_id, from_status, to_status, comment, actor_key_id)
                    SELECT id, NULL, 'approved', $3::text, $2::uuid FROM created
                    RETURNING 1
                )
                SELECT count(*)::integer AS created FROM recorded
                """,
                [planID, actor, comment]
            )
        }
        return try rows[0].decode(Int.self, "created")
    }

    /// One requisition within `scope`.
    public func find(id: UUID, scope: OrgScope) async throws -> RequisitionRecord? {
        try await pool.query(
            "\(OrgUnitStore.scopeCTE) SELECT \(Self.columns) FROM requisitions r WHERE r.id = $2::uuid AND ($1::uuid IS NULL OR r.org_unit_id IN (SELECT id FROM scope))",
            [scope.root, id]
        ).first.map(Self.record)
    }

    /// Requisitions within `scope` (only those in `status` and of `hiringPlanID` when given), by id, after `cursor`.
    public func list(
        status: RequisitionStatus?, hiringPlanID: UUID? = nil, scope: OrgScope, after cursor: UUID?, limit: Int
    ) async throws -> [RequisitionRecord] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeCTE)
            SELECT \(Self.columns) FROM requisitions r
            WHERE ($1::uuid IS NULL OR r.org_unit_id IN (SELECT id FROM scope))
              AND ($2::text IS NULL OR r.status = $2::text)
              AND ($3::uuid IS NULL OR r.id > $3::uuid)
              AND ($5::uuid IS NULL OR r.hiring_plan_id = $5::uuid)
            ORDER BY r.id LIMIT $4::integer
            """,
            [scope.root, status?.rawValue, cursor, limit, hiringPlanID]
        ).map(Self.record)
    }

    /// The recorded transitions of a requisition, oldest first.
    public func transitions(of id: UUID) async throws -> [RequisitionTransitionRecord] {
        try await pool.query(
            "SELECT from_status, to_status, comment, actor_key_id, at FROM requisition_transitions WHERE requisition_id = $1::uuid ORDER BY id",
            [id]
        ).map { row in
            RequisitionTransitionRecord(
                from: try row.decode(String?.self, "from_status").flatMap(RequisitionStatus.init(rawValue:)),
                to: RequisitionStatus(rawValue: try row.decode(String.self, "to_status")) ?? .draft,
                comment: try row.decode(String?.self, "comment"),
                actorKeyID: try row.decode(UUID.self, "actor_key_id"),
                at: try row.decode(Date.self, "at")
            )
        }
    }

    /// Moves a requisition to `move.target` after `authorize` accepts the move; filling creates or fills its position
    /// in the same transaction, effective on the start date.
    public func transition(
        id: UUID, _ move: RequisitionMove, ifMatch: String?, scope: OrgScope,
        actor: UUID, authorize: (RequisitionStatus) throws -> Void
    ) async throws -> RequisitionRecord {
        try await pool.withTransaction { connection in
            let locked = try await connection.query(
                "\(OrgUnitStore.scopeCTE) SELECT \(Self.columns) FROM requisitions r WHERE r.id = $2::uuid AND ($1::uuid IS NULL OR r.org_unit_id IN (SELECT id FROM scope)) FOR UPDATE OF r",
                [scope.root, id]
            )
            guard let current = try locked.first.map(Self.record) else { throw DomainError.notFound("No requisition with this id.") }
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            try current.status.requireTransition(to: move.target, heldFrom: current.heldFrom)
            try authorize(current.status)
            var filledPosition: UUID?
            var startDate: CalendarDate?
            if move.target == .filled {
                startDate = move.startDate ?? current.targetStartDate
                filledPosition = try await fillPosition(current, startDate: startDate!, employeeRef: move.employeeRef, actor: actor, on: connection)
            }
            try await connection.query(
                """
                UPDATE requisitions SET status = $2::text, held_from = $3::text, version = version + 1, updated_at = now(),
                    opened_at = CASE WHEN $2::text = 'open' THEN coalesce(opened_at, now()) ELSE opened_at END,
                    filled_at = CASE WHEN $2::text = 'filled' THEN now() ELSE filled_at END,
                    filled_position_id = coalesce($4::uuid, filled_position_id), start_date = coalesce($5::date, start_date)
                WHERE id = $1::uuid
                """,
                [id, move.target.rawValue, move.target == .onHold ? current.status.rawValue : nil, filledPosition, startDate?.description]
            )
            try await record(id, from: current.status, to: move.target, comment: move.comment, actor: actor, on: connection)
            return try await find(id, on: connection)!
        }
    }

    /// Creates the new position, or a filled version of the backfilled one, from `startDate`.
    private func fillPosition(
        _ requisition: RequisitionRecord, startDate: CalendarDate, employeeRef: String?, actor: UUID, on connection: PostgresConnection
    ) async throws -> UUID {
        let positions = PositionStore(pool: pool)
        if let positionID = requisition.backfillPositionID {
            let changes = try PositionChanges(
                orgUnitID: nil, roleID: nil, fte: nil, status: .filled, queueID: nil, employeeRef: employeeRef, salaryOverride: nil,
                present: employeeRef == nil ? ["status"] : ["status", "employee_ref"]
            )
            _ = try await positions.update(
                id: positionID, changes, effectiveDate: startDate, ifMatch: nil, scope: .everything, recordedBy: actor, on: connection
            )
            return positionID
        }
        let state = try PositionState(
            orgUnitID: requisition.orgUnitID.uuidString, roleID: requisition.roleID.uuidString, fte: requisition.fte, status: .filled,
            queueID: nil, employeeRef: employeeRef, salaryOverride: nil
        )
        return try await positions.create(
            state, externalID: nil, effectiveDate: startDate, scope: .everything, recordedBy: actor, on: connection
        ).id
    }

    private func record(_ id: UUID, from: RequisitionStatus?, to: RequisitionStatus, comment: String?, actor: UUID, on connection: PostgresConnection) async throws {
        try await connection.query(
            "INSERT INTO requisition_transitions (requisition_id, from_status, to_status, comment, actor_key_id) VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::uuid)",
            [id, from?.rawValue, to.rawValue, comment, actor]
        )
    }

    private func find(_ id: UUID, on connection: PostgresConnection) async throws -> RequisitionRecord? {
        try await connection.query("SELECT \(Self.columns) FROM requisitions r WHERE r.id = $1::uuid", [id]).first.map(Self.record)
    }

    private static func record(_ row: PostgresRow) throws -> RequisitionRecord {
        guard let reason = RequisitionReason(rawValue: try row.decode(String.self, "reason")),
            let priority = RequisitionPriority(rawValue: try row.decode(String.self, "priority")),
            let status = RequisitionStatus(rawValue: try row.decode(String.self, "status")),
            let target = CalendarDate(try row.decode(String.self, "target_start_date"))
        else { throw PostgresError(kind: .decoding, message: "invalid requisition row") }
        return RequisitionRecord(
            id: try row.decode(UUID.self, "id"),
            orgUnitID: try row.decode(UUID.self, "org_unit_id"),
            roleID: try row.decode(UUID.self, "role_id"),
            fte: try row.decode(Double.self, "fte"),
            backfillPositionID: try row.decode(UUID?.self, "backfill_position_id"),
            reason: reason,
            priority: priority,
            targetStartDate: target,
            hiringPlanID: try row.decode(UUID?.self, "hiring_plan_id"),
            status: status,
            heldFrom: try row.decode(String?.self, "held_from").flatMap(RequisitionStatus.init(rawValue:)),
            filledPositionID: try row.decode(UUID?.self, "filled_position_id"),
            openedAt: try row.decode(Date?.self, "opened_at"),
            filledAt: try row.decode(Date?.self, "filled_at"),
            startDate: try row.decode(String?.self, "start_date").flatMap(CalendarDate.init),
            createdAt: try row.decode(Date.self, "created_at"),
            version: try row.decode(Int.self, "version")
        )
    }
}
