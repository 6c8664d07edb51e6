-- Quality-gate configurations, per project and workload ('' = the project's default), versioned: every
-- change is a new row and the newest version wins, so history can be re-scored under any version.
CREATE TABLE IF NOT EXISTS ${db}.gate_configs${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    workload_id String,
    version     UInt64,
    config      String,
    created_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree
ORDER BY (project_id, workload_id, version);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gate_configs ${on_cluster}
AS ${db}.gate_configs_local
ENGINE = Distributed(${cluster}, ${db}, gate_configs_local, cityHash64(project_id));
