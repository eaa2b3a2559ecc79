import Domain
import Foundation
import Postgres

/// SQL of a plan's lines and automation changes: each list travels as one `jsonb` parameter, so a plan of
/// thousands of lines is checked and stored in a few statements.
enum HiringPlanContentSQL {
    /// Most reference problems listed in one response.
    static let maximumReportedProblems = 100

    /// Throws ``DomainError/unresolvedReferences(_:)`` naming every line and change whose org unit, role or
    /// queue does not exist or lies outside the subtree of `planUnit`.
    static func requireReferences(
        planUnit: UUID, lines: [HiringPlanLine], automationChanges: [AutomationChange], on connection: PostgresConnection
    ) async throws {
        guard !lines.isEmpty || !automationChanges.isEmpty else { return }
        let rows = try await connection.query(
            """
            \(OrgUnitStore.scopeCTE),
            lines AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS l(n integer, org_unit_id uuid, role_id uuid, queue_id uuid)),
            changes AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS c(n integer, queue_id uuid)),
            problems AS (
                SELECT 1 AS part, n, 1 AS field, '/lines/' || n || '/org_unit_id' AS pointer,
                       'is not the plan''s org unit or one of its descendants' AS detail
                FROM lines WHERE org_unit_id NOT IN (SELECT id FROM scope)
                UNION ALL
                SELECT 1, n, 2, '/lines/' || n || '/role_id', 'no role has this id'
                FROM lines l WHERE NOT EXISTS (SELECT 1 FROM job_roles r WHERE r.id = l.role_id)
                UNION ALL
                SELECT 1, n, 3, '/lines/' || n || '/queue_id', 'no queue of the plan''s org unit or its descendants has this id'
                FROM lines l WHERE l.queue_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM queues q WHERE q.id = l.queue_id AND q.org_unit_id IN (SELECT id FROM scope))
                UNION ALL
                SELECT 2, n, 3, '/automation_changes/' || n || '/queue_id',
                       'no queue of the plan''s org unit or its descendants has this id'
                FROM changes c WHERE NOT EXISTS (
                    SELECT 1 FROM queues q WHERE q.id = c.queue_id AND q.org_unit_id IN (SELECT id FROM scope)
                )
            )
            SELECT pointer, detail FROM problems ORDER BY part, n, field LIMIT $4::integer
            """,
            [planUnit, PostgresJSON(lines.enumerated().map(LineRow.init)),
             PostgresJSON(automationChanges.enumerated().map(ChangeRow.init)), maximumReportedProblems]
        )
        let problems = try rows.map { FieldProblem(pointer: try $0.decode(String.self, "pointer"), detail: try $0.decode(String.self, "detail")) }
        if !problems.isEmpty { throw DomainError.unresolvedReferences(problems) }
    }

    /// Replaces the stored lines and automation changes of `plan` with the given ones (nil leaves a list as it is).
    static func replace(
        of plan: UUID, lines: [HiringPlanLine]?, automationChanges: [AutomationChange]?, on connection: PostgresConnection
    ) async throws {
        try await StoreErrors.translating {
            if let lines {
                try await connection.query("DELETE FROM hiring_plan_lines WHERE hiring_plan_id = $1::uuid", [plan])
                try await connection.query(
                    """
                    INSERT INTO hiring_plan_lines (hiring_plan_id, line_number, month, org_unit_id, role_id, queue_id, change, reason)
                    SELECT $1::uuid, n, month, org_unit_id, role_id, queue_id, change, reason
                    FROM jsonb_to_recordset($2::jsonb)
                        AS l(n integer, month date, org_unit_id uuid, role_id uuid, queue_id uuid, change integer, reason text)
                    """,
                    [plan, PostgresJSON(lines.enumerated().map(LineRow.init))]
                )
            }
            if let automationChanges {
                try await connection.query("DELETE FROM hiring_plan_automation_changes WHERE hiring_plan_id = $1::uuid", [plan])
                try await connection.query(
                    """
                    INSERT INTO hiring_plan_automation_changes (hiring_plan_id, change_number, month, queue_id, bot_first_share,
                        true_containment, false_containment, escalation_aht_multiplier, currency, bot_cost_per_conversation,
                        bot_satisfaction)
                    SELECT $1::uuid, n, month, queue_id, bot_first_share, true_containment, false_containment,
                           escalation_aht_multiplier, currency, bot_cost_per_conversation, bot_satisfaction
                    FROM jsonb_to_recordset($2::jsonb) AS c(n integer, month date, queue_id uuid, bot_first_share numeric,
                        true_containment numeric, false_containment numeric, escalation_aht_multiplier numeric, currency text,
                        bot_cost_per_conversation numeric, bot_satisfaction numeric)
                    """,
                    [plan, PostgresJSON(automationChanges.enumerated().map(ChangeRow.init))]
                )
            }
        }
    }

