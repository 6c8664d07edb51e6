export { SCENARIO_NAMES, buildScenario, isScenarioName } from './registry';
export type { ScenarioName, ScenarioParams } from './registry';
