import type { ClickHouseClient } from '@flywheel/storage';
import type { Rules } from '../rules';
import type { Condition } from '../types';

/** A deploy registered through the cycles API: it overrides the deploy time read from traffic. */
export interface RegisteredDeploy {
  workloadId: string;
  modelVersion: string;
  parentVersion?: string;
  deployedAt: string;
  /** Set when the cycle was rolled back by the evaluation time. */
  rolledBackAt?: string | null;
}

export interface DetectorContext {
  client: ClickHouseClient;
  projectId: string;
  /** DateTime64 text: the evaluation sees only data up to this event time. */
  asOf: string;
  rules: Rules;
  deploys: RegisteredDeploy[];
}

export interface DetectorResult {
  conditions: Condition[];
}
