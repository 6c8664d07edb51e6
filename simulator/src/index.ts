/**
 * A simulated LLM product with known ground truth: scenarios that generate traffic, feedback, cycles,
 * reviews and judge verdicts over N days of event time, sent through the real OTLP path.
 */
export { runSimulation } from './run';
export { dryRun } from './dry-run';
export type { RunOptions, SimulationProgress, SimulationResult } from './run';
export type { InteractionRecord } from './record';
export { SCENARIO_NAMES, buildScenario, isScenarioName } from './scenarios';
export type { ScenarioName, ScenarioParams } from './scenarios';
export { healthyScenario } from './scenarios/healthy';
export type { HealthyParams } from './scenarios/healthy';
export { regressionScenario, REGRESSION_DEFAULTS } from './scenarios/regression';
export type { RegressionParams } from './scenarios/regression';
export { negativeFlywheelScenario, NEGATIVE_FLYWHEEL_DEFAULTS } from './scenarios/negative-flywheel';
export type { NegativeFlywheelParams } from './scenarios/negative-flywheel';
export { sycophancyScenario, SYCOPHANCY_DEFAULTS } from './scenarios/sycophancy';
export type { SycophancyParams } from './scenarios/sycophancy';
export { latencyBiasScenario, LATENCY_BIAS_DEFAULTS } from './scenarios/latency-bias';
export type { LatencyBiasParams } from './scenarios/latency-bias';
export { driftScenario, DRIFT_DEFAULTS } from './scenarios/drift';
export type { DriftParams } from './scenarios/drift';
export { stagnationScenario, STAGNATION_DEFAULTS } from './scenarios/stagnation';
export type { StagnationParams, StagnationCause } from './scenarios/stagnation';
export { DEFAULT_COMMON } from './scenarios/base';
export type { CycleParams } from './scenarios/chain';
export { writeGroundTruth, GROUND_TRUTH_FILE } from './write';
export { GROUND_TRUTH_FORMAT } from './truth/types';
export type { GroundTruth, VersionTruth, CycleTruth, DayVolume, WeekVolume, MixTruth } from './truth/types';
export type {
  SimulationPlan,
  CommonParams,
  WorkloadSpec,
  VersionSpec,
  VolumeSpec,
  UserSpec,
  SignalSpec,
  ContentSpec,
  BehaviourSpec,
  DriftSpec,
  ReviewSpec,
  JudgeSpec,
  Injection,
  ExpectedAlarm,
  Outcome,
  GateReason,
  TextDomainName,
  CycleFate,
} from './types';
export type { Endpoint, EndpointStatus } from './api-client';
