import type { Tracer } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { expectSuccess, exportSpans, recordSpans } from '../../support/otel';

/**
 * Deterministic traffic for the dashboard tests, sent through the real OTLP exporter: several workloads,
 * a version change, signals of every polarity, and a workload with silent days (gaps, not zeros).
 */

export const SEED_END = Date.parse('2026-10-31T00:00:00Z');
const DAY = 86_400_000;

interface WorkloadPlan {
  id: string;
  service: string;
  perDay: number;
  signalRate: number;
  /** Success probability for a version. */
  versions: { name: string; fromDay: number; success: number }[];
  /** Days (0-based) without any traffic. */
  silent?: [number, number];
}

export const SEED_WORKLOADS: WorkloadPlan[] = [
  {
    id: 'support-chat',
    service: 'support-bot',
    perDay: 36,
    signalRate: 0.75,
    versions: [
      { name: 'support-v1', fromDay: 0, success: 0.72 },
      { name: 'support-v2', fromDay: 24, success: 0.83 },
    ],
  },
  {
    id: 'code-review',
    service: 'review-bot',
    perDay: 20,
    signalRate: 0.5,
    versions: [{ name: 'review-v3', fromDay: 0, success: 0.62 }],
  },
  {
    id: 'summarize',
    service: 'docs-app',
    perDay: 12,
    signalRate: 0.6,
    versions: [{ name: 'sum-v1', fromDay: 0, success: 0.9 }],
    silent: [12, 17],
  },
];

const TOPICS = [
  [
    'reset my password',
    'Open Settings, choose Security, then select Reset password and follow the e-mailed link',
  ],
  [
    'export my invoices',
    'Go to Billing, pick the date range you need and press Export to download a CSV file',
  ],
  [
    'change the plan',
    'In Billing choose Change plan; the new price applies from the next billing period onwards',
  ],
  [
    'invite a teammate',
    'Open Team, press Invite, enter their address and choose a role before sending the invitation',
  ],
  [
    'review this function',
    'The loop re-reads the array on every pass; caching its length and returning early avoids the extra work',
  ],
  [
    'summarize the release notes',
    'This release adds saved views, faster exports and fixes the timezone bug in scheduled reports',
  ],
];

/** A small deterministic PRNG (mulberry32), so every run produces the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CallSpec {
  workload: string;
  service: string;
  requestId: string;
  version: string;
  time: number;
  latencyMs: number;
  prompt: string;
  response: string;
  userId: string;
  qualityScore?: number;
  signals: { kind: string; at: number; value?: number; correction?: string; explicit?: boolean }[];
}

export function callSpan(tracer: Tracer, call: CallSpec): void {
  tracer
    .startSpan(`chat ${call.version}`, {
      startTime: call.time,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': Math.ceil(call.prompt.length / 4),
        'gen_ai.usage.output_tokens': Math.ceil(call.response.length / 4),
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: call.prompt }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: call.response }] },
        ]),
        'flywheel.workload_id': call.workload,
        'flywheel.request_id': call.requestId,
        'flywheel.model_version': call.version,
        'flywheel.user_id': call.userId,
        ...(call.qualityScore !== undefined ? { 'flywheel.quality_score': call.qualityScore } : {}),
      },
    })
    .end(call.time + call.latencyMs);
  for (const s of call.signals) {
    tracer
      .startSpan('flywheel.signal', {
        startTime: s.at,
        attributes: {
          'flywheel.request_id': call.requestId,
          'flywheel.signal.kind': s.kind,
          'gen_ai.evaluation.name': `flywheel.${s.kind}`,
          'flywheel.user_id': call.userId,
          ...(s.value !== undefined ? { 'flywheel.signal.value': s.value } : {}),
          ...(s.correction ? { 'flywheel.signal.correction': s.correction } : {}),
          ...(s.explicit ? { 'flywheel.signal.explicit': true } : {}),
        },
      })
      .end(s.at);
  }
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** The seed traffic as call specs: `days` days ending at SEED_END. */
export function seedCalls(days = 40, seed = 7): CallSpec[] {
  const rand = random(seed);
  const calls: CallSpec[] = [];
  const start = SEED_END - days * DAY;
  for (const w of SEED_WORKLOADS) {
    for (let day = 0; day < days; day++) {
      if (w.silent && day >= w.silent[0] && day <= w.silent[1]) continue;
      const version = [...w.versions].reverse().find((v) => day >= v.fromDay)!;
      const count = Math.round(w.perDay * (0.8 + rand() * 0.4));
      for (let i = 0; i < count; i++) {
        const time = start + day * DAY + Math.floor(rand() * (DAY - 3_600_000));
        const [topic, answer] = pick(rand, TOPICS) as [string, string];
        // A few users are far more active than the rest, as in real products.
        const user = rand() < 0.4 ? `user-${Math.floor(rand() * 5)}` : `user-${5 + Math.floor(rand() * 80)}`;
        const response = `${answer}. If that does not help, tell me what you see on the screen and I will walk you through the next steps one at a time.`;
        const signals: CallSpec['signals'] = [];
        if (rand() < w.signalRate) {
          const at = time + 20_000 + Math.floor(rand() * 600_000);
          if (rand() < version.success) {
            const kind = pick(rand, ['accepted', 'copied', 'thumbs_up', 'accepted', 'edited'] as const);
            signals.push({
              kind,
              at,
              ...(kind === 'edited' ? { value: 0.1 } : {}),
              ...(kind === 'thumbs_up' ? { explicit: true } : {}),
            });
          } else {
            const kind = pick(rand, ['regenerated', 'thumbs_down', 'abandoned', 'corrected'] as const);
            signals.push({
              kind,
              at,
              ...(kind === 'corrected'
                ? { correction: `No, I meant how to ${topic} from the mobile app.` }
                : {}),
              ...(kind === 'thumbs_down' ? { explicit: true } : {}),
            });
          }
        }
        calls.push({
          workload: w.id,
          service: w.service,
          requestId: `${w.id}-${day}-${i}`,
          version: version.name,
          time,
          latencyMs: 300 + Math.floor(rand() * 3500),
          prompt: `How do I ${topic}?`,
          response,
          userId: user,
          qualityScore: Math.round((0.45 + rand() * 0.55) * 100) / 100,
          signals,
        });
      }
    }
  }
  return calls;
}

/** Sends calls (and their signals) through the real protobuf OTLP exporter, in batches. */
export async function sendCalls(otlpUrl: string, calls: CallSpec[], apiKey?: string): Promise<void> {
  const BATCH = 400;
  for (let i = 0; i < calls.length; i += BATCH) {
    const batch = calls.slice(i, i + BATCH);
    const byService = new Map<string, CallSpec[]>();
    for (const c of batch) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
    const spans: ReadableSpan[] = [];
    for (const [service, group] of byService)
      spans.push(...(await recordSpans(service, (tracer) => group.forEach((c) => callSpan(tracer, c)))));
    expectSuccess(await exportSpans('protobuf', otlpUrl, spans, apiKey ? { apiKey } : {}));
  }
}
