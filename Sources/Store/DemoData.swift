import Domain
import Foundation
import Postgres

/// A realistic demonstration company, loaded in one transaction into an empty database: about 3,800 staff
/// in eight org units, a customer service organisation with chat, phone and email queues (2.3 million chat
/// issues a month, a bot in front of chat solving about two-thirds of them, 11-minute human handle time), a
/// round of cuts in March 2026 and a draft plan to rehire chat agents.
public struct DemoData: Sendable {
    /// Who recorded the demo rows (no API key: the loader itself).
    public static let loader = UUID(uuidString: "00000000-0000-0000-0000-00000000d3e0")!

    /// What was loaded.
    public struct Summary: Sendable, Equatable {
        public let orgUnits: Int
        public let positionsInForce: Int
        public let queues: Int
        public let draftPlanID: UUID
    }

    private let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// True when the database holds no org unit yet.
    public func databaseIsEmpty() async throws -> Bool {
        try await pool.query("SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty")[0].decode(Bool.self, "empty")
    }

    /// Loads the company; 409 when the database already has org units.
    public func load() async throws -> Summary {
        try await pool.withTransaction { connection in
            let empty = try await connection.query("SELECT NOT EXISTS (SELECT 1 FROM org_units) AS empty")[0].decode(Bool.self, "empty")
            guard empty else { throw DomainError.conflict("The database already has org units; demo data loads into an empty one.") }
            for statement in Self.statements {
                _ = try await connection.query(statement, statement.contains("$1") ? [Self.loader] : [])
            }
            let planID = UUID()
            _ = try await connection.query(Self.draftPlan, [Self.loader, planID])
            let positions = try await connection.query(
                "SELECT count(*)::int AS n FROM position_versions WHERE valid_from <= DATE '2026-11-01' AND (valid_to IS NULL OR valid_to > DATE '2026-11-01')"
            )[0].decode(Int.self, "n")
            let units = try await connection.query("SELECT count(*)::int AS n FROM org_units")[0].decode(Int.self, "n")
            let queues = try await connection.query("SELECT count(*)::int AS n FROM queues")[0].decode(Int.self, "n")
            return Summary(orgUnits: units, positionsInForce: positions, queues: queues, draftPlanID: planID)
        }
    }

