CREATE TABLE requisitions (
    id uuid PRIMARY KEY,
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    role_id uuid NOT NULL REFERENCES job_roles (id) ON DELETE RESTRICT,
    fte numeric(4, 3) NOT NULL CHECK (fte > 0 AND fte <= 1),
    backfill_position_id uuid REFERENCES positions (id) ON DELETE RESTRICT,
    reason text NOT NULL CHECK (reason IN ('growth', 'backfill', 'quality', 'automation_rollback', 'other')),
    priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    target_start_date date NOT NULL,
    hiring_plan_id uuid,
    status text NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved', 'open', 'offer', 'filled', 'cancelled', 'on_hold')),
    held_from text CHECK (held_from IN ('pending_approval', 'approved', 'open', 'offer')),
    filled_position_id uuid REFERENCES positions (id) ON DELETE RESTRICT,
    opened_at timestamptz,
    filled_at timestamptz,
    start_date date,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((status = 'on_hold') = (held_from IS NOT NULL))
);

CREATE INDEX requisitions_org_unit_idx ON requisitions (org_unit_id);
CREATE INDEX requisitions_status_idx ON requisitions (status);

-- Every status change, in order.
CREATE TABLE requisition_transitions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_id uuid NOT NULL REFERENCES requisitions (id) ON DELETE CASCADE,
    from_status text,
    to_status text NOT NULL,
    comment text CHECK (length(comment) <= 2000),
    actor_key_id uuid NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX requisition_transitions_requisition_idx ON requisition_transitions (requisition_id, id);
