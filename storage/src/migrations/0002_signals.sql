-- One row per feedback signal. Signals join interactions on (project_id, request_id) at query time,
-- so a signal that arrives before its interaction is kept and joins once the interaction lands.
CREATE TABLE IF NOT EXISTS ${db}.signals${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    request_id  String,
    signal_id   String,
    time        DateTime64(6, 'UTC'),
    kind        LowCardinality(String),
    value       Nullable(Float64),
    correction  String CODEC(ZSTD(3)),
    pii_kinds   Array(LowCardinality(String)),
    explicit    Bool,
    user_id     String,
    source      LowCardinality(String),
    trace_id    String,
    span_id     String,
    attributes  Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, request_id, signal_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.signals ${on_cluster}
AS ${db}.signals_local
ENGINE = Distributed(${cluster}, ${db}, signals_local, cityHash64(project_id, request_id));
