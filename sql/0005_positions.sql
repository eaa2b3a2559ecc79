CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A position's identity; its state lives in position_versions.
CREATE TABLE positions (
    id uuid PRIMARY KEY,
    external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Each version is in force from valid_from until the day before valid_to (NULL: open-ended).
-- The exclusion constraint guarantees that versions of one position never overlap.
CREATE TABLE position_versions (
    position_id uuid NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    valid_from date NOT NULL,
    valid_to date CHECK (valid_to > valid_from),
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    role_id uuid NOT NULL REFERENCES job_roles (id) ON DELETE RESTRICT,
    fte numeric(4, 3) NOT NULL CHECK (fte > 0 AND fte <= 1),
    status text NOT NULL CHECK (status IN ('filled', 'vacant', 'frozen')),
    queue_id uuid,
    employee_ref text CHECK (length(employee_ref) BETWEEN 1 AND 200),
    salary_override numeric(15, 2) CHECK (salary_override >= 0),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by uuid,
    PRIMARY KEY (position_id, valid_from),
    EXCLUDE USING gist (position_id WITH =, daterange(valid_from, valid_to) WITH &&)
);

CREATE INDEX position_versions_org_unit_idx ON position_versions (org_unit_id, valid_from);
CREATE INDEX position_versions_role_idx ON position_versions (role_id);
