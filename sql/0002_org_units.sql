CREATE TABLE org_units (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id uuid REFERENCES org_units (id) ON DELETE RESTRICT,
    cost_center text CHECK (length(cost_center) <= 50),
    external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM id)
);

CREATE INDEX org_units_parent_id_idx ON org_units (parent_id);

ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_org_unit_id_fkey FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT;
