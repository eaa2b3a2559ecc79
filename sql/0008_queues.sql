-- Work queues: the work a team does (e.g. "chat support EN"), owned by an org unit.
CREATE TABLE queues (
    id uuid PRIMARY KEY,
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    channel text NOT NULL CHECK (channel IN ('chat', 'phone', 'email', 'other')),
    -- Hours the queue is open in a month (at most 31 days of 24 hours).
    operating_hours_per_month numeric(6, 2) NOT NULL CHECK (operating_hours_per_month > 0 AND operating_hours_per_month <= 744),
    -- Busiest hour's volume over the mean hourly volume while open.
    peak_factor numeric(5, 3) NOT NULL CHECK (peak_factor >= 1 AND peak_factor <= 24),
    -- Target: service_level_target of contacts answered within service_level_seconds.
    service_level_target numeric(5, 4) NOT NULL CHECK (service_level_target > 0 AND service_level_target < 1),
    service_level_seconds integer NOT NULL CHECK (service_level_seconds BETWEEN 0 AND 604800),
    -- Optional ceiling on the abandonment rate used when staffing (NULL: none).
    max_abandonment numeric(5, 4) CHECK (max_abandonment > 0 AND max_abandonment < 1),
    mean_patience_seconds numeric(10, 2) NOT NULL CHECK (mean_patience_seconds > 0 AND mean_patience_seconds <= 604800),
    human_aht_seconds numeric(10, 2) NOT NULL CHECK (human_aht_seconds > 0 AND human_aht_seconds <= 86400),
    human_first_contact_resolution numeric(5, 4) NOT NULL CHECK (human_first_contact_resolution BETWEEN 0 AND 1),
    shrinkage numeric(5, 4) NOT NULL CHECK (shrinkage >= 0 AND shrinkage < 1),
    -- Contacts one agent serves at once (chat); 1 for phone.
    concurrency numeric(4, 2) NOT NULL DEFAULT 1 CHECK (concurrency >= 1 AND concurrency <= 20),
    external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_unit_id, name)
);

-- Monthly new-issue volumes, actual and forecast; month is the first day of the month.
CREATE TABLE queue_demand (
    queue_id uuid NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    actual_volume bigint CHECK (actual_volume BETWEEN 0 AND 1000000000000),
    forecast_volume bigint CHECK (forecast_volume BETWEEN 0 AND 1000000000000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NOT NULL,
    PRIMARY KEY (queue_id, month),
    CHECK (actual_volume IS NOT NULL OR forecast_volume IS NOT NULL)
);

-- Automation coverage, effective from a month until the next entry of the same queue.
CREATE TABLE queue_automation (
    queue_id uuid NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    effective_month date NOT NULL CHECK (extract(day FROM effective_month) = 1),
    bot_first_share numeric(5, 4) NOT NULL CHECK (bot_first_share BETWEEN 0 AND 1),
    true_containment numeric(5, 4) NOT NULL CHECK (true_containment BETWEEN 0 AND 1),
    false_containment numeric(5, 4) NOT NULL CHECK (false_containment BETWEEN 0 AND 1),
    escalation_aht_multiplier numeric(5, 3) NOT NULL CHECK (escalation_aht_multiplier > 0 AND escalation_aht_multiplier <= 10),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    bot_cost_per_conversation numeric(12, 4) NOT NULL CHECK (bot_cost_per_conversation >= 0),
    bot_satisfaction numeric(5, 4) NOT NULL CHECK (bot_satisfaction BETWEEN 0 AND 1),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid NOT NULL,
    PRIMARY KEY (queue_id, effective_month),
    CHECK (true_containment + false_containment <= 1)
);

CREATE INDEX queues_org_unit_idx ON queues (org_unit_id);

-- Positions name the queue they staff.
ALTER TABLE position_versions
    ADD CONSTRAINT position_versions_queue_id_fkey FOREIGN KEY (queue_id) REFERENCES queues (id) ON DELETE RESTRICT;
CREATE INDEX position_versions_queue_idx ON position_versions (queue_id) WHERE queue_id IS NOT NULL;
