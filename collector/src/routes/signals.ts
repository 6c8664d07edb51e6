import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { EXPLICIT_SIGNAL_KINDS, SIGNAL_KINDS } from '@flywheel/semconv';
import { formatEventTime, type SignalRow } from '@flywheel/storage';
import { authenticate, type KeyRing } from '../auth';
import { clockNs, eventTimeProblem, wellFormedRow } from '../normalize';
import { readBody } from '../otlp/body';
import { jsonNestingProblem } from '../otlp/json-nesting';
import { redactSignal } from '../protect';
import type { BatchWriter, Rows } from '../writer';
import { BytesInFlight, bytesInFlightBudget, DEFAULT_MEMORY_SOFT_LIMIT_BYTES } from './bytes-in-flight';
import { toHttpError } from './http-errors';
import type { IngestCounters } from './counters';

/** One feedback signal as `POST /api/v1/signals` takes it. */
export const signalSchema = z.strictObject({
  requestId: z.string().min(1).max(256),
  kind: z.enum(SIGNAL_KINDS),
  value: z.number().finite().optional(),
  correction: z.string().max(200_000).optional(),
  explicit: z.boolean().optional(),
  userId: z.string().max(256).optional(),
  /** Backfilled feedback: from 1970 up to a day ahead of the server's clock (docs/ingest.md). */
  time: z.iso
    .datetime({ offset: true })
    .superRefine((time, ctx) => {
      // Refinements run even when the format check failed; that failure is already reported.
      const ms = Date.parse(time);
      if (Number.isNaN(ms)) return;
      const problem = eventTimeProblem(BigInt(ms) * 1_000_000n, clockNs());
      if (problem) ctx.addIssue({ code: 'custom', message: `${time} ${problem}` });
    })
    .optional(),
  /** Idempotency key: the same id is stored once however often it is sent. */
  id: z.string().min(1).max(256).optional(),
});
const listSchema = z.array(signalSchema).min(1).max(10_000);
const envelopeSchema = z.strictObject({ signals: listSchema });
/** The whole body: one signal, an array of them, or `{ "signals": [...] }` (parsed by shape, see below). */
export const signalsBody = z.union([signalSchema, listSchema, envelopeSchema]);
export type SignalInput = z.infer<typeof signalSchema>;

/** Which of the three accepted shapes the body had, so errors name fields the way the sender wrote them. */
type Shape = 'single' | 'list' | 'envelope';

/** `POST /api/v1/signals`: feedback as plain JSON, for browsers and backends without OpenTelemetry. */
export function signalsRoute(options: {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters: IngestCounters;
  /** Shared with the OTLP route when both run in one collector; otherwise a budget of its own. */
  admission?: BytesInFlight;
}): Hono {
  const admission =
    options.admission ??
    new BytesInFlight(bytesInFlightBudget(DEFAULT_MEMORY_SOFT_LIMIT_BYTES, process.memoryUsage.rss()));
  const app = new Hono();
  app.use(
    '/api/v1/signals',
    cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['content-type', 'authorization'] }),
  );
  app.post('/api/v1/signals', async (c) => {
    const lease = admission.lease();
    try {
      const projectId = authenticate(options.keys, c.req.header('authorization'));
      const body = await readBody(c.req.raw, { reserve: lease.reserve });
      const json = parseJson(body);
      if (json instanceof Error) return c.json({ error: json.message }, 400);
      const parsed = parseSignals(json);
      if (!parsed.success) return c.json({ error: describe(parsed.error) }, 400);
      const now = clockNs();
      // Corrections are the user's own text: redacted like prompts before anything is stored.
      const signals = parsed.data.map((input) => redactSignal(toSignalRow(input, projectId, now)));
      const receipt = await options.writer.write({ interactions: [], signals });
      options.counters.signals += signals.length - receipt.refused.length;
      const first = receipt.refused[0];
      if (first) {
        // Checked values the engine still cannot read: a deterministic error, not one to retry as is.
        const others = signals.length - receipt.refused.length;
        return c.json(
          {
            error: `${fieldPath(parsed.shape, first.index)}: storage refused it: ${first.reason}`,
            accepted: others,
          },
          400,
        );
      }
      return c.json({ accepted: signals.length });
    } catch (error) {
      const http = toHttpError(error);
      if (http.retryAfterSeconds) c.header('retry-after', String(http.retryAfterSeconds));
      return c.json({ error: http.message }, http.status);
    } finally {
      lease.release();
    }
  });
  return app;
}

export function toSignalRow(input: SignalInput, projectId: string, nowNs: bigint): SignalRow {
  const timeNs = input.time ? BigInt(Date.parse(input.time)) * 1_000_000n : nowNs;
  // Without an id the content identifies the signal, so a retried POST is stored once.
  const identity =
    input.id ??
    createHash('sha256')
      .update(
        JSON.stringify([
          input.requestId,
          input.kind,
          input.value ?? null,
          input.correction ?? '',
          input.userId ?? '',
          input.time ?? '',
        ]),
      )
      .digest('hex')
      .slice(0, 32);
  return wellFormedRow({
    project_id: projectId,
    request_id: input.requestId,
    signal_id: `api:${identity}`,
    time: formatEventTime(timeNs),
    kind: input.kind,
    value: input.value ?? null,
    correction: input.correction ?? '',
    explicit: input.explicit ?? EXPLICIT_SIGNAL_KINDS.has(input.kind),
    user_id: input.userId ?? '',
    source: 'api',
    trace_id: '',
    span_id: '',
    attributes: {},
  });
}

function parseJson(body: Buffer): unknown {
  const nesting = jsonNestingProblem(body);
  if (nesting) return new Error(`body is refused: ${nesting}`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return new Error('body must be JSON: a signal, an array of signals, or { "signals": [...] }');
  }
}

/** The body's shape decides the schema, so an error names the field rather than a failed union. */
function parseSignals(
  json: unknown,
): { success: true; data: SignalInput[]; shape: Shape } | { success: false; error: z.ZodError } {
  if (Array.isArray(json)) {
    const parsed = listSchema.safeParse(json);
    return parsed.success ? { success: true, data: parsed.data, shape: 'list' } : parsed;
  }
  if (json !== null && typeof json === 'object' && 'signals' in json) {
    const parsed = envelopeSchema.safeParse(json);
    return parsed.success ? { success: true, data: parsed.data.signals, shape: 'envelope' } : parsed;
  }
  const single = signalSchema.safeParse(json);
  return single.success ? { success: true, data: [single.data], shape: 'single' } : single;
}

function fieldPath(shape: Shape, index: number): string {
  if (shape === 'single') return 'body';
  return shape === 'list' ? `[${index}]` : `signals[${index}]`;
}

/** The first problem, with the path of the offending field, e.g. `signals[2].kind: Invalid option …`. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return `${path || 'body'}: ${issue.message}`;
}
