-- Improvement cycles (docs/design.md §6). Every change of a cycle is a new row with a higher `version`; the
-- current state of a cycle is its highest version, and the older rows are its history. Re-posting
-- an identical state writes nothing, so retries never add history.
CREATE TABLE IF NOT EXISTS ${db}.cycles${local} ${on_cluster}
(
    project_id     LowCardinality(String),
    cycle_id       String,
    version        UInt64,
    workload_id    LowCardinality(String),
    model_version  LowCardinality(String),
    parent_version LowCardinality(String),
    window_from    DateTime64(6, 'UTC'),
    window_to      DateTime64(6, 'UTC'),
    status         LowCardinality(String),
    deployed_at    Nullable(DateTime64(6, 'UTC')),
    rolled_back_at Nullable(DateTime64(6, 'UTC')),
    notes          String CODEC(ZSTD(3)),
    written_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(version)
ORDER BY (project_id, cycle_id, version);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.cycles ${on_cluster}
AS ${db}.cycles_local
ENGINE = Distributed(${cluster}, ${db}, cycles_local, cityHash64(project_id, cycle_id));

-- Offline eval results: one score per model version, golden set and eval time. A re-posted result
-- (same version, set, workload and time) replaces the earlier one.
CREATE TABLE IF NOT EXISTS ${db}.evals${local} ${on_cluster}
(
    project_id    LowCardinality(String),
    workload_id   LowCardinality(String),
    model_version LowCardinality(String),
    golden_set    LowCardinality(String),
    time          DateTime64(6, 'UTC'),
    score         Float64,
    n             Nullable(UInt32),
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(ingested_at)
ORDER BY (project_id, golden_set, model_version, workload_id, time);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.evals ${on_cluster}
AS ${db}.evals_local
ENGINE = Distributed(${cluster}, ${db}, evals_local, cityHash64(project_id));

-- Frozen datasets: a cycle's snapshot (and, later, exports). One row per dataset.
CREATE TABLE IF NOT EXISTS ${db}.datasets${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    dataset_id  String,
    kind        LowCardinality(String),
    cycle_id    String,
    workload_id LowCardinality(String),
    window_from DateTime64(6, 'UTC'),
    window_to   DateTime64(6, 'UTC'),
    at          DateTime64(6, 'UTC'),
    lag_days    Float64,
    created_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(created_at)
ORDER BY (project_id, dataset_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.datasets ${on_cluster}
AS ${db}.datasets_local
ENGINE = Distributed(${cluster}, ${db}, datasets_local, cityHash64(project_id, dataset_id));

-- The member interactions of each dataset (lineage), with the source that qualified each one and its
-- event time (time to improvement uses the median).
CREATE TABLE IF NOT EXISTS ${db}.dataset_members${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    dataset_id  String,
    request_id  String,
    source      LowCardinality(String),
    workload_id LowCardinality(String),
    time        DateTime64(6, 'UTC')
)
ENGINE = ${replicated}ReplacingMergeTree
ORDER BY (project_id, dataset_id, request_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.dataset_members ${on_cluster}
AS ${db}.dataset_members_local
ENGINE = Distributed(${cluster}, ${db}, dataset_members_local, cityHash64(project_id, dataset_id));
