import type { AnnotationPlanner } from '../annotations';
import type { TrafficGenerator } from '../generate';
import type { SimulationPlan } from '../types';
import { buildGroundTruth, type TruthInputs } from './build';
import type { TruthRecorder } from './recorder';
import type { GroundTruth } from './types';

/** The ground truth of a finished run, sent or dry: what was generated, reviewed and judged, and what the API took. */
export function groundTruthOf(
  plan: SimulationPlan,
  recorder: TruthRecorder,
  generator: TrafficGenerator,
  annotations: AnnotationPlanner,
  api: TruthInputs['api'],
): GroundTruth {
  const backlog = annotations.backlog();
  return buildGroundTruth({
    plan,
    recorder,
    users: generator.users,
    reviews: {
      sampled: annotations.sampled,
      posted: annotations.posted,
      backlog: backlog.count,
      oldestPendingMs: backlog.oldestPendingMs,
    },
    judgments: annotations.judged,
    api,
  });
}
