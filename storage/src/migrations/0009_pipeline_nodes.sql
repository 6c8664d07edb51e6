-- The OpenTelemetry ecosystem (docs/ingest.md): agent, workflow, tool, retrieval, chain and memory spans
-- as nodes of their trace; the messages that GenAI events (log records) carry for an LLM call; the
-- newest GenAI usage counts; evaluation results as judgments.

-- One row per non-LLM pipeline span. A trace is read whole, so the sort key leads with the trace; the
-- LLM calls of the trace stay in `interactions` and are joined by span id at read time.
CREATE TABLE IF NOT EXISTS ${db}.pipeline_nodes${local} ${on_cluster}
(
    project_id      LowCardinality(String),
    trace_id        String,
    span_id         String,
    parent_span_id  String,
    time            DateTime64(6, 'UTC'),
    node_type       LowCardinality(String),
    name            String,
    operation       LowCardinality(String),
    service         LowCardinality(String),
    status          LowCardinality(String),
    error_message   String CODEC(ZSTD(3)),
    duration_ms     Float64,
    agent_name      String,
    tool_name       String,
    document_count  Nullable(UInt32),
    document_scores Array(Float64),
    attributes      Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, trace_id, span_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.pipeline_nodes ${on_cluster}
AS ${db}.pipeline_nodes_local
ENGINE = Distributed(${cluster}, ${db}, pipeline_nodes_local, cityHash64(project_id, trace_id));

-- Messages of an LLM call that arrived as events (gen_ai.client.inference.operation.details, or the
-- older one-event-per-message gen_ai.user.message, gen_ai.choice, ...), keyed by the call's trace and
-- span. The span and its events arrive in either order, often in different requests; a separate table
-- joined at read time needs no update of the interaction row (no ALTER UPDATE on the ingest path).
CREATE TABLE IF NOT EXISTS ${db}.interaction_messages${local} ${on_cluster}
(
    project_id          LowCardinality(String),
    trace_id            String,
    span_id             String,
    event_id            String,
    time                DateTime64(6, 'UTC'),
    event_name          LowCardinality(String),
    input_messages      String CODEC(ZSTD(3)),
    output_messages     String CODEC(ZSTD(3)),
    system_instructions String CODEC(ZSTD(3)),
    pii_kinds           Array(LowCardinality(String)),
    attributes          Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ${replicated}ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (project_id, trace_id, span_id, event_id);

-- if cluster
CREATE TABLE IF NOT EXISTS ${db}.interaction_messages ${on_cluster}
AS ${db}.interaction_messages_local
ENGINE = Distributed(${cluster}, ${db}, interaction_messages_local, cityHash64(project_id, trace_id));

-- Newest GenAI usage counts (cache read and write input tokens, reasoning output tokens) and whether the
-- call streamed. A trace is looked up by id: the skip index lets the read skip granules of other traces.
ALTER TABLE ${db}.interactions${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS cache_read_input_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cache_write_input_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS reasoning_output_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stream Nullable(Bool),
    ADD INDEX IF NOT EXISTS idx_trace_id trace_id TYPE bloom_filter(0.01) GRANULARITY 4;

-- if cluster
ALTER TABLE ${db}.interactions ${on_cluster}
    ADD COLUMN IF NOT EXISTS cache_read_input_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cache_write_input_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS reasoning_output_tokens UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stream Nullable(Bool);

-- Evaluation results (gen_ai.evaluation.result) that are not user feedback become judgments; their
-- explanation and the span they were recorded on are kept.
ALTER TABLE ${db}.judgments${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS explanation String DEFAULT '' CODEC(ZSTD(3)),
    ADD COLUMN IF NOT EXISTS trace_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS span_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS source LowCardinality(String) DEFAULT 'api';

-- if cluster
ALTER TABLE ${db}.judgments ${on_cluster}
    ADD COLUMN IF NOT EXISTS explanation String DEFAULT '' CODEC(ZSTD(3)),
    ADD COLUMN IF NOT EXISTS trace_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS span_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS source LowCardinality(String) DEFAULT 'api';
