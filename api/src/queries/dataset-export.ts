import type { Readable } from 'node:stream';
import type { ClickHouseClient } from '@flywheel/storage';
import { reviewerCorrectionsSql } from './gold-examples';
import { interactionTextSql, MESSAGE_TYPE as MESSAGE } from './interaction-messages';

export type ExportFormat = 'sft' | 'dpo' | 'parquet';
export type DatasetSplit = 'train' | 'validation';

export interface ExportParams {
  projectId: string;
  datasetId: string;
  split: DatasetSplit;
  workload: string;
  /** The dataset's data window and snapshot time (DateTime64 text): signals as known then. */
  from: string;
  to: string;
  at: string;
}

/** SQL: one message of the chat format from two text expressions. */
const message = (role: string, content: string) => `CAST((${role}, ${content}), '${MESSAGE}')`;

/**
 * SQL: the conversation that led to a response, in OpenAI's chat format. The interaction's conversation
 * (the span's, else its events', by `interactionTextSql`) when it forms one (system, user and assistant
 * turns with text, a system turn only first, a user turn last), else the prompt alone as the user turn.
 * Tool turns are dropped: a chat fine-tuning line has none.
 */
const CONVERSATION = `
  if(length(kept) > 0 AND tupleElement(kept[-1], 'role') = 'user'
      AND arrayAll((m, k) -> tupleElement(m, 'role') != 'system' OR k = 1, kept, arrayEnumerate(kept)),
    kept, [${message("'user'", 'prompt')}])`;

// SQL: the split's members: the text (and the events it may come from) is read for these only.
const MEMBER_IDS_SQL = `
  SELECT request_id FROM dataset_members FINAL
  WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String} AND split = {split:String}`;

/**
 * SQL: a split's members with their text, ordered by nothing yet. Columns: request_id, source,
 * workload_id, stratum, session_id, time, prompt, response, correction (a reviewer's latest correction,
 * else the user's latest one, known at the dataset's time; '' without one), final (the correction where
 * there is one, else the response), thumbs_up, messages (the conversation before the response).
 */
const EXAMPLES_SQL = `
  SELECT m.request_id AS request_id, m.source AS source, m.workload_id AS workload_id, m.stratum AS stratum,
    i.i_session AS session_id, i.i_time AS time, i.i_prompt AS prompt, i.i_response AS response,
    if(rc.reviewer_correction != '', rc.reviewer_correction, s.s_correction) AS correction,
    if(correction != '', correction, i.i_response) AS final,
    s.s_thumbs_up AS thumbs_up,
    arrayFilter(m -> tupleElement(m, 'role') IN ('system', 'user', 'assistant') AND tupleElement(m, 'content') != '',
      i.i_messages) AS kept,
    ${CONVERSATION} AS messages
  FROM (
    SELECT request_id, source, workload_id, stratum FROM dataset_members FINAL
    WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String} AND split = {split:String}
  ) AS m
  INNER JOIN (
    SELECT request_id, any(session_id) AS i_session, any(time) AS i_time, any(prompt) AS i_prompt,
      any(response) AS i_response, any(conversation) AS i_messages
    FROM (${interactionTextSql({
      columns: 'request_id, session_id, time',
      where: `project_id = {projectId:String} AND workload_id = {workload:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        AND request_id IN (${MEMBER_IDS_SQL})`,
    })})
    GROUP BY request_id
  ) AS i ON i.request_id = m.request_id
  LEFT JOIN (
    SELECT request_id,
      argMaxIf(correction, (time, signal_id), kind = 'corrected' AND correction != '') AS s_correction,
      countIf(kind = 'thumbs_up') > 0 AS s_thumbs_up
    FROM signals FINAL
    WHERE project_id = {projectId:String} AND time <= {at:DateTime64(6, 'UTC')}
      AND kind IN ('corrected', 'thumbs_up')
    GROUP BY request_id
  ) AS s ON s.request_id = m.request_id
  LEFT JOIN (${reviewerCorrectionsSql('at')}) AS rc ON rc.request_id = m.request_id`;

/**
 * SQL: the workload's interactions of the window that drew a signal of `{kind}` by the dataset's time:
 * the rejected side of regeneration and thumbs pairs.
 */
const REJECTED_SQL = (kind: string) => `
  SELECT request_id, any(session_id) AS x_session, any(time) AS x_time, any(prompt) AS x_prompt,
    any(response) AS x_response
  FROM (${interactionTextSql({
    columns: 'request_id, session_id, time',
    where: `project_id = {projectId:String} AND workload_id = {workload:String}
      AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      AND request_id IN (
        SELECT request_id FROM signals FINAL
        WHERE project_id = {projectId:String} AND kind = '${kind}' AND time <= {at:DateTime64(6, 'UTC')})`,
  })})
  GROUP BY request_id`;

/** One SQL per format; every one ends in a total order, so exporting twice gives the same bytes. */
const EXPORT_SQL: Record<ExportFormat, string> = {
  // OpenAI chat fine-tuning: the conversation, then the answer to learn (the correction where one exists).
  sft: `
    SELECT arrayPushBack(messages, ${message("'assistant'", 'final')}) AS messages
    FROM (${EXAMPLES_SQL})
    WHERE final != ''
    ORDER BY request_id
    FORMAT JSONEachRow`,
  // TRL preference pairs, conversational form: the correction over the response; the answer kept over
  // the one regenerated for the same prompt in the same session; a thumbs-up answer over a thumbs-down
  // one to the same prompt.
  dpo: `
    SELECT prompt, [${message("'assistant'", 'chosen_text')}] AS chosen, [${message("'assistant'", 'rejected_text')}] AS rejected
    FROM (
      SELECT request_id, 'correction' AS pair_kind, '' AS other_id, messages AS prompt,
        correction AS chosen_text, response AS rejected_text
      FROM (${EXAMPLES_SQL}) WHERE correction != ''
      UNION ALL
      SELECT e.request_id, 'regeneration', x.request_id, e.messages, e.final, x.x_response
      FROM (${EXAMPLES_SQL}) AS e
      INNER JOIN (${REJECTED_SQL('regenerated')}) AS x ON x.x_session = e.session_id AND x.x_prompt = e.prompt
      WHERE e.session_id != '' AND x.x_time < e.time AND x.request_id != e.request_id
      UNION ALL
      SELECT e.request_id, 'thumbs', x.request_id, e.messages, e.final, x.x_response
      FROM (${EXAMPLES_SQL}) AS e
      INNER JOIN (${REJECTED_SQL('thumbs_down')}) AS x ON x.x_prompt = e.prompt
      WHERE e.thumbs_up AND x.request_id != e.request_id
    )
    WHERE chosen_text != '' AND rejected_text != '' AND chosen_text != rejected_text
    ORDER BY request_id, pair_kind, other_id
    FORMAT JSONEachRow`,
  // Written by the engine: one row per member, the conversation as a list of (role, content) structs.
  parquet: `
    SELECT request_id, source, workload_id, stratum, messages, final AS completion
    FROM (${EXAMPLES_SQL})
    ORDER BY request_id
    FORMAT Parquet`,
};

/**
 * Streams a split of a dataset in an export format, as the engine writes it. What is stored is already
 * redacted (the collector redacts before storage), so the export is too.
 */
export async function exportDataset(
  client: ClickHouseClient,
  format: ExportFormat,
  params: ExportParams,
): Promise<Readable> {
  const { stream } = await client.exec({ query: EXPORT_SQL[format], query_params: { ...params } });
  return stream;
}
