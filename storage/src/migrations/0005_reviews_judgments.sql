-- Human review labels (docs/design.md §9): binary pass/fail per sub-metric. One current review per request and
-- reviewer: a re-post replaces it (the latest write wins), so retries never double count.
CREATE TABLE IF NOT EXISTS ${db}.reviews${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    request_id  String,
    reviewer    String,
    time        DateTime64(6, 'UTC'),
    labels      Map(LowCardinality(String), Bool),
    passed      Bool,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
ORDER BY (project_id, request_id, reviewer);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.reviews ${on_cluster}
AS ${db}.reviews_local
ENGINE = Distributed(${cluster}, ${db}, reviews_local, cityHash64(project_id, request_id));

-- Automated verdicts (LLM-as-judge or code) per interaction, metric and judge; a re-post replaces.
CREATE TABLE IF NOT EXISTS ${db}.judgments${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    request_id  String,
    judge_id    LowCardinality(String),
    metric      LowCardinality(String),
    time        DateTime64(6, 'UTC'),
    passed      Nullable(Bool),
    score       Nullable(Float64),
    label       String,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
ORDER BY (project_id, request_id, metric, judge_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.judgments ${on_cluster}
AS ${db}.judgments_local
ENGINE = Distributed(${cluster}, ${db}, judgments_local, cityHash64(project_id, request_id));
