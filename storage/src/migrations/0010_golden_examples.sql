-- Golden eval sets and few-shot examples (docs/design.md §9): a reviewer's corrected response, a golden
-- set's name and expected outputs, and the gold examples searched for similar inputs.

-- A reviewer may write the response the model should have given; '' when they did not.
ALTER TABLE ${db}.reviews${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS correction String DEFAULT '' CODEC(ZSTD(3));

-- if cluster
ALTER TABLE ${db}.reviews ${on_cluster}
    ADD COLUMN IF NOT EXISTS correction String DEFAULT '' CODEC(ZSTD(3));

-- A golden set is named by the team (offline evals refer to it by that name); '' for other datasets.
ALTER TABLE ${db}.datasets${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS name String DEFAULT '';

-- if cluster
ALTER TABLE ${db}.datasets ${on_cluster}
    ADD COLUMN IF NOT EXISTS name String DEFAULT '';

-- A golden set's members carry their expected output, frozen with the set (a later review or correction
-- does not change an eval set already used), and the difficulty stratum they were drawn from.
ALTER TABLE ${db}.dataset_members${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS expected String DEFAULT '' CODEC(ZSTD(3)),
    ADD COLUMN IF NOT EXISTS difficulty LowCardinality(String) DEFAULT '';

-- if cluster
ALTER TABLE ${db}.dataset_members ${on_cluster}
    ADD COLUMN IF NOT EXISTS expected String DEFAULT '' CODEC(ZSTD(3)),
    ADD COLUMN IF NOT EXISTS difficulty LowCardinality(String) DEFAULT '';

-- Gold examples for few-shot prompts: an interaction's input and its human-approved answer (the response
-- a review passed on every label, or a reviewer's correction). Rewritten for a request whenever one of
-- its reviews is posted; the latest row wins, and `gold = false` withdraws an example a later review
-- failed. `tokens` (lower-case words of three letters or more) feeds the lexical search; its bloom
-- filter lets the engine skip granules that share no word with the query.
CREATE TABLE IF NOT EXISTS ${db}.gold_examples${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    workload_id LowCardinality(String),
    request_id  String,
    time        DateTime64(6, 'UTC'),
    source      LowCardinality(String),
    text        String CODEC(ZSTD(3)),
    expected    String CODEC(ZSTD(3)),
    gold        Bool,
    tokens      Array(String) MATERIALIZED arrayDistinct(arrayFilter(t -> lengthUTF8(t) >= 3, tokens(lowerUTF8(text)))),
    updated_at  DateTime64(6, 'UTC'),
    INDEX tokens_bf tokens TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = ${replicated}ReplacingMergeTree(updated_at)
ORDER BY (project_id, workload_id, request_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gold_examples ${on_cluster}
AS ${db}.gold_examples_local
ENGINE = Distributed(${cluster}, ${db}, gold_examples_local, cityHash64(project_id, request_id));
