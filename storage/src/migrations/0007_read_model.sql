-- The read model (docs/analytics.md, "Read model"): what hot reads use instead of recomputing outcomes
-- from raw rows. Raw `interactions` and `signals` stay the source of truth and the reference.

-- Narrow per-interaction facts, apart from the wide text columns: the explorer pages through these and
-- fetches the text of the rows it shows. Same key and partitions as `interactions`, so a re-delivered
-- span collapses here too; fed at insert time by the view below.
CREATE TABLE IF NOT EXISTS ${db}.interaction_facts${local} ${on_cluster}
(
    project_id     LowCardinality(String),
    workload_id    LowCardinality(String),
    time           DateTime64(6, 'UTC'),
    trace_id       String,
    span_id        String,
    request_id     String,
    model_version  LowCardinality(String),
    user_id        String,
    status         LowCardinality(String),
    language       LowCardinality(String),
    latency_ms     Float64,
    output_tokens  UInt32,
    response_words UInt32,
    prompt_chars   UInt32,
    toxicity       Float32,
    dup_key        String,
    INDEX idx_request_id request_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, workload_id, time, trace_id, span_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.interaction_facts ${on_cluster}
AS ${db}.interaction_facts_local
ENGINE = Distributed(${cluster}, ${db}, interaction_facts_local, cityHash64(project_id, request_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.interaction_facts_mv${local} ${on_cluster}
TO ${db}.interaction_facts${local}
AS SELECT project_id, workload_id, time, trace_id, span_id, request_id, model_version, user_id, status,
    language, latency_ms, output_tokens, response_words, prompt_chars, toxicity, dup_key
FROM ${db}.interactions${local};

-- An existing data directory: the view only sees new inserts, so copy what is there once. A span
-- inserted between the view and this copy is written twice and collapses like any re-delivery.
INSERT INTO ${db}.interaction_facts
SELECT project_id, workload_id, time, trace_id, span_id, request_id, model_version, user_id, status,
    language, latency_ms, output_tokens, response_words, prompt_chars, toxicity, dup_key
FROM ${db}.interactions;

-- Rows inserted per project, source table and event day, counted at insert time by the two views below
-- (re-deliveries count too). A seal records these counts; a day whose counts moved since its seal
-- received late data and is read from raw rows until it is sealed again. Sums only ever grow, so reads
-- aggregate with sum() and need no FINAL.
CREATE TABLE IF NOT EXISTS ${db}.read_model_marks${local} ${on_cluster}
(
    project_id LowCardinality(String),
    source     LowCardinality(String),
    day        Date,
    rows       SimpleAggregateFunction(sum, UInt64)
)
ENGINE = ${replicated}AggregatingMergeTree
ORDER BY (project_id, source, day);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.read_model_marks ${on_cluster}
AS ${db}.read_model_marks_local
ENGINE = Distributed(${cluster}, ${db}, read_model_marks_local, cityHash64(project_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.read_model_marks_interactions_mv${local} ${on_cluster}
TO ${db}.read_model_marks${local}
AS SELECT project_id, 'interactions' AS source, toDate(time) AS day, toUInt64(count()) AS rows
FROM ${db}.interactions${local}
GROUP BY project_id, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.read_model_marks_signals_mv${local} ${on_cluster}
TO ${db}.read_model_marks${local}
AS SELECT project_id, 'signals' AS source, toDate(time) AS day, toUInt64(count()) AS rows
FROM ${db}.signals${local}
GROUP BY project_id, day;

-- Sealed aggregates: per project, signal window, event day, workload and model version, the outcome
-- rule's counts for interactions whose signal window has closed, computed once from deduplicated raw
-- rows by the maintenance job. Every seal of a day writes all of its rows under a new `seal_version`;
-- reads take the version `read_model_seals` names, so a re-seal never double counts, and merges drop
-- the older versions.
CREATE TABLE IF NOT EXISTS ${db}.daily_outcomes${local} ${on_cluster}
(
    project_id            LowCardinality(String),
    signal_window_seconds UInt32,
    day                   Date,
    workload_id           LowCardinality(String),
    model_version         LowCardinality(String),
    seal_version          UInt64,
    interactions          UInt64,
    candidates            UInt64,
    successes             UInt64,
    explicit              UInt64,
    explicit_successes    UInt64,
    explicit_failures     UInt64,
    implicit_successes    UInt64,
    implicit_failures     UInt64,
    corrections           UInt64,
    deciding_kinds        Map(LowCardinality(String), UInt64),
    latency_ms_sum        Float64,
    output_tokens_sum     UInt64,
    response_words_sum    UInt64,
    latency_ms_digest     AggregateFunction(quantileTDigest, Float64),
    users                 AggregateFunction(uniqCombined64, String)
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, signal_window_seconds, day, workload_id, model_version);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.daily_outcomes ${on_cluster}
AS ${db}.daily_outcomes_local
ENGINE = Distributed(${cluster}, ${db}, daily_outcomes_local, cityHash64(project_id));

-- One row per seal of a day: its version and the marks (rows inserted into interactions of that day, and
-- into signals of the days whose signals can count for it) the aggregate was computed over. The newest
-- version per (project, window, day) is the seal; reads pick it with argMax, no FINAL.
CREATE TABLE IF NOT EXISTS ${db}.read_model_seals${local} ${on_cluster}
(
    project_id            LowCardinality(String),
    signal_window_seconds UInt32,
    day                   Date,
    seal_version          UInt64,
    interaction_rows      UInt64,
    signal_rows           UInt64,
    sealed_at             DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, signal_window_seconds, day);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.read_model_seals ${on_cluster}
AS ${db}.read_model_seals_local
ENGINE = Distributed(${cluster}, ${db}, read_model_seals_local, cityHash64(project_id));

-- An existing data directory: count what is there once, so the maintenance job finds every day with data
-- in this small table and never scans raw rows to plan. Rows inserted between a view and this count are
-- counted twice; a count only has to change when a day's data changes, which it still does.
INSERT INTO ${db}.read_model_marks
SELECT project_id, 'interactions', toDate(time), count() FROM ${db}.interactions GROUP BY project_id, toDate(time);

INSERT INTO ${db}.read_model_marks
SELECT project_id, 'signals', toDate(time), count() FROM ${db}.signals GROUP BY project_id, toDate(time);
