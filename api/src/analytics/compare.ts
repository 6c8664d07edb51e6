import type { ClickHouseClient } from '@flywheel/storage';
import { versionWindowCounts, type WindowCounts } from '../queries/cycle-metrics';
import { outcomesOf } from '../queries/interactions';
import { similarResponsePairs, type ResponseSample } from '../queries/similar-responses';
import {
  versionGates,
  versionShapes,
  versionSignalCounts,
  type VersionGate,
  type VersionShape,
  type VersionSignalCount,
} from '../queries/version-profile';
import { newcombeDifference } from '../stats/newcombe';
import { gateConfigFor } from './gate-settings';
import { eventTimeToIso } from './time';

export interface CompareParams {
  projectId: string;
  workload: string;
  baseline: string;
  candidate: string;
  /** DateTime64 text: the window [from, to) and the evaluation time. */
  from: string;
  to: string;
  asOf: string;
  samples: number;
}

function profile(
  modelVersion: string,
  counts: WindowCounts,
  gate: VersionGate | undefined,
  shape: VersionShape | undefined,
  signals: VersionSignalCount[],
) {
  const kinds = signals
    .map((s) => ({
      kind: s.kind,
      count: s.explicit + s.implicit,
      perInteraction: counts.interactions > 0 ? (s.explicit + s.implicit) / counts.interactions : 0,
    }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const evaluated = gate?.evaluated ?? 0;
  const passed = gate?.passed ?? 0;
  return {
    modelVersion,
    interactions: counts.interactions,
    candidates: counts.candidates,
    successes: counts.successes,
    successRate: counts.candidates > 0 ? counts.successes / counts.candidates : null,
    gate: { evaluated, passed, passRate: evaluated > 0 ? passed / evaluated : null },
    latencyMs: shape?.latencyMs ?? null,
    responseWords: shape?.responseWords ?? null,
    signals: {
      total: kinds.reduce((n, k) => n + k.count, 0),
      explicit: signals.reduce((n, s) => n + s.explicit, 0),
      implicit: signals.reduce((n, s) => n + s.implicit, 0),
      kinds,
    },
  };
}

/**
 * Two versions of one workload over the same window: each one's success rate (the outcome rule, as the
 * cycles count it), gate pass rate, latency, length and signal mix; the candidate's deltas, with the
 * cycles' own interval (Newcombe) for the two rates; responses of both to similar prompts.
 */
export async function compareVersions(client: ClickHouseClient, p: CompareParams) {
  const config = await gateConfigFor(client, p.projectId, p.workload);
  const versions = [p.baseline, p.candidate];
  const window = { projectId: p.projectId, workload: p.workload, versions, from: p.from, to: p.to };
  const [counts, gates, shapes, signals, pairs] = await Promise.all([
    versionWindowCounts(client, {
      projectId: p.projectId,
      asOf: p.asOf,
      signalWindowHours: config.signalWindowHours,
      windows: versions.map((version) => ({ workload: p.workload, version, from: p.from, to: p.to })),
    }),
    versionGates(client, { ...window, asOf: p.asOf, config }),
    versionShapes(client, window),
    versionSignalCounts(client, { ...window, asOf: p.asOf }),
    similarResponsePairs(client, {
      ...window,
      baseline: p.baseline,
      candidate: p.candidate,
      limit: p.samples,
    }),
  ]);
  const [baseline, candidate] = versions.map((v, i) =>
    profile(
      v,
      counts[i]!,
      gates.find((g) => g.modelVersion === v),
      shapes.find((s) => s.modelVersion === v),
      signals.filter((s) => s.modelVersion === v),
    ),
  ) as [ReturnType<typeof profile>, ReturnType<typeof profile>];

  const sampleIds = pairs.flatMap((pair) => [pair.baseline.requestId, pair.candidate.requestId]);
  const outcomes = await outcomesOf(
    client,
    {
      projectId: p.projectId,
      workload: p.workload,
      from: p.from,
      to: p.to,
      asOf: p.asOf,
      gateConfig: config,
    },
    sampleIds,
  );
  const sample = (s: ResponseSample) => ({
    ...s,
    time: eventTimeToIso(s.time),
    outcome: outcomes.get(s.requestId) ?? ('unknown' as const),
  });
  const minus = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? null : a - b;

  return {
    window: { from: eventTimeToIso(p.from), to: eventTimeToIso(p.to), asOf: eventTimeToIso(p.asOf) },
    workload: p.workload,
    baseline,
    candidate,
    deltas: {
      successRate: newcombeDifference(
        candidate.successes,
        candidate.candidates,
        baseline.successes,
        baseline.candidates,
      ),
      gatePassRate: newcombeDifference(
        candidate.gate.passed,
        candidate.gate.evaluated,
        baseline.gate.passed,
        baseline.gate.evaluated,
      ),
      latencyP50Ms: minus(candidate.latencyMs?.p50, baseline.latencyMs?.p50),
      responseWordsMean: minus(candidate.responseWords?.mean, baseline.responseWords?.mean),
    },
    samples: pairs.map((pair) => ({
      similarity: pair.similarity,
      baseline: sample(pair.baseline),
      candidate: sample(pair.candidate),
    })),
  };
}
