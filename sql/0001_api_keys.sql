CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role text NOT NULL CHECK (role IN ('admin', 'hr', 'manager', 'finance', 'viewer')),
    org_unit_id uuid,
    secret_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CHECK ((role = 'manager') = (org_unit_id IS NOT NULL))
);
