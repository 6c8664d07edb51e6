import { formatEventTime, type InteractionRow, type SignalRow } from '@flywheel/storage';

export const DAY = 24 * 3600 * 1000;
export const START = Date.parse('2026-09-01T00:00:00Z');

/**
 * Interactions of one workload and version on one day, spread evenly, each with one signal two minutes
 * later: `accepted` for the first `successRate` share, `abandoned` for the rest.
 */
export function dayOfTraffic(params: {
  project?: string;
  workload: string;
  version: string;
  day: number;
  n: number;
  successRate: number;
}): { interactions: InteractionRow[]; signals: SignalRow[] } {
  const interactions: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  const successes = Math.round(params.n * params.successRate);
  for (let i = 0; i < params.n; i++) {
    const at = START + params.day * DAY + Math.floor((i * DAY) / params.n);
    const id = `${params.workload}-${params.version}-${params.day}-${i}`;
    const ns = (ms: number) => formatEventTime(BigInt(ms) * 1_000_000n);
    // Interleave successes and failures over the day so every partial window sees the true rate.
    const success = Math.floor(((i + 1) * successes) / params.n) > Math.floor((i * successes) / params.n);
    interactions.push({
      project_id: params.project ?? 'default',
      trace_id: id,
      span_id: id,
      parent_span_id: '',
      request_id: id,
      time: ns(at),
      workload_id: params.workload,
      service: 'svc',
      operation: 'chat',
      provider: 'openai',
      request_model: 'm',
      model: 'm',
      model_version: params.version,
      user_id: `u${i % 50}`,
      session_id: '',
      prompt: 'question',
      response: 'answer',
      input_messages: '',
      input_tokens: 10,
      output_tokens: 20,
      latency_ms: 800,
      ttft_ms: null,
      finish_reason: 'stop',
      status: 'ok',
      error_message: '',
      language: 'en',
      quality_score: null,
      grounding_score: null,
      attributes: {},
      response_words: 40,
      prompt_chars: 50,
    });
    signals.push({
      project_id: params.project ?? 'default',
      request_id: id,
      signal_id: `s-${id}`,
      time: ns(at + 120_000),
      kind: success ? 'accepted' : 'abandoned',
      value: null,
      correction: '',
      explicit: false,
      user_id: `u${i % 50}`,
      source: 'api',
      trace_id: '',
      span_id: '',
      attributes: {},
    });
  }
  return { interactions, signals };
}
