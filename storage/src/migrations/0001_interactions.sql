-- One row per LLM call span. Re-delivered spans carry the same sort key and collapse in
-- ReplacingMergeTree; reads that must be exact use FINAL.
CREATE TABLE IF NOT EXISTS ${db}.interactions${local} ${on_cluster}
(
    project_id      LowCardinality(String),
    trace_id        String,
    span_id         String,
    parent_span_id  String,
    request_id      String,
    time            DateTime64(6, 'UTC'),
    workload_id     LowCardinality(String),
    service         LowCardinality(String),
    operation       LowCardinality(String),
    provider        LowCardinality(String),
    request_model   LowCardinality(String),
    model           LowCardinality(String),
    model_version   LowCardinality(String),
    user_id         String,
    session_id      String,
    prompt          String CODEC(ZSTD(3)),
    response        String CODEC(ZSTD(3)),
    input_messages  String CODEC(ZSTD(3)),
    input_tokens    UInt32,
    output_tokens   UInt32,
    latency_ms      Float64,
    ttft_ms         Nullable(Float64),
    finish_reason   LowCardinality(String),
    status          LowCardinality(String),
    error_message   String CODEC(ZSTD(3)),
    language        LowCardinality(String),
    quality_score   Nullable(Float32),
    grounding_score Nullable(Float32),
    -- Content checks (computed at ingest, before storage; the gate re-reads the values with its own thresholds)
    pii_kinds       Array(LowCardinality(String)),
    response_words  UInt32,
    response_tokens UInt32,
    toxicity        Float32,
    prompt_chars    UInt32,
    jailbreak       LowCardinality(String),
    topic_relevance Nullable(Float32),
    input_failures  Array(LowCardinality(String)),
    dup_key         String,
    checks_passed   Map(LowCardinality(String), Bool),
    attributes      Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at     DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_request_id request_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ${replicated}ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, workload_id, time, trace_id, span_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.interactions ${on_cluster}
AS ${db}.interactions_local
ENGINE = Distributed(${cluster}, ${db}, interactions_local, cityHash64(project_id, request_id));
