import type { ClickHouseClient } from '@flywheel/storage';
import { survivorshipSegments, type SegmentCounts } from '../../queries/feedback-checks/survivorship';
import { gateConfigFor } from '../gate-settings';
import { combine, type Finding } from '../verdict';

export const SURVIVORSHIP = {
  topShareWarn: 0.5,
  disagreementWarn: 0.1,
  minUsers: 20,
  minExplicit: 30,
  minImplicit: 30,
} as const;

const rate = (x: number, n: number) => (n > 0 ? x / n : null);

/**
 * Survivorship bias (docs/design.md §7): the share of explicit feedback given by the most active 10% of users,
 * and explicit against implicit success rate per activity segment. Warns when the top decile gives more
 * than half the explicit feedback and the explicit and implicit success rates (over all users) differ
 * by more than 10 points.
 */
export async function survivorshipCheck(
  client: ClickHouseClient,
  scope: { projectId: string; workload: string; from: string; to: string; asOf: string },
) {
  const config = await gateConfigFor(client, scope.projectId, scope.workload);
  const { segments, anonymous } = await survivorshipSegments(client, {
    ...scope,
    signalWindowHours: config.signalWindowHours,
  });
  const all = segments.reduce<Omit<SegmentCounts, 'segment'>>(
    (t, s) => ({
      users: t.users + s.users,
      interactions: t.interactions + s.interactions,
      explicit: t.explicit + s.explicit,
      explicitSuccesses: t.explicitSuccesses + s.explicitSuccesses,
      implicitKnown: t.implicitKnown + s.implicitKnown,
      implicitSuccesses: t.implicitSuccesses + s.implicitSuccesses,
    }),
    { users: 0, interactions: 0, explicit: 0, explicitSuccesses: 0, implicitKnown: 0, implicitSuccesses: 0 },
  );
  const top = segments.find((s) => s.segment === 'top_10')!;
  const topShare = rate(top.explicit, all.explicit);
  const explicitRate = rate(all.explicitSuccesses, all.explicit);
  const implicitRate = rate(all.implicitSuccesses, all.implicitKnown);
  const disagreement = explicitRate !== null && implicitRate !== null ? explicitRate - implicitRate : null;

  const findings: Finding[] = [];
  if (
    all.users < SURVIVORSHIP.minUsers ||
    all.explicit < SURVIVORSHIP.minExplicit ||
    all.implicitKnown < SURVIVORSHIP.minImplicit
  ) {
    findings.push({
      rule: 'survivorship',
      verdict: 'insufficient_data',
      detail: `${all.users} users, ${all.explicit} explicit and ${all.implicitKnown} implicit outcomes; ${SURVIVORSHIP.minUsers}, ${SURVIVORSHIP.minExplicit} and ${SURVIVORSHIP.minImplicit} are needed`,
    });
  } else {
    const concentrated = topShare! > SURVIVORSHIP.topShareWarn;
    const disagree = Math.abs(disagreement!) > SURVIVORSHIP.disagreementWarn;
    const pts = (x: number) => (x * 100).toFixed(1);
    // Both conditions in one sentence, each with its number, so the verdict can be checked by eye.
    findings.push({
      rule: 'survivorship',
      verdict: concentrated && disagree ? 'warn' : 'ok',
      detail:
        `Warn when the most active 10% of users give more than ${SURVIVORSHIP.topShareWarn * 100}% of explicit feedback ` +
        `and explicit and implicit success rates differ by more than ${SURVIVORSHIP.disagreementWarn * 100} points: ` +
        `they give ${pts(topShare!)}% (${concentrated ? 'met' : 'not met'}) and the rates differ by ` +
        `${pts(Math.abs(disagreement!))} points, explicit ${pts(explicitRate!)}% vs implicit ${pts(implicitRate!)}% ` +
        `(${disagree ? 'met' : 'not met'}), so ${concentrated && disagree ? 'warn' : concentrated || disagree ? 'only one holds: ok' : 'ok'}.`,
    });
  }
  const series = segments.map((s) => ({
    segment: s.segment,
    users: s.users,
    interactions: s.interactions,
    explicitShare: rate(s.explicit, all.explicit),
    explicitSuccessRate: rate(s.explicitSuccesses, s.explicit),
    implicitSuccessRate: rate(s.implicitSuccesses, s.implicitKnown),
  }));
  return {
    statistics: {
      topDecileExplicitShare: topShare,
      explicitSuccessRate: explicitRate,
      implicitSuccessRate: implicitRate,
      disagreement,
    },
    sampleSizes: {
      users: all.users,
      interactions: all.interactions,
      anonymousInteractions: anonymous,
      explicit: all.explicit,
      implicit: all.implicitKnown,
    },
    verdict: combine(findings.map((f) => f.verdict)),
    findings,
    series,
  };
}
