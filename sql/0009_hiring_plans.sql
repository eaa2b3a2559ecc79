-- Hiring plans: a manager's (or hr's) monthly hires, reductions and automation changes for an org unit's
-- subtree, approved or rejected as a whole. A rejected plan is revised as a new draft.
CREATE TABLE hiring_plans (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
    revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    -- A rejected plan is revised at most once; the revision may be revised again once rejected.
    revised_from uuid UNIQUE REFERENCES hiring_plans (id) ON DELETE RESTRICT,
    -- The API key that wrote the plan; it may never approve or reject it.
    created_by uuid NOT NULL,
    submitted_at timestamptz,
    decided_at timestamptz,
    decided_by uuid,
    decision_comment text CHECK (length(decision_comment) <= 2000),
    requisitions_created integer CHECK (requisitions_created >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((revision = 1) = (revised_from IS NULL)),
    CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
    CHECK (status <> 'rejected' OR decision_comment IS NOT NULL),
    CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);

CREATE INDEX hiring_plans_org_unit_idx ON hiring_plans (org_unit_id);
CREATE INDEX hiring_plans_status_idx ON hiring_plans (status);

-- Hires (change > 0) and reductions (change < 0) of one role in one org unit, from a month (its first day).
CREATE TABLE hiring_plan_lines (
    hiring_plan_id uuid NOT NULL REFERENCES hiring_plans (id) ON DELETE CASCADE,
    line_number integer NOT NULL CHECK (line_number >= 0),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    role_id uuid NOT NULL REFERENCES job_roles (id) ON DELETE RESTRICT,
    queue_id uuid REFERENCES queues (id) ON DELETE RESTRICT,
    change integer NOT NULL CHECK (change <> 0 AND change BETWEEN -10000 AND 10000),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    PRIMARY KEY (hiring_plan_id, line_number)
);

CREATE INDEX hiring_plan_lines_org_unit_idx ON hiring_plan_lines (org_unit_id);
CREATE INDEX hiring_plan_lines_role_idx ON hiring_plan_lines (role_id);
CREATE INDEX hiring_plan_lines_queue_idx ON hiring_plan_lines (queue_id) WHERE queue_id IS NOT NULL;

-- Automation settings of a queue that the plan changes from a month on; unset settings stay as they are.
CREATE TABLE hiring_plan_automation_changes (
    hiring_plan_id uuid NOT NULL REFERENCES hiring_plans (id) ON DELETE CASCADE,
    change_number integer NOT NULL CHECK (change_number >= 0),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    queue_id uuid NOT NULL REFERENCES queues (id) ON DELETE RESTRICT,
    bot_first_share numeric(5, 4) CHECK (bot_first_share BETWEEN 0 AND 1),
    true_containment numeric(5, 4) CHECK (true_containment BETWEEN 0 AND 1),
    false_containment numeric(5, 4) CHECK (false_containment BETWEEN 0 AND 1),
    escalation_aht_multiplier numeric(5, 3) CHECK (escalation_aht_multiplier > 0 AND escalation_aht_multiplier <= 10),
    currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    bot_cost_per_conversation numeric(12, 4) CHECK (bot_cost_per_conversation >= 0),
    bot_satisfaction numeric(5, 4) CHECK (bot_satisfaction BETWEEN 0 AND 1),
    PRIMARY KEY (hiring_plan_id, change_number),
    UNIQUE (hiring_plan_id, queue_id, month),
    CHECK (num_nonnulls(bot_first_share, true_containment, false_containment, escalation_aht_multiplier,
        bot_cost_per_conversation, bot_satisfaction) >= 1),
    CHECK ((currency IS NULL) = (bot_cost_per_conversation IS NULL)),
    CHECK (true_containment + false_containment <= 1)
);

CREATE INDEX hiring_plan_automation_changes_queue_idx ON hiring_plan_automation_changes (queue_id);

-- Every change and decision, in order.
CREATE TABLE hiring_plan_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hiring_plan_id uuid NOT NULL REFERENCES hiring_plans (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('created', 'updated', 'submitted', 'approved', 'rejected', 'revised')),
    comment text CHECK (length(comment) <= 2000),
    -- For 'revised': the new draft (cleared if that draft is deleted).
    revision_id uuid REFERENCES hiring_plans (id) ON DELETE SET NULL,
    -- For 'approved': how many requisitions the approval created.
    requisitions_created integer CHECK (requisitions_created >= 0),
    actor_key_id uuid NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX hiring_plan_events_plan_idx ON hiring_plan_events (hiring_plan_id, id);
CREATE INDEX hiring_plan_events_revision_idx ON hiring_plan_events (revision_id) WHERE revision_id IS NOT NULL;

-- Until now no hiring plan could exist, so every stored hiring_plan_id points nowhere; clear them so that the
-- reference can be enforced for every row.
UPDATE requisitions SET hiring_plan_id = NULL WHERE hiring_plan_id IS NOT NULL;

ALTER TABLE requisitions
    ADD CONSTRAINT requisitions_hiring_plan_id_fkey FOREIGN KEY (hiring_plan_id) REFERENCES hiring_plans (id) ON DELETE RESTRICT;
CREATE INDEX requisitions_hiring_plan_idx ON requisitions (hiring_plan_id) WHERE hiring_plan_id IS NOT NULL;
