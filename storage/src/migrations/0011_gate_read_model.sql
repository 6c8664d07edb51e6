-- The quality gate's read model (docs/analytics.md, "Read model"): gate verdicts computed once per
-- stored gate configuration, so reads stop re-running the near-duplicate window over a project's
-- history. Raw rows stay the reference.

-- Sealed gate counts: per project, gate key (a stored configuration and the workloads it applies to),
-- event day, workload and model version, the interactions evaluated, passed and rejected per reason.
-- Every seal of a day writes all of its rows under a new `seal_version`; reads take the version
-- `gate_seals` names, so a re-seal never double counts, and merges drop the older versions.
CREATE TABLE IF NOT EXISTS ${db}.daily_gate${local} ${on_cluster}
(
    project_id    LowCardinality(String),
    gate_key      LowCardinality(String),
    day           Date,
    workload_id   LowCardinality(String),
    model_version LowCardinality(String),
    seal_version  UInt64,
    evaluated     UInt64,
    passed        UInt64,
    rejections    Map(LowCardinality(String), UInt64)
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, gate_key, day, workload_id, model_version);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.daily_gate ${on_cluster}
AS ${db}.daily_gate_local
ENGINE = Distributed(${cluster}, ${db}, daily_gate_local, cityHash64(project_id));

-- The near-duplicate rule's memory: per sealed day, workload and duplicate key, the earliest
-- interaction (time, then request id) that passed every other rule. An interaction is a near-duplicate
-- when an earlier one of its key passed, so these rows stand in for a sealed day's history. Keyed by
-- duplicate key first: a read looks up only the keys of the rows it computes.
CREATE TABLE IF NOT EXISTS ${db}.gate_firsts${local} ${on_cluster}
(
    project_id    LowCardinality(String),
    gate_key      LowCardinality(String),
    workload_id   LowCardinality(String),
    dup_key       String,
    day           Date,
    seal_version  UInt64,
    first_time    DateTime64(6, 'UTC'),
    first_request String
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, gate_key, workload_id, dup_key, day);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gate_firsts ${on_cluster}
AS ${db}.gate_firsts_local
ENGINE = Distributed(${cluster}, ${db}, gate_firsts_local, cityHash64(project_id));

-- One row per gate seal of a day: its version and the cumulative marks it was computed over (rows
-- inserted into interactions up to that day, and into signals up to the last day whose signals can
-- count for it). Cumulative, because a verdict depends on every earlier interaction through the
-- near-duplicate rule: late data on a day unseals it and every later day.
CREATE TABLE IF NOT EXISTS ${db}.gate_seals${local} ${on_cluster}
(
    project_id       LowCardinality(String),
    gate_key         LowCardinality(String),
    day              Date,
    seal_version     UInt64,
    interaction_rows UInt64,
    signal_rows      UInt64,
    sealed_at        DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree(seal_version)
ORDER BY (project_id, gate_key, day);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gate_seals ${on_cluster}
AS ${db}.gate_seals_local
ENGINE = Distributed(${cluster}, ${db}, gate_seals_local, cityHash64(project_id));