    /// Copies the lines and automation changes of `source` to `target` (a new revision).
    static func copy(from source: UUID, to target: UUID, on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO hiring_plan_lines (hiring_plan_id, line_number, month, org_unit_id, role_id, queue_id, change, reason)
            SELECT $2::uuid, line_number, month, org_unit_id, role_id, queue_id, change, reason
            FROM hiring_plan_lines WHERE hiring_plan_id = $1::uuid
            """,
            [source, target]
        )
        try await connection.query(
            """
            INSERT INTO hiring_plan_automation_changes (hiring_plan_id, change_number, month, queue_id, bot_first_share,
                true_containment, false_containment, escalation_aht_multiplier, currency, bot_cost_per_conversation, bot_satisfaction)
            SELECT $2::uuid, change_number, month, queue_id, bot_first_share, true_containment, false_containment,
                   escalation_aht_multiplier, currency, bot_cost_per_conversation, bot_satisfaction
            FROM hiring_plan_automation_changes WHERE hiring_plan_id = $1::uuid
            """,
            [source, target]
        )
    }

    /// The stored lines of `plan`, in order.
    static func lines(of plan: UUID, on connection: PostgresConnection) async throws -> [HiringPlanLine] {
        try await connection.query(
            """
            SELECT month::text AS month, org_unit_id, role_id, queue_id, change, reason
            FROM hiring_plan_lines WHERE hiring_plan_id = $1::uuid ORDER BY line_number
            """,
            [plan]
        ).map { row in
            guard let month = CalendarDate(try row.decode(String.self, "month")) else {
                throw PostgresError(kind: .decoding, message: "invalid hiring plan line month")
            }
            return HiringPlanLine(
                month: month, orgUnitID: try row.decode(UUID.self, "org_unit_id"), roleID: try row.decode(UUID.self, "role_id"),
                queueID: try row.decode(UUID?.self, "queue_id"), change: try row.decode(Int.self, "change"),
                reason: try row.decode(String.self, "reason")
            )
        }
    }

    /// The stored automation changes of `plan`, in order.
    static func automationChanges(of plan: UUID, on connection: PostgresConnection) async throws -> [AutomationChange] {
        try await connection.query(
            """
            SELECT month::text AS month, queue_id, bot_first_share::float8 AS bot_first_share,
                   true_containment::float8 AS true_containment, false_containment::float8 AS false_containment,
                   escalation_aht_multiplier::float8 AS escalation_aht_multiplier, currency::text AS currency,
                   bot_cost_per_conversation::text AS bot_cost_per_conversation, bot_satisfaction::float8 AS bot_satisfaction
            FROM hiring_plan_automation_changes WHERE hiring_plan_id = $1::uuid ORDER BY change_number
            """,
            [plan]
        ).map { row in
            guard let month = CalendarDate(try row.decode(String.self, "month")) else {
                throw PostgresError(kind: .decoding, message: "invalid automation change month")
            }
            return AutomationChange(
                month: month, queueID: try row.decode(UUID.self, "queue_id"),
                botFirstShare: try row.decode(Double?.self, "bot_first_share"),
                trueContainment: try row.decode(Double?.self, "true_containment"),
                falseContainment: try row.decode(Double?.self, "false_containment"),
                escalationAHTMultiplier: try row.decode(Double?.self, "escalation_aht_multiplier"),
                botCostPerConversation: try row.decode(String?.self, "bot_cost_per_conversation").flatMap(UnitPrice.init),
                currency: try row.decode(String?.self, "currency").flatMap(CurrencyCode.init),
                botSatisfaction: try row.decode(Double?.self, "bot_satisfaction")
            )
        }
    }

    private struct LineRow: Codable, Sendable {
        let n: Int
        let month: String
        let orgUnitID: UUID
        let roleID: UUID
        let queueID: UUID?
        let change: Int
        let reason: String

        init(_ number: Int, _ line: HiringPlanLine) {
            n = number
            month = line.month.description
            orgUnitID = line.orgUnitID
            roleID = line.roleID
            queueID = line.queueID
            change = line.change
            reason = line.reason
        }

        enum CodingKeys: String, CodingKey {
            case n, month, change, reason
            case orgUnitID = "org_unit_id"
            case roleID = "role_id"
            case queueID = "queue_id"
        }
    }

    private struct ChangeRow: Codable, Sendable {
        let n: Int
        let month: String
        let queueID: UUID
        let botFirstShare: Double?
        let trueContainment: Double?
        let falseContainment: Double?
        let escalationAHTMultiplier: Double?
        let currency: String?
        let botCostPerConversation: String?
        let botSatisfaction: Double?

        init(_ number: Int, _ change: AutomationChange) {
            n = number
            month = change.month.description
            queueID = change.queueID
            botFirstShare = change.botFirstShare
            trueContainment = change.trueContainment
            falseContainment = change.falseContainment
            escalationAHTMultiplier = change.escalationAHTMultiplier
            currency = change.currency?.description
            botCostPerConversation = change.botCostPerConversation?.description
            botSatisfaction = change.botSatisfaction
        }

        enum CodingKeys: String, CodingKey {
            case n, month, currency
            case queueID = "queue_id"
            case botFirstShare = "bot_first_share"
            case trueContainment = "true_containment"
            case falseContainment = "false_containment"
            case escalationAHTMultiplier = "escalation_aht_multiplier"
            case botCostPerConversation = "bot_cost_per_conversation"
            case botSatisfaction = "bot_satisfaction"
        }
    }
}
