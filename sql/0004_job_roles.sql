CREATE TABLE job_roles (
    id uuid PRIMARY KEY,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    job_family text CHECK (length(job_family) <= 100),
    level text CHECK (length(level) <= 50),
    location text CHECK (length(location) <= 100),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    annual_base_salary numeric(15, 2) NOT NULL CHECK (annual_base_salary >= 0),
    benefits_rate numeric(7, 6) NOT NULL DEFAULT 0 CHECK (benefits_rate BETWEEN 0 AND 1),
    payroll_tax_rate numeric(7, 6) NOT NULL DEFAULT 0 CHECK (payroll_tax_rate BETWEEN 0 AND 1),
    hiring_cost_per_hire numeric(15, 2) NOT NULL DEFAULT 0 CHECK (hiring_cost_per_hire >= 0),
    ramp_months_to_full_productivity integer NOT NULL DEFAULT 0 CHECK (ramp_months_to_full_productivity BETWEEN 0 AND 36),
    external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX job_roles_job_family_idx ON job_roles (job_family);
CREATE INDEX job_roles_location_idx ON job_roles (location);
