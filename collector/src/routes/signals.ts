import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { EXPLICIT_SIGNAL_KINDS, SIGNAL_KINDS } from '@flywheel/semconv';
import { formatEventTime, type SignalRow } from '@flywheel/storage';
import { authenticate, type KeyRing } from '../auth';
import { redactSignal } from '../protect';
import type { BatchWriter, Rows } from '../writer';
import { toHttpError } from './http-errors';
import type { IngestCounters } from './counters';

const signalSchema = z.strictObject({
  requestId: z.string().min(1).max(256),
  kind: z.enum(SIGNAL_KINDS),
  value: z.number().finite().optional(),
  correction: z.string().max(200_000).optional(),
  explicit: z.boolean().optional(),
  userId: z.string().max(256).optional(),
  time: z.iso.datetime({ offset: true }).optional(),
  /** Idempotency key: the same id is stored once however often it is sent. */
  id: z.string().min(1).max(256).optional(),
});
const listSchema = z.array(signalSchema).min(1).max(10_000);
const envelopeSchema = z.strictObject({ signals: listSchema });
export type SignalInput = z.infer<typeof signalSchema>;

/** `POST /api/v1/signals`: feedback as plain JSON, for browsers and backends without OpenTelemetry. */
export function signalsRoute(options: {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters: IngestCounters;
}): Hono {
  const app = new Hono();
  app.use(
    '/api/v1/signals',
    cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['content-type', 'authorization'] }),
  );
  app.post('/api/v1/signals', async (c) => {
    try {
      const projectId = authenticate(options.keys, c.req.header('authorization'));
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        return c.json(
          { error: 'body must be JSON: a signal, an array of signals, or { "signals": [...] }' },
          400,
        );
      }
      const parsed = parseSignals(json);
      if (!parsed.success) return c.json({ error: describe(parsed.error) }, 400);
      const inputs = parsed.data;
      const now = BigInt(Date.now()) * 1_000_000n;
      // Corrections are the user's own text: redacted like prompts before anything is stored.
      const signals = inputs.map((input) => redactSignal(toSignalRow(input, projectId, now)));
      await options.writer.write({ interactions: [], signals });
      options.counters.signals += signals.length;
      return c.json({ accepted: signals.length });
    } catch (error) {
      const http = toHttpError(error);
      if (http.retryAfterSeconds) c.header('retry-after', String(http.retryAfterSeconds));
      return c.json({ error: http.message }, http.status);
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
  return {
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
  };
}

/** The body's shape decides the schema, so an error names the field rather than a failed union. */
function parseSignals(
  json: unknown,
): { success: true; data: SignalInput[] } | { success: false; error: z.ZodError } {
  if (Array.isArray(json)) return listSchema.safeParse(json);
  if (json !== null && typeof json === 'object' && 'signals' in json) {
    const parsed = envelopeSchema.safeParse(json);
    return parsed.success ? { success: true, data: parsed.data.signals } : parsed;
  }
  const single = signalSchema.safeParse(json);
  return single.success ? { success: true, data: [single.data] } : single;
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
