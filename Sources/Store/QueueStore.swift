import Domain
import Foundation
import Postgres

/// A stored work queue.
public struct QueueRecord: Sendable, Equatable {
    /// The queue's id.
    public let id: UUID
    /// The validated fields.
    public let fields: QueueDraft
    /// Incremented by every change.
    public let version: Int
    /// When the queue was created.
    public let createdAt: Date
    /// When the queue last changed.
    public let updatedAt: Date

    /// The queue's ETag.
    public var etag: String { EntityTag.make(id: id, version: version) }
}

/// Filters of a queue list.
public struct QueueFilter: Sendable {
    /// Only queues of this unit's subtree.
    public var subtree: UUID?
    /// Only this channel.
    public var channel: QueueChannel?
    /// Only the queue with this key.
    public var externalID: String?

    /// Creates a filter.
    public init(subtree: UUID? = nil, channel: QueueChannel? = nil, externalID: String? = nil) {
        self.subtree = subtree
        self.channel = channel
        self.externalID = externalID
    }
}

/// Stored demand of one queue and month.
public struct DemandRecord: Sendable, Equatable {
    /// The month.
    public let month: CalendarMonth
    /// Actual new issues.
    public let actualVolume: Int64?
    /// Forecast new issues.
    public let forecastVolume: Int64?
    /// When the month last changed.
    public let updatedAt: Date
}

/// A stored automation-coverage setting.
public struct AutomationSettingRecord: Sendable, Equatable {
    /// First month the setting is in force.
    public let effectiveMonth: CalendarMonth
    /// The validated fields.
    public let fields: AutomationSettingDraft
    /// When it was recorded.
    public let recordedAt: Date
    /// The API key that recorded it.
    public let recordedBy: UUID
}

extension [AutomationSettingRecord] {
    /// The setting in force in `month` (the latest starting no later), in a history ordered by month.
    public func inForce(at month: CalendarMonth) -> AutomationSettingRecord? {
        last { $0.effectiveMonth <= month }
    }
}

/// One queue's inputs for a month: its definition, demand and the automation setting in force.
public struct QueueMonthInputs: Sendable {
    /// The queue.
    public let queue: QueueRecord
    /// Demand of the month, if recorded.
    public let demand: DemandRecord?
    /// Automation in force in the month, if any.
    public let automation: AutomationSettingRecord?
    /// FTE of filled positions staffing the queue on the month's first day.
    public let staffedFTE: Double
}

/// Persistence of work queues, their monthly demand and automation coverage.
public struct QueueStore: Sendable {
    private let pool: ConnectionPool
    private static let columns = """
        q.id, q.org_unit_id, q.name, q.channel, q.operating_hours_per_month::float8 AS operating_hours_per_month,
        q.peak_factor::float8 AS peak_factor, q.service_level_target::float8 AS service_level_target, q.service_level_seconds,
        q.max_abandonment::float8 AS max_abandonment, q.mean_patience_seconds::float8 AS mean_patience_seconds,
        q.human_aht_seconds::float8 AS human_aht_seconds,
        q.human_first_contact_resolution::float8 AS human_first_contact_resolution, q.shrinkage::float8 AS shrinkage,
        q.concurrency::float8 AS concurrency, q.external_id, q.version, q.created_at, q.updated_at
        """
    private static let fieldColumns = """
        org_unit_id, name, channel, operating_hours_per_month, peak_factor, service_level_target, service_level_seconds,
        max_abandonment, mean_patience_seconds, human_aht_seconds, human_first_contact_resolution, shrinkage, concurrency, external_id
        """
    private static let fieldValues = """
        $2::uuid, $3::text, $4::text, $5::float8, $6::float8, $7::float8, $8::integer, $9::float8, $10::float8,
        $11::float8, $12::float8, $13::float8, $14::float8, $15::text
        """
    private static let automationColumns = """
        a.effective_month::text AS effective_month, a.bot_first_share::float8 AS bot_first_share,
        a.true_containment::float8 AS true_containment, a.false_containment::float8 AS false_containment,
        a.escalation_aht_multiplier::float8 AS escalation_aht_multiplier, a.currency,
        a.bot_cost_per_conversation::text AS bot_cost_per_conversation, a.bot_satisfaction::float8 AS bot_satisfaction,
        a.recorded_at, a.recorded_by
        """

