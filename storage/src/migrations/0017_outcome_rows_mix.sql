-- The interaction columns the drift check bins by (prompt length, quality score, language), kept on
-- every sealed interaction beside its outcome, so that drift reads sealed days from `outcome_rows`
-- instead of deduplicating 35 days of `interactions` with FINAL at every request (docs/analytics.md,
-- "Read model").
ALTER TABLE ${db}.outcome_rows${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_chars UInt32 AFTER response_words,
    ADD COLUMN IF NOT EXISTS quality_score Nullable(Float32) AFTER prompt_chars,
    ADD COLUMN IF NOT EXISTS language LowCardinality(String) AFTER quality_score;

-- if cluster
ALTER TABLE ${db}.outcome_rows ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_chars UInt32 AFTER response_words,
    ADD COLUMN IF NOT EXISTS quality_score Nullable(Float32) AFTER prompt_chars,
    ADD COLUMN IF NOT EXISTS language LowCardinality(String) AFTER quality_score;

-- An existing data directory: its sealed rows have no values in the new columns, so its outcome seals
-- and their rows are dropped and the maintenance job seals those days again (reads use raw rows until
-- it has). The counts they named stay until the new seals' versions replace them.
TRUNCATE TABLE IF EXISTS ${db}.read_model_seals${local} ${on_cluster};
TRUNCATE TABLE IF EXISTS ${db}.outcome_rows${local} ${on_cluster};
