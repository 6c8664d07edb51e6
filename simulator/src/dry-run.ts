import { FlywheelApiClient } from './api-client';
import { AnnotationPlanner } from './annotations';
import { TrafficGenerator } from './generate';
import { Rng } from './random';
import { toRecord, type InteractionRecord } from './record';
import { dayTime, isoDay } from './timeline';
import { groundTruthOf } from './truth/of-run';
import { TruthRecorder } from './truth/recorder';
import type { GroundTruth } from './truth/types';
import type { SimulationPlan } from './types';

/**
 * Generates a scenario without sending anything: the ground truth it would have, and optionally every
 * interaction. The same seed gives exactly what `runSimulation` sends.
 */
export function dryRun(
  plan: SimulationPlan,
  options: { keepInteractions?: boolean } = {},
): {
  groundTruth: GroundTruth;
  interactions: InteractionRecord[];
} {
  const generator = new TrafficGenerator(plan);
  const recorder = new TruthRecorder(plan.drift?.day ?? null);
  const annotations = new AnnotationPlanner(plan, new Rng(plan.seed, plan.scenario, 'annotations'));
  const kept: InteractionRecord[] = [];
  for (let day = 0; day < plan.days; day++) {
    const interactions = generator.generateDay(day);
    recorder.recordDay(isoDay(dayTime(plan, day)), day, interactions);
    annotations.observe(day, interactions);
    annotations.due(day);
    if (options.keepInteractions) kept.push(...interactions.map(toRecord));
  }
  const groundTruth = groundTruthOf(
    plan,
    recorder,
    generator,
    annotations,
    new FlywheelApiClient(null, undefined, () => {}).report(),
  );
  return { groundTruth, interactions: kept };
}