    /// Org units, roles, queues, demand, automation and positions; `$1`, where used, is the loader's id.
    private static let statements = [
        """
        INSERT INTO org_units (id, name, parent_id, cost_center, external_id)
        SELECT gen_random_uuid(), 'Company', NULL, 'CC-000', 'demo-company'
        """,
        """
        INSERT INTO org_units (id, name, parent_id, cost_center, external_id)
        SELECT gen_random_uuid(), u.name, (SELECT id FROM org_units WHERE external_id = 'demo-company'), u.cc, u.key
        FROM (VALUES ('Customer Service', 'CC-100', 'demo-customer-service'), ('Engineering', 'CC-200', 'demo-engineering'),
                     ('Sales', 'CC-300', 'demo-sales'), ('Marketing', 'CC-400', 'demo-marketing'),
                     ('Finance and HR', 'CC-500', 'demo-finance-hr')) AS u(name, cc, key)
        """,
        """
        INSERT INTO org_units (id, name, parent_id, cost_center, external_id)
        SELECT gen_random_uuid(), u.name, (SELECT id FROM org_units WHERE external_id = 'demo-customer-service'), u.cc, u.key
        FROM (VALUES ('Chat Support', 'CC-110', 'demo-chat'), ('Phone Support', 'CC-120', 'demo-phone'),
                     ('Email Support', 'CC-130', 'demo-email'), ('Support Operations', 'CC-140', 'demo-support-ops')) AS u(name, cc, key)
        """,
        """
        INSERT INTO job_roles (id, title, job_family, level, location, currency, annual_base_salary, benefits_rate, payroll_tax_rate,
            hiring_cost_per_hire, ramp_months_to_full_productivity, external_id)
        SELECT gen_random_uuid(), r.title, r.family, r.level, 'Remote', 'USD', r.salary, 0.20, 0.08, r.hiring, r.ramp, r.key
        FROM (VALUES
            ('Support agent', 'Customer support', 'L1', 42000.00, 4000.00, 3, 'demo-role-agent'),
            ('Team lead', 'Customer support', 'L3', 65000.00, 6000.00, 2, 'demo-role-lead'),
            ('Software engineer', 'Engineering', 'L3', 140000.00, 15000.00, 4, 'demo-role-engineer'),
            ('Account executive', 'Sales', 'L2', 70000.00, 8000.00, 3, 'demo-role-sales'),
            ('Marketing specialist', 'Marketing', 'L2', 75000.00, 7000.00, 2, 'demo-role-marketing'),
            ('Finance and HR specialist', 'Corporate', 'L2', 80000.00, 7000.00, 2, 'demo-role-corporate')
        ) AS r(title, family, level, salary, hiring, ramp, key)
        """,
        """
        INSERT INTO queues (id, org_unit_id, name, channel, operating_hours_per_month, peak_factor, service_level_target,
            service_level_seconds, max_abandonment, mean_patience_seconds, human_aht_seconds, human_first_contact_resolution, shrinkage,
            concurrency, external_id)
        SELECT gen_random_uuid(), (SELECT id FROM org_units WHERE external_id = q.unit), q.name, q.channel, q.hours, q.peak, q.target,
            q.seconds, q.abandon, q.patience, q.aht, q.fcr, 0.30, q.concurrency, q.key
        FROM (VALUES
            ('demo-chat', 'Chat support', 'chat', 744.0, 1.6, 0.80, 60, 0.10, 180.0, 660.0, 0.70, 2.0, 'demo-queue-chat'),
            ('demo-phone', 'Phone support', 'phone', 480.0, 1.5, 0.80, 20, 0.08, 120.0, 480.0, 0.75, 1.0, 'demo-queue-phone'),
            ('demo-email', 'Email support', 'email', 360.0, 1.2, 0.90, 86400, NULL, 259200.0, 600.0, 0.80, 1.0, 'demo-queue-email')
        ) AS q(unit, name, channel, hours, peak, target, seconds, abandon, patience, aht, fcr, concurrency, key)
        """,
        // Monthly new issues: actuals for 2025-01 to 2026-10, forecasts from 2025-01 to 2028-12, with a mild season.
        """
        INSERT INTO queue_demand (queue_id, month, actual_volume, forecast_volume, updated_by)
        SELECT q.id, m::date,
            CASE WHEN m < DATE '2026-11-01' THEN round(base.v * (1 + 0.04 * sin(extract(month FROM m) / 12.0 * 2 * pi())) * 0.99)::bigint END,
            round(base.v * (1 + 0.04 * sin(extract(month FROM m) / 12.0 * 2 * pi())) * power(1.03, (extract(year FROM m) - 2026)))::bigint,
            $1::uuid
        FROM queues q
        JOIN (VALUES ('demo-queue-chat', 2300000.0), ('demo-queue-phone', 350000.0), ('demo-queue-email', 200000.0)) AS base(key, v)
            ON base.key = q.external_id
        CROSS JOIN generate_series(DATE '2025-01-01', DATE '2028-12-01', interval '1 month') AS m
        """,
        // Before March 2026 a small bot; from March 2026 the bot takes 90 % of chats first and solves about two-thirds of all chats.
        """
        INSERT INTO queue_automation (queue_id, effective_month, bot_first_share, true_containment, false_containment,
            escalation_aht_multiplier, currency, bot_cost_per_conversation, bot_satisfaction, recorded_by)
        SELECT q.id, a.month, a.share, a.contained, a.falsely, a.escalation, 'USD', a.cost, a.satisfaction, $1::uuid
        FROM queues q
        JOIN (VALUES
            ('demo-queue-chat', DATE '2025-01-01', 0.30, 0.40, 0.05, 1.25, 0.1200, 0.78),
            ('demo-queue-chat', DATE '2026-03-01', 0.90, 0.74, 0.08, 1.30, 0.1000, 0.72),
            ('demo-queue-email', DATE '2025-06-01', 0.50, 0.35, 0.05, 1.20, 0.0500, 0.75)
        ) AS a(key, month, share, contained, falsely, escalation, cost, satisfaction) ON a.key = q.external_id
        """,
        // Positions in force since 2024-01-01 (5,000), agents staffing their team's queue.
        """
        WITH plan(unit, role, queue, count) AS (VALUES
            ('demo-chat', 'demo-role-agent', 'demo-queue-chat', 1500), ('demo-phone', 'demo-role-agent', 'demo-queue-phone', 700),
            ('demo-email', 'demo-role-agent', 'demo-queue-email', 300), ('demo-support-ops', 'demo-role-lead', NULL, 100),
            ('demo-engineering', 'demo-role-engineer', NULL, 1200), ('demo-sales', 'demo-role-sales', NULL, 700),
            ('demo-marketing', 'demo-role-marketing', NULL, 300), ('demo-finance-hr', 'demo-role-corporate', NULL, 200)
        ),
        numbered AS (
            SELECT p.unit, p.role, p.queue, g AS n FROM plan p CROSS JOIN LATERAL generate_series(1, p.count) AS g
        ),
        created AS (
            INSERT INTO positions (id, external_id)
            SELECT gen_random_uuid(), 'demo-pos-' || substr(unit, 6) || '-' || n FROM numbered
            RETURNING id, external_id
        )
        INSERT INTO position_versions (position_id, valid_from, valid_to, org_unit_id, role_id, fte, status, queue_id, employee_ref, recorded_by)
        SELECT c.id, DATE '2024-01-01' + ((n.n * 37) % 600), NULL, o.id, r.id, CASE WHEN n.n % 20 = 0 THEN 0.5 ELSE 1 END, 'filled', q.id,
               'demo-emp-' || substr(n.unit, 6) || '-' || n.n, $1::uuid
        FROM numbered n
        JOIN created c ON c.external_id = 'demo-pos-' || substr(n.unit, 6) || '-' || n.n
        JOIN org_units o ON o.external_id = n.unit
        JOIN job_roles r ON r.external_id = n.role
        LEFT JOIN queues q ON q.external_id = n.queue
        """,
        // The round of cuts: 900 chat, 200 phone and 100 email agents leave at the end of February 2026.
        """
        UPDATE position_versions v SET valid_to = DATE '2026-03-01'
        FROM positions p
        WHERE p.id = v.position_id AND (
            (p.external_id LIKE 'demo-pos-chat-%' AND substr(p.external_id, 15)::int <= 900)
            OR (p.external_id LIKE 'demo-pos-phone-%' AND substr(p.external_id, 16)::int <= 200)
            OR (p.external_id LIKE 'demo-pos-email-%' AND substr(p.external_id, 16)::int <= 100))
        """,
    ]

