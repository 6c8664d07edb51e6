-- The outcome of every interaction on a sealed day (docs/analytics.md, "Read model"), so that reads
-- which need outcomes user by user or row by row — the survivorship and latency-bias checks, the review
-- queue's version changes (outcomes per input key, `prompt_key` of migration 0014) — take sealed
-- days from here instead of running the outcome rule over the window's raw rows. Written by the outcome
-- seal (one row per deduplicated interaction, as of the end of its signal window), which then counts
-- `daily_outcomes` from these rows. Narrow: no text. Every seal of a day writes all of its rows under a
-- new `seal_version`; reads take the version `read_model_seals` names, and merges drop the older ones.
CREATE TABLE IF NOT EXISTS ${db}.outcome_rows${local} ${on_cluster}
(
    project_id            LowCardinality(String),
    signal_window_seconds UInt32,
    day                   Date,
    workload_id           LowCardinality(String),
    time                  DateTime64(6, 'UTC'),
    request_id            String,
    seal_version          UInt64,
    model_version         LowCardinality(String),
    user_id               String,
    latency_ms            Float64,
    output_tokens         UInt32,
    response_words        UInt32,
    prompt_key            UInt64,
    outcome               LowCardinality(String),
    deciding_kind         LowCardinality(String),
    has_explicit          Bool,
    explicit_outcome      LowCardinality(String),
    implicit_outcome      LowCardinality(String),
    has_correction        Bool
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, signal_window_seconds, day, workload_id, time, request_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.outcome_rows ${on_cluster}
AS ${db}.outcome_rows_local
ENGINE = Distributed(${cluster}, ${db}, outcome_rows_local, cityHash64(project_id));

-- An existing data directory: its outcome seals have no rows here, so they are dropped and the
-- maintenance job seals those days again (reads use raw rows until it has). The counts they named stay
-- until the new seals' versions replace them; nothing reads a version no seal names.
TRUNCATE TABLE IF EXISTS ${db}.read_model_seals${local} ${on_cluster};
