/** Shapes of `GET /api/v1/checks/{name}` (docs/design.md §7). Rates and differences are fractions. */
import type { Verdict } from './types';

export type CheckName = 'drift' | 'sycophancy' | 'latency-bias' | 'survivorship';

export interface Finding {
  rule: string;
  verdict: Verdict;
  detail: string;
}

export interface CheckEnvelope<Statistics, Series> {
  check: CheckName;
  workload: string | null;
  window: { from: string; to: string; asOf: string };
  statistics: Statistics;
  sampleSizes: Record<string, unknown>;
  verdict: Verdict;
  findings: Finding[];
  series: Series;
}

export type DriftDimension = 'signal_kind' | 'workload' | 'language' | 'prompt_length' | 'quality_score';

export type DriftCheck = CheckEnvelope<
  {
    psi: Partial<Record<DriftDimension, number | null>>;
    kappa: { current: number | null; baseline: number | null };
    staleness: { goldenSet: string; latestEval: string; ageDays: number }[];
    windows: { current: { from: string; to: string }; baseline: { from: string; to: string } };
  },
  {
    psi: {
      dimension: DriftDimension;
      psi: number | null;
      bins: { bin: string; baseline: number | null; current: number | null }[];
    }[];
    kappa: { week: string; n: number; kappa: number | null }[];
  }
>;

export interface SycophancyVersion {
  modelVersion: string;
  parentVersion: string | null;
  markerRate: number | null;
  judgedShare: number | null;
  capitulationRate: number | null;
  feedbackGap: number | null;
  feedbackGapP: number | null;
  accuracyGap: number | null;
  accuracyGapP: number | null;
  markerRiseP: number | null;
  capitulationRiseP: number | null;
  gatePassedShare: number | null;
  allShare: number | null;
}

export type SycophancyCheck = CheckEnvelope<
  {
    markerRate: number | null;
    capitulationRate: number | null;
    gatePassedShare: number | null;
    allShare: number | null;
    versions: SycophancyVersion[];
  },
  SycophancyVersion[]
>;

export interface QuintileRow {
  quintile: number;
  correct: { n: number; positiveRate: number | null };
  incorrect: { n: number; positiveRate: number | null };
}

export interface BiasSummary {
  difference: number | null;
  ci: [number, number] | null;
  p: number | null;
  crossoverDifference: number | null;
  crossoverP: number | null;
}

export type LatencyBiasCheck = CheckEnvelope<
  {
    latency: BiasSummary & { quintileBoundsMs: number[] };
    length: BiasSummary & { quintileBoundsWords: number[] };
  },
  { latency: QuintileRow[]; length: QuintileRow[] }
>;

export type SurvivorshipCheck = CheckEnvelope<
  {
    topDecileExplicitShare: number | null;
    explicitSuccessRate: number | null;
    implicitSuccessRate: number | null;
    disagreement: number | null;
  },
  {
    segment: 'top_10' | 'next_40' | 'bottom_50';
    users: number;
    interactions: number;
    explicitShare: number | null;
    explicitSuccessRate: number | null;
    implicitSuccessRate: number | null;
  }[]
>;

export interface CheckResults {
  drift: DriftCheck;
  sycophancy: SycophancyCheck;
  'latency-bias': LatencyBiasCheck;
  survivorship: SurvivorshipCheck;
}
