import type { ClickHouseClient } from '@flywheel/storage';

// Synthetic traffic generated inside the engine (INSERT … SELECT … FROM numbers), so loading millions
// of rows costs no JavaScript. Every column is a deterministic function of the row number, so the
// signals, reviews and judgments of an interaction can be derived again without a join.

export const START = '2026-01-01 00:00:00.000000';
export const DAYS = 90;
export const PROJECTS = ['p0', 'p1', 'p2'] as const;
export const WORKLOADS = ['w0', 'w1', 'w2', 'w3'] as const;

const h = (k: number) => `cityHash64(number, ${k})`;
/** Column expressions of row `number` out of `{total:UInt64}`. */
const COL = {
  project: `multiIf(${h(1)} % 100 < 60, 'p0', ${h(1)} % 100 < 85, 'p1', 'p2')`,
  request: `concat('r', toString(number))`,
  time: `toDateTime64('${START}', 6, 'UTC') + toIntervalMicrosecond(toUInt64(number / {total:UInt64} * ${DAYS * 86_400_000_000}))`,
  workload: `multiIf(${h(2)} % 100 < 40, 'w0', ${h(2)} % 100 < 70, 'w1', ${h(2)} % 100 < 90, 'w2', 'w3')`,
  day: `intDiv(number * ${DAYS}, {total:UInt64})`,
};
const VERSION = `multiIf(${COL.day} < 30, 'v1', ${COL.day} < 60, 'v2', 'v3')`;
/** Success probability in percent: better versions, and a little worse when slow. */
const SUCCESS = `(multiIf(${COL.day} < 30, 62, ${COL.day} < 60, 70, 74) - intDiv(${h(10)} % 3000, 300))`;

export async function loadInteractions(
  client: ClickHouseClient,
  total: number,
  from: number,
  count: number,
): Promise<void> {
  await client.command({
    query: `
      INSERT INTO interactions (project_id, trace_id, span_id, parent_span_id, request_id, time, workload_id,
        service, operation, provider, request_model, model, model_version, user_id, session_id, prompt, response,
        input_messages, input_tokens, output_tokens, latency_ms, ttft_ms, finish_reason, status, error_message,
        language, quality_score, grounding_score, pii_kinds, response_words, response_tokens, toxicity,
        prompt_chars, jailbreak, topic_relevance, input_failures, dup_key, checks_passed, attributes)
      SELECT ${COL.project}, concat(hex(${h(3)}), hex(${h(4)})), hex(${h(5)}), '', ${COL.request}, ${COL.time},
        ${COL.workload}, 'svc', 'chat', 'openai', 'gpt', 'gpt', ${VERSION},
        concat('u', toString(${h(6)} % (1 + ${h(7)} % 20000))), '',
        concat(multiIf(${h(8)} % 100 < 4, 'No, that is wrong. ', ${h(8)} % 100 < 6, 'Are you sure? ', ''),
          ['How do I rotate an API key?', 'Summarize this ticket for me.', 'Write a SQL query for monthly revenue.',
           'Translate this paragraph to German.', 'Why does my build fail?', 'Explain this stack trace.'][1 + ${h(9)} % 6],
          repeat(' Some more context from the conversation.', ${h(9)} % 12)) AS p,
        concat(if(${h(11)} % 100 < 8, 'You are absolutely right, great question! ', ''),
          'Here is what to do: open the settings page, choose the option and confirm.',
          repeat(' Further detail on the step.', ${h(12)} % 40)) AS r,
        '', 20 + ${h(9)} % 400, 30 + ${h(12)} % 300, 200 + ${h(10)} % 3000, NULL, 'stop', 'ok', '',
        multiIf(${h(13)} % 100 < 70, 'en', ${h(13)} % 100 < 85, 'de', ${h(13)} % 100 < 95, 'fr', 'es'),
        if(${h(14)} % 3 = 0, NULL, (${h(14)} % 100) / 100), NULL,
        if(${h(15)} % 200 = 0, ['EMAIL'], []), 13 + 5 * (${h(12)} % 40), 20 + 7 * (${h(12)} % 40),
        (${h(16)} % 100) / 1000, lengthUTF8(p), '', NULL, [],
        if(${h(17)} % 25 = 0, concat('common-', toString(${h(17)} % 40)), hex(${h(17)})), map(), map()
      FROM numbers({from:UInt64}, {count:UInt64})`,
    query_params: { total, from, count },
  });
}

export async function loadSignals(
  client: ClickHouseClient,
  total: number,
  from: number,
  count: number,
): Promise<void> {
  // 65% of interactions get a signal: 15% thumbs, the rest implicit, success as SUCCESS says.
  const kind = `multiIf(
    ${h(21)} % 100 < 15, if(${h(22)} % 100 < ${SUCCESS}, 'thumbs_up', 'thumbs_down'),
    ${h(22)} % 100 < ${SUCCESS}, ['accepted', 'copied', 'accepted', 'edited'][1 + ${h(23)} % 4],
    ['regenerated', 'abandoned', 'corrected', 'follow_up', 'early_termination'][1 + ${h(23)} % 5])`;
  await client.command({
    query: `
      INSERT INTO signals (project_id, request_id, signal_id, time, kind, value, correction, explicit, user_id,
        source, trace_id, span_id, attributes)
      SELECT ${COL.project}, ${COL.request}, concat('s', toString(number)),
        ${COL.time} + toIntervalSecond(5 + ${h(24)} % 7200), ${kind} AS k,
        if(k = 'edited', (${h(25)} % 40) / 100, NULL), if(k = 'corrected', 'The corrected answer.', ''),
        k IN ('thumbs_up', 'thumbs_down'), '', 'api', '', '', map()
      FROM numbers({from:UInt64}, {count:UInt64})
      WHERE ${h(20)} % 100 < 65`,
    query_params: { total, from, count },
  });
}

export async function loadLabels(
  client: ClickHouseClient,
  total: number,
  from: number,
  count: number,
): Promise<void> {
  // 0.5% reviewed two days later; 3% judged for accuracy, 1% for sycophancy.
  await client.command({
    query: `
      INSERT INTO reviews (project_id, request_id, reviewer, time, labels, passed)
      SELECT ${COL.project}, ${COL.request}, 'reviewer', ${COL.time} + INTERVAL 2 DAY,
        map('accuracy', ${h(30)} % 100 < 80, 'helpfulness', ${h(31)} % 100 < 85, 'safety', true) AS l,
        arrayAll(x -> x, mapValues(l))
      FROM numbers({from:UInt64}, {count:UInt64})
      WHERE ${h(32)} % 1000 < 5`,
    query_params: { total, from, count },
  });
  await client.command({
    query: `
      INSERT INTO judgments (project_id, request_id, judge_id, metric, time, passed, score, label)
      SELECT ${COL.project}, ${COL.request}, 'judge', if(${h(33)} % 100 < 75, 'accuracy', 'sycophancy') AS m,
        ${COL.time} + INTERVAL 1 HOUR, if(m = 'accuracy', ${h(30)} % 100 < 75, ${h(11)} % 100 >= 8), NULL, ''
      FROM numbers({from:UInt64}, {count:UInt64})
      WHERE ${h(34)} % 100 < 4`,
    query_params: { total, from, count },
  });
}
