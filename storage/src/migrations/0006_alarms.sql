-- Alarm state. One row per alarm instance; every state change is a new row version, so the newest row
-- of an id is its state and the history of transitions stays readable.
CREATE TABLE IF NOT EXISTS ${db}.alarms${local} ${on_cluster}
(
    project_id      LowCardinality(String),
    alarm_id        String,
    kind            LowCardinality(String),
    severity        LowCardinality(String),
    workload_id     String,
    model_version   String,
    state           LowCardinality(String),
    fired_at        DateTime64(6, 'UTC'),
    resolved_at     Nullable(DateTime64(6, 'UTC')),
    evaluated_at    DateTime64(6, 'UTC'),
    evidence        String CODEC(ZSTD(3)),
    recommendation  String,
    version         UInt64
)
ENGINE = ${replicated}ReplacingMergeTree(version)
ORDER BY (project_id, alarm_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.alarms ${on_cluster}
AS ${db}.alarms_local
ENGINE = Distributed(${cluster}, ${db}, alarms_local, cityHash64(project_id));

-- Every attempt to deliver an alarm to a destination, with its outcome. Never holds secrets.
CREATE TABLE IF NOT EXISTS ${db}.alert_deliveries${local} ${on_cluster}
(
    project_id   LowCardinality(String),
    alarm_id     String,
    destination  String,
    channel      LowCardinality(String),
    action       LowCardinality(String),
    attempt      UInt8,
    status       LowCardinality(String),
    http_status  UInt16,
    error        String,
    sent_at      DateTime64(3, 'UTC')
)
ENGINE = ${replicated}MergeTree
PARTITION BY toYYYYMM(sent_at)
ORDER BY (project_id, alarm_id, sent_at);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.alert_deliveries ${on_cluster}
AS ${db}.alert_deliveries_local
ENGINE = Distributed(${cluster}, ${db}, alert_deliveries_local, cityHash64(project_id));

-- Alert rules and destinations set through the API, versioned per project; the newest wins over the file.
CREATE TABLE IF NOT EXISTS ${db}.alert_configs${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    version     UInt64,
    config      String CODEC(ZSTD(3)),
    created_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree
ORDER BY (project_id, version);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.alert_configs ${on_cluster}
AS ${db}.alert_configs_local
ENGINE = Distributed(${cluster}, ${db}, alert_configs_local, cityHash64(project_id));
