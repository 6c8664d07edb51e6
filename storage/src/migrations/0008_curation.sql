-- Curation (docs/design.md §9): training datasets beyond cycle snapshots, and the review queue's leases.

-- How a dataset was cut, so that it can be described and re-derived: the sources it admitted, the share
-- held out for validation, the columns its split is stratified by and the seed that orders each stratum.
-- A cycle snapshot (0004) keeps the defaults: every source, no validation split.
ALTER TABLE ${db}.datasets${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS sources Array(LowCardinality(String)) DEFAULT ['gold', 'correction', 'gate_passed'],
    ADD COLUMN IF NOT EXISTS validation_share Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stratify_by Array(LowCardinality(String)) DEFAULT [],
    ADD COLUMN IF NOT EXISTS seed UInt32 DEFAULT 0;

-- if cluster
ALTER TABLE ${db}.datasets ${on_cluster}
    ADD COLUMN IF NOT EXISTS sources Array(LowCardinality(String)) DEFAULT ['gold', 'correction', 'gate_passed'],
    ADD COLUMN IF NOT EXISTS validation_share Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stratify_by Array(LowCardinality(String)) DEFAULT [],
    ADD COLUMN IF NOT EXISTS seed UInt32 DEFAULT 0;

-- Each member's split, its near-duplicate key (the leakage report compares splits and golden sets by
-- it without re-reading interactions) and its stratum (the values of the dataset's stratify_by).
ALTER TABLE ${db}.dataset_members${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS split LowCardinality(String) DEFAULT 'train',
    ADD COLUMN IF NOT EXISTS dup_key String DEFAULT '',
    ADD COLUMN IF NOT EXISTS stratum String DEFAULT '';

-- if cluster
ALTER TABLE ${db}.dataset_members ${on_cluster}
    ADD COLUMN IF NOT EXISTS split LowCardinality(String) DEFAULT 'train',
    ADD COLUMN IF NOT EXISTS dup_key String DEFAULT '',
    ADD COLUMN IF NOT EXISTS stratum String DEFAULT '';

-- Review queue leases: an item handed to a reviewer until `expires_at`. One row per request and
-- reviewer; a renewed claim replaces it (the latest `leased_at` wins). An expired lease, or one whose
-- reviewer has posted the review, holds nothing, so no row is ever deleted.
CREATE TABLE IF NOT EXISTS ${db}.review_leases${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    request_id  String,
    reviewer    String,
    workload_id LowCardinality(String),
    reason      LowCardinality(String),
    leased_at   DateTime64(6, 'UTC'),
    expires_at  DateTime64(6, 'UTC')
)
ENGINE = ${replicated}ReplacingMergeTree(leased_at)
ORDER BY (project_id, request_id, reviewer);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.review_leases ${on_cluster}
AS ${db}.review_leases_local
ENGINE = Distributed(${cluster}, ${db}, review_leases_local, cityHash64(project_id, request_id));
