import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { latencyBiasCheck } from '../analytics/feedback-checks/bias';
import { driftCheck } from '../analytics/feedback-checks/drift';
import { survivorshipCheck } from '../analytics/feedback-checks/survivorship';
import { sycophancyCheck } from '../analytics/feedback-checks/sycophancy';
import { eventTimeToIso } from '../analytics/time';
import type { Operation } from '../openapi/operation';
import { checkResponse } from '../openapi/responses';
import { resolveScope, scopeQuery, type ResolvedScope } from './scope';
import { parseQuery } from './validation';
import type { ApiEnv } from './env';

const query = z.strictObject(scopeQuery);

interface CheckResult {
  statistics: unknown;
  sampleSizes: unknown;
  verdict: string;
  findings: unknown;
  series: unknown;
}

interface CheckDefinition {
  name: string;
  summary: string;
  description: string;
  /** Default `from`, in days before asOf. */
  days: number;
  run(client: ClickHouseClient, scope: ResolvedScope & { projectId: string }): Promise<CheckResult>;
}

const CHECKS: CheckDefinition[] = [
  {
    name: 'drift',
    summary: 'Metric drift, judge–human agreement, golden-set staleness',
    description:
      'PSI of the 7 days before asOf against the 28 days before those, for signal-kind, workload, language, prompt-length-decile and quality-score-decile mixes (warn ≥ 0.1, alarm ≥ 0.2); Cohen’s kappa between judges and reviewers (alarm below 0.4 or on a drop of more than 0.15 from the baseline); golden sets whose latest eval is older than 180 days warn. from/to bound the weekly kappa series (default 12 weeks).',
    days: 84,
    run: (client, s) =>
      driftCheck(client, { projectId: s.projectId, workload: s.workload, asOf: s.asOf, from: s.from }),
  },
  {
    name: 'sycophancy',
    summary: 'Sycophancy per model version',
    description:
      'Agreement/praise marker rate (a judge’s sycophancy verdict when present, else the built-in lexicon), capitulation rate under pushback, the feedback–accuracy gap, and the sycophantic share among gate-passed candidates against all responses. Default window: 28 days before asOf.',
    days: 28,
    run: sycophancyCheck,
  },
  {
    name: 'latency-bias',
    summary: 'Latency and length bias of the feedback',
    description:
      'Positive-outcome rate by latency (and response-length) quintile for correct and incorrect responses; pooled Mantel–Haenszel difference of the extreme quintiles within correctness strata. Default window: 28 days before asOf.',
    days: 28,
    run: latencyBiasCheck,
  },
  {
    name: 'survivorship',
    summary: 'Survivorship bias of explicit feedback',
    description:
      'Share of explicit feedback from the most active 10% of users; explicit vs implicit success rate per activity segment. Default window: 28 days before asOf.',
    days: 28,
    run: survivorshipCheck,
  },
];

export const checkOperations: Operation[] = CHECKS.map((check) => ({
  method: 'get',
  path: `/api/v1/checks/${check.name}`,
  tag: 'Checks',
  summary: check.summary,
  description: check.description,
  query,
  responses: {
    200: { description: 'The check’s statistics, sample sizes, verdict and series', schema: checkResponse },
  },
}));

/** `GET /api/v1/checks/{drift,sycophancy,latency-bias,survivorship}` (docs/design.md §7). */
export function checksRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  for (const check of CHECKS) {
    app.get(`/api/v1/checks/${check.name}`, async (c) => {
      const q = parseQuery(query, c.req.query());
      const projectId = c.get('projectId');
      const scope = await resolveScope(client, projectId, q, check.days);
      const result = await check.run(client, { projectId, ...scope });
      return c.json({
        check: check.name,
        workload: scope.workload || null,
        window: {
          from: eventTimeToIso(scope.from),
          to: eventTimeToIso(scope.to),
          asOf: eventTimeToIso(scope.asOf),
        },
        ...result,
      });
    });
  }
  return app;
}
