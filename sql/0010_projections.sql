-- Projection runs: the inputs snapshot they were computed from, and their result. A run is also a job:
-- workers claim queued runs (or runs whose lease expired) with FOR UPDATE SKIP LOCKED.
CREATE TABLE projections (
    id uuid PRIMARY KEY,
    org_unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE RESTRICT,
    status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    inputs jsonb NOT NULL,
    inputs_hash text NOT NULL CHECK (inputs_hash ~ '^[0-9a-f]{64}$'),
    engine_version text NOT NULL,
    seed bigint NOT NULL,
    draws integer NOT NULL CHECK (draws >= 1),
    start_month date NOT NULL,
    horizon_months integer NOT NULL CHECK (horizon_months BETWEEN 1 AND 60),
    progress_done integer NOT NULL DEFAULT 0,
    progress_total integer NOT NULL,
    result jsonb,
    error text,
    attempts integer NOT NULL DEFAULT 0,
    lease_owner text,
    lease_expires_at timestamptz,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    completed_at timestamptz,
    CHECK ((status = 'completed') = (result IS NOT NULL))
);

CREATE INDEX projections_org_unit_idx ON projections (org_unit_id);
-- The workers' queue: only runs still to do.
CREATE INDEX projections_jobs_idx ON projections (created_at) WHERE status IN ('queued', 'running');