    /// Creates a store on a pool.
    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Creates a queue in an org unit inside `scope` (422 when the unit is unknown or outside it).
    public func create(_ draft: QueueDraft, scope: OrgScope) async throws -> QueueRecord {
        try await pool.withTransaction { connection in
            try await Self.requireUnit(draft.orgUnitID, in: scope, on: connection)
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    "INSERT INTO queues AS q (id, \(Self.fieldColumns)) VALUES ($1::uuid, \(Self.fieldValues)) RETURNING \(Self.columns)",
                    [UUID()] + Self.parameters(draft)
                )
            }
            return try Self.record(rows[0])
        }
    }

    /// One queue within `scope`.
    public func find(id: UUID, scope: OrgScope) async throws -> QueueRecord? {
        try await pool.query(
            "\(OrgUnitStore.scopeCTE) SELECT \(Self.columns) FROM queues q WHERE q.id = $2::uuid AND \(Self.inScope)",
            [scope.root, id]
        ).first.map(Self.record)
    }

    /// Queues within `scope` matching `filter`, by id, after `cursor`.
    public func list(_ filter: QueueFilter, scope: OrgScope, after cursor: UUID?, limit: Int) async throws -> [QueueRecord] {
        try await pool.query(
            """
            \(OrgUnitStore.scopeAndFilterCTE)
            SELECT \(Self.columns) FROM queues q
            WHERE \(Self.inScope)
              AND ($2::uuid IS NULL OR q.org_unit_id IN (SELECT id FROM filter_tree))
              AND ($3::text IS NULL OR q.channel = $3::text)
              AND ($4::text IS NULL OR q.external_id = $4::text)
              AND ($5::uuid IS NULL OR q.id > $5::uuid)
            ORDER BY q.id
            LIMIT $6::integer
            """,
            [scope.root, filter.subtree, filter.channel?.rawValue, filter.externalID, cursor, limit]
        ).map(Self.record)
    }

    /// Applies changes; `ifMatch` is checked against the current ETag under a row lock. A queue moved to
    /// another unit must stay inside `scope`.
    public func update(id: UUID, _ changes: QueueChanges, ifMatch: String?, scope: OrgScope) async throws -> QueueRecord {
        try await pool.withTransaction { connection in
            let current = try await Self.lock(id: id, scope: scope, on: connection)
            let next = try current.fields.applying(changes)
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            if next.orgUnitID != current.fields.orgUnitID { try await Self.requireUnit(next.orgUnitID, in: scope, on: connection) }
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    """
                    UPDATE queues AS q SET (\(Self.fieldColumns)) = (\(Self.fieldValues)), version = version + 1, updated_at = now()
                    WHERE q.id = $1::uuid
                    RETURNING \(Self.columns)
                    """,
                    [id] + Self.parameters(next)
                )
            }
            return try Self.record(rows[0])
        }
    }

    /// Deletes a queue no position or plan refers to (its demand and automation go with it).
    public func delete(id: UUID, ifMatch: String?, scope: OrgScope) async throws {
        try await pool.withTransaction { connection in
            let current = try await Self.lock(id: id, scope: scope, on: connection)
            try EntityTag.check(ifMatch: ifMatch, current: current.etag)
            _ = try await StoreErrors.translating {
                try await connection.query("DELETE FROM queues WHERE id = $1::uuid", [id])
            }
        }
    }

    /// Upserts demand months in one statement: a figure given replaces the stored one, an absent figure keeps it.
    /// Returns the stored rows of the months sent, in month order.
    public func putDemand(queueID: UUID, _ entries: [DemandEntry], actor: UUID, scope: OrgScope) async throws -> [DemandRecord] {
        try await pool.withTransaction { connection in
            _ = try await Self.lock(id: queueID, scope: scope, on: connection)
            let months = entries.map { $0.month.firstDay.description }.joined(separator: ",")
            let actuals = entries.map { $0.actualVolume.map(String.init) ?? "" }.joined(separator: ",")
            let forecasts = entries.map { $0.forecastVolume.map(String.init) ?? "" }.joined(separator: ",")
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    """
                    INSERT INTO queue_demand AS d (queue_id, month, actual_volume, forecast_volume, updated_by)
                    SELECT $1::uuid, m::date, nullif(a, '')::bigint, nullif(f, '')::bigint, $5::uuid
                    FROM unnest(string_to_array($2::text, ','), string_to_array($3::text, ','), string_to_array($4::text, ','))
                        AS input(m, a, f)
                    ON CONFLICT (queue_id, month) DO UPDATE SET
                        actual_volume = coalesce(excluded.actual_volume, d.actual_volume),
                        forecast_volume = coalesce(excluded.forecast_volume, d.forecast_volume),
                        updated_at = now(), updated_by = excluded.updated_by
                    RETURNING d.month::text AS month, d.actual_volume, d.forecast_volume, d.updated_at
                    """,
                    [queueID, months, actuals, forecasts, actor]
                )
            }
            return try rows.map(Self.demand).sorted { $0.month < $1.month }
        }
    }

    /// Stored demand of a queue between two months (inclusive), in month order.
    public func demand(queueID: UUID, from first: CalendarMonth, to last: CalendarMonth) async throws -> [DemandRecord] {
        try await demand(queueIDs: [queueID], from: first, to: last)[queueID] ?? []
    }

    /// Stored demand of each queue between two months (inclusive), in month order, in one query.
    public func demand(queueIDs: [UUID], from first: CalendarMonth, to last: CalendarMonth) async throws -> [UUID: [DemandRecord]] {
        let rows = try await pool.query(
            """
            SELECT queue_id, month::text AS month, actual_volume, forecast_volume, updated_at FROM queue_demand
            WHERE queue_id = ANY (string_to_array($1::text, ',')::uuid[]) AND month BETWEEN $2::date AND $3::date
            ORDER BY queue_id, month
            """,
            [queueIDs.map(\.uuidString).joined(separator: ","), first.firstDay.description, last.firstDay.description]
        )
        var demand: [UUID: [DemandRecord]] = [:]
        for row in rows { demand[try row.decode(UUID.self, "queue_id"), default: []].append(try Self.demand(row)) }
        return demand
    }

    /// Creates or replaces the setting in force from `month`; `created` tells which.
    public func setAutomation(
        queueID: UUID, from month: CalendarMonth, _ draft: AutomationSettingDraft, actor: UUID, scope: OrgScope
    ) async throws -> (record: AutomationSettingRecord, created: Bool) {
        try await pool.withTransaction { connection in
            _ = try await Self.lock(id: queueID, scope: scope, on: connection)
            let rows = try await StoreErrors.translating {
                try await connection.query(
                    """
                    INSERT INTO queue_automation AS a (queue_id, effective_month, bot_first_share, true_containment, false_containment,
                        escalation_aht_multiplier, currency, bot_cost_per_conversation, bot_satisfaction, recorded_by)
                    VALUES ($1::uuid, $2::date, $3::float8, $4::float8, $5::float8, $6::float8, $7::text, $8::numeric, $9::float8, $10::uuid)
                    ON CONFLICT (queue_id, effective_month) DO UPDATE SET
                        bot_first_share = excluded.bot_first_share, true_containment = excluded.true_containment,
                        false_containment = excluded.false_containment, escalation_aht_multiplier = excluded.escalation_aht_multiplier,
                        currency = excluded.currency, bot_cost_per_conversation = excluded.bot_cost_per_conversation,
                        bot_satisfaction = excluded.bot_satisfaction, recorded_at = now(), recorded_by = excluded.recorded_by
                    RETURNING \(Self.automationColumns), (xmax = 0) AS created
                    """,
                    [
                        queueID, month.firstDay.description, draft.botFirstShare, draft.trueContainment, draft.falseContainment,
                        draft.escalationAHTMultiplier, draft.currency.description, draft.botCostPerConversation.description,
                        draft.botSatisfaction, actor,
                    ]
                )
            }
            return (try Self.automation(rows[0]), try rows[0].decode(Bool.self, "created"))
        }
    }

    /// Every automation setting of a queue, by effective month.
    public func automationHistory(queueID: UUID) async throws -> [AutomationSettingRecord] {
        try await automationHistories(queueIDs: [queueID])[queueID] ?? []
    }

    /// Every automation setting of each queue, by effective month, in one query.
    public func automationHistories(queueIDs: [UUID]) async throws -> [UUID: [AutomationSettingRecord]] {
        let rows = try await pool.query(
            """
            SELECT a.queue_id, \(Self.automationColumns) FROM queue_automation a
            WHERE a.queue_id = ANY (string_to_array($1::text, ',')::uuid[])
            ORDER BY a.queue_id, a.effective_month
            """,
            [queueIDs.map(\.uuidString).joined(separator: ",")]
        )
        var histories: [UUID: [AutomationSettingRecord]] = [:]
        for row in rows { histories[try row.decode(UUID.self, "queue_id"), default: []].append(try Self.automation(row)) }
        return histories
    }

    /// Removes the setting that starts in `month`; 404 when there is none.
    public func deleteAutomation(queueID: UUID, from month: CalendarMonth, scope: OrgScope) async throws {
        try await pool.withTransaction { connection in
            _ = try await Self.lock(id: queueID, scope: scope, on: connection)
            let rows = try await connection.query(
                "DELETE FROM queue_automation WHERE queue_id = $1::uuid AND effective_month = $2::date RETURNING 1",
                [queueID, month.firstDay.description]
            )
            if rows.isEmpty { throw DomainError.notFound("The queue has no automation setting starting in \(month).") }
        }
    }

    /// Every queue within `scope` (and `subtree`, when given) with its demand of `month` and the automation
    /// setting in force then, by queue name and id; at most `limit` queues.
    public func monthInputs(month: CalendarMonth, subtree: UUID?, scope: OrgScope, limit: Int) async throws -> [QueueMonthInputs] {
        let rows = try await pool.query(
            """
            \(OrgUnitStore.scopeAndFilterCTE)
            SELECT \(Self.columns),
                   d.month::text AS demand_month, d.actual_volume, d.forecast_volume, d.updated_at AS demand_updated_at,
                   \(Self.automationColumns),
                   (SELECT coalesce(sum(v.fte), 0)::float8 FROM position_versions v
                    WHERE v.queue_id = q.id AND v.status = 'filled' AND v.valid_from <= $3::date
                      AND (v.valid_to IS NULL OR v.valid_to > $3::date)) AS staffed_fte
            FROM queues q
            LEFT JOIN queue_demand d ON d.queue_id = q.id AND d.month = $3::date
            LEFT JOIN LATERAL (
                SELECT * FROM queue_automation x WHERE x.queue_id = q.id AND x.effective_month <= $3::date
                ORDER BY x.effective_month DESC LIMIT 1
            ) a ON true
            WHERE \(Self.inScope)
              AND ($2::uuid IS NULL OR q.org_unit_id IN (SELECT id FROM filter_tree))
            ORDER BY q.name, q.id
            LIMIT $4::integer
            """,
            [scope.root, subtree, month.firstDay.description, limit]
        )
        return try rows.map { row in
            QueueMonthInputs(
                queue: try Self.record(row),
                demand: try row.decode(String?.self, "demand_month") == nil ? nil : DemandRecord(
                    month: month, actualVolume: try row.decode(Int64?.self, "actual_volume"),
                    forecastVolume: try row.decode(Int64?.self, "forecast_volume"),
                    updatedAt: try row.decode(Date.self, "demand_updated_at")
                ),
                automation: try row.decode(String?.self, "effective_month") == nil ? nil : try Self.automation(row),
                staffedFTE: try row.decode(Double.self, "staffed_fte")
            )
        }
    }

    static let inScope = "($1::uuid IS NULL OR q.org_unit_id IN (SELECT id FROM scope))"

    private static func lock(id: UUID, scope: OrgScope, on connection: PostgresConnection) async throws -> QueueRecord {
        let rows = try await connection.query(
            "\(OrgUnitStore.scopeCTE) SELECT \(Self.columns) FROM queues q WHERE q.id = $2::uuid AND \(Self.inScope) FOR UPDATE OF q",
            [scope.root, id]
        )
        guard let current = try rows.first.map(Self.record) else { throw DomainError.notFound("No queue with this id.") }
        return current
    }

    private static func requireUnit(_ id: UUID, in scope: OrgScope, on connection: PostgresConnection) async throws {
        guard try await OrgUnitStore.contains(id, in: scope, on: connection) else {
            throw DomainError.unprocessable("The org unit does not exist or is outside your scope.")
        }
    }

    private static func parameters(_ draft: QueueDraft) -> [any PostgresEncodable] {
        [
            draft.orgUnitID, draft.name, draft.channel.rawValue, draft.operatingHoursPerMonth, draft.peakFactor,
            draft.serviceLevelTarget, draft.serviceLevelSeconds, draft.maximumAbandonment, draft.meanPatienceSeconds,
            draft.humanAHTSeconds, draft.humanFirstContactResolution, draft.shrinkage, draft.concurrency, draft.externalID,
        ]
    }

    private static func record(_ row: PostgresRow) throws -> QueueRecord {
        QueueRecord(
            id: try row.decode(UUID.self, "id"),
            fields: try QueueDraft(
                orgUnitID: try row.decode(UUID.self, "org_unit_id").uuidString,
                name: try row.decode(String.self, "name"),
                channel: QueueChannel(rawValue: try row.decode(String.self, "channel")) ?? .other,
                operatingHoursPerMonth: try row.decode(Double.self, "operating_hours_per_month"),
                peakFactor: try row.decode(Double.self, "peak_factor"),
                serviceLevelTarget: try row.decode(Double.self, "service_level_target"),
                serviceLevelSeconds: try row.decode(Int.self, "service_level_seconds"),
                maximumAbandonment: try row.decode(Double?.self, "max_abandonment"),
                meanPatienceSeconds: try row.decode(Double.self, "mean_patience_seconds"),
                humanAHTSeconds: try row.decode(Double.self, "human_aht_seconds"),
                humanFirstContactResolution: try row.decode(Double.self, "human_first_contact_resolution"),
                shrinkage: try row.decode(Double.self, "shrinkage"),
                concurrency: try row.decode(Double.self, "concurrency"),
                externalID: try row.decode(String?.self, "external_id")
            ),
            version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"),
            updatedAt: try row.decode(Date.self, "updated_at")
        )
    }

    private static func demand(_ row: PostgresRow) throws -> DemandRecord {
        let text = try row.decode(String.self, "month")
        guard let date = CalendarDate(text) else { throw DomainError.unprocessable("Stored month \(text) is invalid.") }
        return DemandRecord(
            month: CalendarMonth(date), actualVolume: try row.decode(Int64?.self, "actual_volume"),
            forecastVolume: try row.decode(Int64?.self, "forecast_volume"), updatedAt: try row.decode(Date.self, "updated_at")
        )
    }

    private static func automation(_ row: PostgresRow) throws -> AutomationSettingRecord {
        let text = try row.decode(String.self, "effective_month")
        guard let date = CalendarDate(text) else { throw DomainError.unprocessable("Stored month \(text) is invalid.") }
        return AutomationSettingRecord(
            effectiveMonth: CalendarMonth(date),
            fields: try AutomationSettingDraft(
                botFirstShare: try row.decode(Double.self, "bot_first_share"),
                trueContainment: try row.decode(Double.self, "true_containment"),
                falseContainment: try row.decode(Double.self, "false_containment"),
                escalationAHTMultiplier: try row.decode(Double.self, "escalation_aht_multiplier"),
                currency: try row.decode(String.self, "currency"),
                botCostPerConversation: try row.decode(String.self, "bot_cost_per_conversation"),
                botSatisfaction: try row.decode(Double.self, "bot_satisfaction")
            ),
            recordedAt: try row.decode(Date.self, "recorded_at"),
            recordedBy: try row.decode(UUID.self, "recorded_by")
        )
    }
}
