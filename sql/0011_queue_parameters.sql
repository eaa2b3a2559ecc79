-- Model parameters (hours, shares, seconds) become double precision, stored exactly as the API received them
-- (numeric(5, 4) rounded a share such as 0.66667); the bot's price is money and stays numeric. The bounds
-- follow the API's. 0008 stays as it was first applied: migrations are never edited once released.

ALTER TABLE queues
    DROP CONSTRAINT queues_operating_hours_per_month_check,
    DROP CONSTRAINT queues_peak_factor_check,
    DROP CONSTRAINT queues_service_level_target_check,
    DROP CONSTRAINT queues_max_abandonment_check,
    DROP CONSTRAINT queues_mean_patience_seconds_check,
    DROP CONSTRAINT queues_human_aht_seconds_check,
    DROP CONSTRAINT queues_human_first_contact_resolution_check,
    DROP CONSTRAINT queues_shrinkage_check,
    DROP CONSTRAINT queues_concurrency_check,
    ALTER COLUMN operating_hours_per_month TYPE double precision,
    ALTER COLUMN peak_factor TYPE double precision,
    ALTER COLUMN service_level_target TYPE double precision,
    ALTER COLUMN max_abandonment TYPE double precision,
    ALTER COLUMN mean_patience_seconds TYPE double precision,
    ALTER COLUMN human_aht_seconds TYPE double precision,
    ALTER COLUMN human_first_contact_resolution TYPE double precision,
    ALTER COLUMN shrinkage TYPE double precision,
    ALTER COLUMN concurrency TYPE double precision,
    ADD CONSTRAINT queues_operating_hours_per_month_check
        CHECK (operating_hours_per_month >= 1 AND operating_hours_per_month <= 744),
    ADD CONSTRAINT queues_peak_factor_check CHECK (peak_factor >= 1 AND peak_factor <= 24),
    ADD CONSTRAINT queues_service_level_target_check CHECK (service_level_target > 0 AND service_level_target < 1),
    ADD CONSTRAINT queues_max_abandonment_check CHECK (max_abandonment > 0 AND max_abandonment < 1),
    ADD CONSTRAINT queues_mean_patience_seconds_check CHECK (mean_patience_seconds >= 1 AND mean_patience_seconds <= 604800),
    ADD CONSTRAINT queues_human_aht_seconds_check CHECK (human_aht_seconds >= 1 AND human_aht_seconds <= 86400),
    ADD CONSTRAINT queues_human_first_contact_resolution_check CHECK (human_first_contact_resolution BETWEEN 0.01 AND 1),
    ADD CONSTRAINT queues_shrinkage_check CHECK (shrinkage >= 0 AND shrinkage < 1),
    ADD CONSTRAINT queues_concurrency_check CHECK (concurrency >= 1 AND concurrency <= 20);

ALTER TABLE queue_automation
    DROP CONSTRAINT queue_automation_bot_first_share_check,
    DROP CONSTRAINT queue_automation_true_containment_check,
    DROP CONSTRAINT queue_automation_false_containment_check,
    DROP CONSTRAINT queue_automation_escalation_aht_multiplier_check,
    DROP CONSTRAINT queue_automation_bot_satisfaction_check,
    ALTER COLUMN bot_first_share TYPE double precision,
    ALTER COLUMN true_containment TYPE double precision,
    ALTER COLUMN false_containment TYPE double precision,
    ALTER COLUMN escalation_aht_multiplier TYPE double precision,
    ALTER COLUMN bot_satisfaction TYPE double precision,
    ADD CONSTRAINT queue_automation_bot_first_share_check CHECK (bot_first_share BETWEEN 0 AND 1),
    ADD CONSTRAINT queue_automation_true_containment_check CHECK (true_containment BETWEEN 0 AND 1),
    ADD CONSTRAINT queue_automation_false_containment_check CHECK (false_containment BETWEEN 0 AND 1),
    ADD CONSTRAINT queue_automation_escalation_aht_multiplier_check
        CHECK (escalation_aht_multiplier >= 0.1 AND escalation_aht_multiplier <= 10),
    ADD CONSTRAINT queue_automation_bot_satisfaction_check CHECK (bot_satisfaction BETWEEN 0 AND 1);
