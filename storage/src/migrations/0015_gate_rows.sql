-- The gate's verdict of every interaction on a sealed day (docs/analytics.md, "Read model"), so that
-- reads which need verdicts row by row — the review queue and its status, the sycophancy check — take
-- sealed days from here instead of running the outcome rule and the gate over the window's raw rows.
-- With them, the sycophancy lexicon's markers of the interaction's text (praise and reversal in the
-- response, pushback in the prompt), so that such a read does not scan the text of a sealed day.
-- Written by the gate seal (one row per deduplicated interaction, as of the end of its signal window),
-- which then counts `daily_gate` and picks `gate_firsts` from these rows instead of computing the
-- verdicts twice. Every seal of a day writes all of its rows under a new `seal_version`; reads take the
-- version `gate_seals` names, and merges drop the older versions.
CREATE TABLE IF NOT EXISTS ${db}.gate_rows${local} ${on_cluster}
(
    project_id    LowCardinality(String),
    gate_key      LowCardinality(String),
    day           Date,
    workload_id   LowCardinality(String),
    time          DateTime64(6, 'UTC'),
    request_id    String,
    seal_version  UInt64,
    model_version LowCardinality(String),
    dup_key       String,
    outcome       LowCardinality(String),
    deciding_kind LowCardinality(String),
    base_passed   Bool,
    gate_reasons  Array(LowCardinality(String)),
    praise        Bool,
    pushback      Bool,
    reversal      Bool
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, gate_key, day, workload_id, time, request_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gate_rows ${on_cluster}
AS ${db}.gate_rows_local
ENGINE = Distributed(${cluster}, ${db}, gate_rows_local, cityHash64(project_id));

-- An existing data directory: its gate seals have no rows here, so they are dropped and the maintenance
-- job seals those days again (reads use raw rows until it has). The counts and firsts they named stay
-- until the new seals' versions replace them; nothing reads a version no seal names.
TRUNCATE TABLE IF EXISTS ${db}.gate_seals${local} ${on_cluster};
