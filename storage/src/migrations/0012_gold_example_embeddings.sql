-- Embeddings of the gold examples (docs/analytics.md, "GET /api/v1/examples/similar"), written only
-- when an OpenAI-compatible embeddings service is configured: one vector per example and model.

-- A gold example's input embedded by a model. Rows of one model never meet another's: every read names
-- the model. The vector similarity index (HNSW, cosine distance) is not declared here: its DDL fixes the
-- vectors' dimension, which only the configured model decides, so the API adds it (`vectors`) on the
-- first vectors it writes and rebuilds it when a new model's dimension differs (after deleting the old
-- model's rows, whose lengths the index would refuse). Without an index the same query is an exact scan.
-- Vectors are floats with little to compress, so they keep the default codec.
CREATE TABLE IF NOT EXISTS ${db}.gold_example_embeddings${local} ${on_cluster}
(
    project_id  LowCardinality(String),
    workload_id LowCardinality(String),
    request_id  String,
    model       LowCardinality(String),
    dimensions  UInt32,
    vector      Array(Float32),
    created_at  DateTime64(6, 'UTC') DEFAULT now64(6)
)
ENGINE = ${replicated}ReplacingMergeTree(created_at)
ORDER BY (project_id, workload_id, model, request_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.gold_example_embeddings ${on_cluster}
AS ${db}.gold_example_embeddings_local
ENGINE = Distributed(${cluster}, ${db}, gold_example_embeddings_local, cityHash64(project_id, request_id));
