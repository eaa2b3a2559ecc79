-- Headcount queries read the versions in force on a date for many positions at once.
CREATE INDEX position_versions_in_force_idx ON position_versions (valid_from, valid_to) INCLUDE (position_id, org_unit_id, role_id, fte, status);
