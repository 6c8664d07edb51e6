import type { CommonParams, SimulationPlan } from '../types';
import { driftScenario } from './drift';
import { healthyScenario } from './healthy';
import { latencyBiasScenario } from './latency-bias';
import { negativeFlywheelScenario } from './negative-flywheel';
import { regressionScenario } from './regression';
import { stagnationScenario } from './stagnation';
import { sycophancyScenario } from './sycophancy';

export const SCENARIO_NAMES = [
  'healthy',
  'regression',
  'negative-flywheel',
  'sycophancy',
  'latency-bias',
  'drift',
  'stagnation-gate',
  'stagnation-reviews',
  'stagnation-sparse',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Scenario-specific knobs are passed through untyped here; the typed builders check them. */
export type ScenarioParams = Partial<CommonParams> & Record<string, unknown>;

const BUILDERS: Record<ScenarioName, (params: ScenarioParams) => SimulationPlan> = {
  healthy: (p) => healthyScenario(p),
  regression: (p) => regressionScenario(p),
  'negative-flywheel': (p) => negativeFlywheelScenario(p),
  sycophancy: (p) => sycophancyScenario(p),
  'latency-bias': (p) => latencyBiasScenario(p),
  drift: (p) => driftScenario(p),
  'stagnation-gate': (p) => stagnationScenario('gate', p),
  'stagnation-reviews': (p) => stagnationScenario('reviews', p),
  'stagnation-sparse': (p) => stagnationScenario('sparse', p),
};

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** The plan of a named scenario with its defaults, overridden by `params`. */
export function buildScenario(name: ScenarioName, params: ScenarioParams = {}): SimulationPlan {
  return BUILDERS[name](params);
}