    /// A draft plan to rehire chat agents; `$1` is the loader, `$2` the plan's id.
    private static let draftPlan = """
        WITH plan AS (
            INSERT INTO hiring_plans (id, name, org_unit_id, status, created_by)
            SELECT $2::uuid, 'Rehire chat agents', id, 'draft', $1::uuid FROM org_units WHERE external_id = 'demo-customer-service'
            RETURNING id
        ),
        lines AS (
            INSERT INTO hiring_plan_lines (hiring_plan_id, line_number, month, org_unit_id, role_id, queue_id, change, reason)
            SELECT plan.id, l.n, l.month, o.id, r.id, q.id, l.change, l.reason
            FROM plan, (VALUES
                (0, DATE '2027-01-01', 150, 'Service level below target since the cuts'),
                (1, DATE '2027-02-01', 100, 'Service level below target since the cuts'),
                (2, DATE '2027-04-01', 50, 'Backfill attrition')
            ) AS l(n, month, change, reason)
            JOIN org_units o ON o.external_id = 'demo-chat'
            JOIN job_roles r ON r.external_id = 'demo-role-agent'
            JOIN queues q ON q.external_id = 'demo-queue-chat'
            RETURNING hiring_plan_id
        )
        INSERT INTO hiring_plan_events (hiring_plan_id, kind, actor_key_id)
        SELECT id, 'created', $1::uuid FROM plan
        """
}
