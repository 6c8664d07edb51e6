import { Hono } from 'hono';
import { z } from 'zod';
import { SIGNAL_KINDS } from '@flywheel/semconv';
import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToIso } from '../alarms/time';
import { latestEventTime } from '../queries/as-of';
import { DEFAULT_GATE_CONFIG, gateBuckets, type GateBucket, type GateConfig } from '../queries/gate';
import { gateConfigHistory, insertGateConfig, type StoredGateConfig } from '../queries/gate-config';
import { EARLIEST, LATEST, isoToEventTime } from './time';
import { parseBody, parseQuery } from './validation';
import type { ApiEnv } from './env';

const list = (item: z.ZodType<string>) =>
  z.string().transform((s, ctx) => {
    const items = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const value of items) {
      const parsed = item.safeParse(value);
      if (!parsed.success)
        ctx.addIssue({ code: 'custom', message: `'${value}': ${parsed.error.issues[0]!.message}` });
    }
    return items;
  });
const fraction = z.coerce.number().min(0).max(1);
const count = z.coerce.number().int().min(0);

/** Threshold overrides, shared by the query string (GET) and the stored configuration (PUT). */
const thresholds = {
  allowedOutcomeKinds: z.array(z.enum(SIGNAL_KINDS)),
  minResponseWords: count,
  minQualityScore: fraction,
  minGroundingScore: fraction,
  maxToxicity: fraction,
  minPromptChars: count,
  maxPromptChars: count,
  allowedLanguages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as en')),
  minTopicRelevance: fraction,
  signalWindowHours: z.coerce
    .number()
    .min(0)
    .max(24 * 90),
};
const configSchema = z.strictObject(thresholds).partial();

const querySchema = z.strictObject({
  workload: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
  bucket: z.enum(['day', 'week']).default('day'),
  ...z
    .strictObject(thresholds)
    .partial()
    .extend({
      allowedOutcomeKinds: list(z.enum(SIGNAL_KINDS)).optional(),
      allowedLanguages: list(thresholds.allowedLanguages.element).optional(),
    }).shape,
});

export type GateBand =
  'insufficient_data' | 'too_strict' | 'below_band' | 'healthy' | 'above_band' | 'too_loose';

/** docs/design.md §5: a healthy gate keeps 20–30%; below 10% it is too strict, above 50% too loose. */
export function gateBand(passRate: number | null): GateBand {
  if (passRate === null) return 'insufficient_data';
  if (passRate < 0.1) return 'too_strict';
  if (passRate < 0.2) return 'below_band';
  if (passRate <= 0.3) return 'healthy';
  if (passRate <= 0.5) return 'above_band';
  return 'too_loose';
}

/** Defaults, then the project's stored configuration, then the workload's, then the request's overrides. */
export function effectiveGateConfig(
  history: StoredGateConfig[],
  workload: string,
  overrides: Partial<GateConfig>,
): GateConfig {
  const latest = (w: string) => history.find((h) => h.workloadId === w)?.config ?? {};
  return { ...DEFAULT_GATE_CONFIG, ...latest(''), ...(workload ? latest(workload) : {}), ...overrides };
}

function total(buckets: GateBucket[]): Omit<GateBucket, 'bucket'> {
  const evaluated = buckets.reduce((n, b) => n + b.evaluated, 0);
  const passed = buckets.reduce((n, b) => n + b.passed, 0);
  const rejections: Record<string, number> = {};
  for (const b of buckets)
    for (const [k, v] of Object.entries(b.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  return { evaluated, passed, passRate: evaluated > 0 ? passed / evaluated : null, rejections };
}

/** `GET /api/v1/gate`, `GET|PUT /api/v1/gate/config`: the quality gate's pass rate and its configuration. */
export function gateRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/api/v1/gate', async (c) => {
    const { workload, from, to, asOf, bucket, ...overrides } = parseQuery(querySchema, c.req.query());
    const projectId = c.get('projectId');
    const history = await gateConfigHistory(client, projectId, workload ?? '');
    const config = effectiveGateConfig(history, workload ?? '', overrides as Partial<GateConfig>);
    const asOfTime = asOf ? isoToEventTime(asOf) : await latestEventTime(client, projectId);
    const buckets = await gateBuckets(client, {
      projectId,
      ...(workload ? { workload } : {}),
      from: from ? isoToEventTime(from) : EARLIEST,
      to: to ? isoToEventTime(to) : LATEST,
      asOf: asOfTime,
      bucket,
      config,
    });
    const all = total(buckets);
    return c.json({
      workload: workload ?? null,
      asOf: eventTimeToIso(asOfTime),
      config,
      buckets: buckets.map((b) => ({ ...b, band: gateBand(b.passRate) })),
      total: { ...all, band: gateBand(all.passRate) },
    });
  });

  app.get('/api/v1/gate/config', async (c) => {
    const { workload } = parseQuery(
      z.strictObject({ workload: z.string().min(1).max(200).optional() }),
      c.req.query(),
    );
    const history = await gateConfigHistory(client, c.get('projectId'), workload ?? '');
    return c.json({
      workload: workload ?? null,
      config: effectiveGateConfig(history, workload ?? '', {}),
      history: history.map(({ workloadId, version, config, createdAt }) => ({
        workload: workloadId || null,
        version,
        config,
        createdAt,
      })),
    });
  });

  app.put('/api/v1/gate/config', async (c) => {
    const body = await parseBody(
      c,
      z.strictObject({ workload: z.string().min(1).max(200).optional(), config: configSchema }),
    );
    const projectId = c.get('projectId');
    // Versions are ordered by when they were saved; a configuration change is not event-time data.
    const version = Date.now();
    await insertGateConfig(client, {
      projectId,
      workloadId: body.workload ?? '',
      version,
      config: body.config,
    });
    const history = await gateConfigHistory(client, projectId, body.workload ?? '');
    return c.json({
      workload: body.workload ?? null,
      version,
      config: effectiveGateConfig(history, body.workload ?? '', {}),
    });
  });
  return app;
}
