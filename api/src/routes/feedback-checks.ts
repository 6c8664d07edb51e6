import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { ALARM_KINDS, type AlarmKind } from '../alarms/types';
import type { AlertSettings } from '../alerts/settings';
import { applyAlarmLevels } from '../analytics/feedback-checks/alarm-levels';
import { latencyBiasCheck } from '../analytics/feedback-checks/bias';
import { driftCheck } from '../analytics/feedback-checks/drift';
import { survivorshipCheck } from '../analytics/feedback-checks/survivorship';
import { sycophancyCheck } from '../analytics/feedback-checks/sycophancy';
import { eventTimeToIso } from '../analytics/time';
import type { Finding, Verdict } from '../analytics/verdict';
import type { CheckName } from '../contract/check-results';
import {
  getDriftCheck,
  getLatencyBiasCheck,
  getSurvivorshipCheck,
  getSycophancyCheck,
} from '../contract/feedback-checks';
import { resolveScope, type ResolvedScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

type Scope = ResolvedScope & { projectId: string };

/** `GET /api/v1/checks/{drift,sycophancy,latency-bias,survivorship}` (docs/design.md §7). */
export function checksRoute(client: ClickHouseClient, settings: AlertSettings): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  /** Resolves the scope with the check's default window (days before asOf) and wraps its result. */
  async function run<N extends CheckName, R extends { verdict: Verdict; findings: Finding[] }>(
    check: N,
    query: {
      workload?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      asOf?: string | undefined;
    },
    projectId: string,
    days: number,
    compute: (scope: Scope) => Promise<R>,
  ) {
    const [scope, { rules }] = await Promise.all([
      resolveScope(client, projectId, query, days),
      settings.forProject(projectId),
    ]);
    const result = await compute({ projectId, ...scope });
    const enabled = new Set<AlarmKind>(ALARM_KINDS.filter((kind) => rules[kind].enabled));
    return {
      check,
      workload: scope.workload || null,
      window: {
        from: eventTimeToIso(scope.from),
        to: eventTimeToIso(scope.to),
        asOf: eventTimeToIso(scope.asOf),
      },
      ...result,
      // The project's alarm rules decide what is an alarm here too, so the pages agree with the pager.
      ...applyAlarmLevels(check, result.findings, enabled),
    };
  }

  // Drift compares fixed windows before asOf; from/to only bound its weekly kappa series (12 weeks).
  app.openapi(getDriftCheck, async (c) =>
    c.json(
      await run('drift' as const, c.req.valid('query'), c.get('projectId'), 84, (s) =>
        driftCheck(client, { projectId: s.projectId, workload: s.workload, asOf: s.asOf, from: s.from }),
      ),
      200,
    ),
  );
  app.openapi(getSycophancyCheck, async (c) =>
    c.json(
      await run('sycophancy' as const, c.req.valid('query'), c.get('projectId'), 28, (s) =>
        sycophancyCheck(client, s),
      ),
      200,
    ),
  );
  app.openapi(getLatencyBiasCheck, async (c) =>
    c.json(
      await run('latency-bias' as const, c.req.valid('query'), c.get('projectId'), 28, (s) =>
        latencyBiasCheck(client, s),
      ),
      200,
    ),
  );
  app.openapi(getSurvivorshipCheck, async (c) =>
    c.json(
      await run('survivorship' as const, c.req.valid('query'), c.get('projectId'), 28, (s) =>
        survivorshipCheck(client, s),
      ),
      200,
    ),
  );
  return app;
}
