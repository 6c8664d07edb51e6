import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, json, scopeQuery } from './common';
import {
  driftCheck,
  latencyBiasCheck,
  survivorshipCheck,
  sycophancyCheck,
  type CheckName,
} from './check-results';

export const checkQuery = z.strictObject(scopeQuery);

function checkRoute<N extends CheckName, S extends z.ZodType>(
  check: N,
  operationId: string,
  summary: string,
  description: string,
  schema: S,
) {
  return createRoute({
    method: 'get',
    path: `/api/v1/checks/${check}`,
    operationId,
    tags: ['Checks'],
    summary,
    description,
    request: { query: checkQuery },
    responses: {
      200: json(schema, 'The check’s statistics, sample sizes, verdict and series'),
      ...apiErrors,
    },
  });
}

export const getDriftCheck = checkRoute(
  'drift',
  'getDriftCheck',
  'Metric drift, judge–human agreement, golden-set staleness',
  'PSI of the 7 days before asOf against the 28 days before those, for signal-kind, workload, language, prompt-length-decile and quality-score-decile mixes (warn ≥ 0.1, alarm ≥ 0.2); Cohen’s kappa between judges and reviewers (alarm below 0.4 or on a drop of more than 0.15 from the baseline); golden sets whose latest eval is older than 180 days warn. from/to bound the weekly kappa series (default 12 weeks).',
  driftCheck,
);

export const getSycophancyCheck = checkRoute(
  'sycophancy',
  'getSycophancyCheck',
  'Sycophancy per model version',
  'Agreement/praise marker rate (a judge’s sycophancy verdict when present, else the built-in lexicon), capitulation rate under pushback, the feedback–accuracy gap, and the sycophantic share among gate-passed candidates against all responses. Default window: 28 days before asOf.',
  sycophancyCheck,
);

export const getLatencyBiasCheck = checkRoute(
  'latency-bias',
  'getLatencyBiasCheck',
  'Latency and length bias of the feedback',
  'Positive-outcome rate by latency (and response-length) quintile for correct and incorrect responses; pooled Mantel–Haenszel difference of the extreme quintiles within correctness strata. Default window: 28 days before asOf.',
  latencyBiasCheck,
);

export const getSurvivorshipCheck = checkRoute(
  'survivorship',
  'getSurvivorshipCheck',
  'Survivorship bias of explicit feedback',
  'Share of explicit feedback from the most active 10% of users; explicit vs implicit success rate per activity segment. Default window: 28 days before asOf.',
  survivorshipCheck,
);
