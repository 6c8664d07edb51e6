-- What the review queue ranks a candidate by besides its verdict (input key, language, judge score, mean
-- token logprob), kept on every sealed gate row, so that the queue reads its 28 days of candidates from
-- `gate_rows` alone instead of joining them to `interactions` by request id (docs/analytics.md, "Read
-- model").
ALTER TABLE ${db}.gate_rows${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_key UInt64 AFTER reversal,
    ADD COLUMN IF NOT EXISTS language LowCardinality(String) AFTER prompt_key,
    ADD COLUMN IF NOT EXISTS quality_score Nullable(Float32) AFTER language,
    ADD COLUMN IF NOT EXISTS response_mean_logprob Nullable(Float32) AFTER quality_score;

-- if cluster
ALTER TABLE ${db}.gate_rows ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_key UInt64 AFTER reversal,
    ADD COLUMN IF NOT EXISTS language LowCardinality(String) AFTER prompt_key,
    ADD COLUMN IF NOT EXISTS quality_score Nullable(Float32) AFTER language,
    ADD COLUMN IF NOT EXISTS response_mean_logprob Nullable(Float32) AFTER quality_score;

-- An existing data directory: its sealed gate rows have no values in the new columns, so its gate seals
-- and their rows are dropped and the maintenance job seals those days again (reads use raw rows until
-- it has). The counts and firsts they named stay until the new seals' versions replace them.
TRUNCATE TABLE IF EXISTS ${db}.gate_seals${local} ${on_cluster};
TRUNCATE TABLE IF EXISTS ${db}.gate_rows${local} ${on_cluster};
