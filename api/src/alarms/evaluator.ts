import type { ClickHouseClient } from '@flywheel/storage';
import type { Notifier } from '../alerts/notifier';
import type { AlertSettings } from '../alerts/settings';
import { addHours } from '../analytics/time';
import { latestEventTime } from '../queries/as-of';
import { recentAlarms, upsertAlarms } from '../queries/alarms';
import { cycleDeploys } from '../queries/deploys';
import type { DetectorContext } from './detectors/context';
import { cycleDeltaConditions } from './detectors/cycle-delta';
import { feedbackCheckConditions } from './detectors/feedback-checks';
import { negativeFlywheelConditions } from './detectors/negative-flywheel';
import { passRateConditions } from './detectors/pass-rate';
import { regenerationConditions } from './detectors/regeneration';
import { findQualityDrops, regressionConditions } from './detectors/regression';
import { transition } from './state';
import type { Alarm, AlarmKind, Condition } from './types';

export interface EvaluationResult {
  projectId: string;
  asOf: string;
  fired: Alarm[];
  resolved: Alarm[];
  /** Conditions that still hold without paging again. */
  unchanged: number;
}

export interface EvaluatorOptions {
  /** After a resolve, the same (kind, workload, version) does not page again for this long (event time). */
  cooldownHours: number;
}

/** Evaluates every alarm of docs/design.md §8 for a project as of an event time, stores transitions and pages. */
export class AlarmEvaluator {
  // One evaluation per project at a time: the schedule and an on-demand call must not both fire an alarm.
  readonly #running = new Map<string, Promise<EvaluationResult>>();

  constructor(
    private readonly client: ClickHouseClient,
    private readonly settings: AlertSettings,
    private readonly notifier: Notifier,
    private readonly options: EvaluatorOptions,
  ) {}

  /** Callers of evaluate() for the project, running or waiting their turn. */
  readonly #callers = new Map<string, number>();

  /** How many evaluations of the project are running or waiting: on-demand calls refuse to pile up. */
  pending(projectId: string): number {
    return this.#callers.get(projectId) ?? 0;
  }

  async evaluate(projectId: string, asOf?: string): Promise<EvaluationResult> {
    this.#callers.set(projectId, this.pending(projectId) + 1);
    try {
      return await this.#evaluateInTurn(projectId, asOf);
    } finally {
      const left = this.pending(projectId) - 1;
      if (left > 0) this.#callers.set(projectId, left);
      else this.#callers.delete(projectId);
    }
  }

  async #evaluateInTurn(projectId: string, asOf?: string): Promise<EvaluationResult> {
    while (this.#running.has(projectId)) await this.#running.get(projectId)!.catch(() => undefined);
    const run = this.#evaluate(projectId, asOf);
    this.#running.set(projectId, run);
    try {
      return await run;
    } finally {
      this.#running.delete(projectId);
    }
  }

  async #evaluate(projectId: string, requestedAsOf?: string): Promise<EvaluationResult> {
    const asOf = requestedAsOf ?? (await latestEventTime(this.client, projectId));
    const { rules } = await this.settings.forProject(projectId);
    const ctx: DetectorContext = {
      client: this.client,
      projectId,
      asOf,
      rules,
      deploys: await cycleDeploys(this.client, projectId, asOf),
    };
    const evaluated = new Set<AlarmKind>();
    const conditions: Condition[] = [];
    const run = async (kind: AlarmKind, enabled: boolean, detect: () => Promise<Condition[]>) => {
      if (!enabled) return;
      conditions.push(...(await detect()));
      evaluated.add(kind);
    };
    const drops =
      rules.regression_after_deploy.enabled || rules.negative_flywheel.enabled
        ? await findQualityDrops(ctx)
        : [];
    await run('regression_after_deploy', rules.regression_after_deploy.enabled, async () =>
      regressionConditions(drops),
    );
    await run('negative_flywheel', rules.negative_flywheel.enabled, () =>
      negativeFlywheelConditions(ctx, drops),
    );
    await run('regeneration_spike', rules.regeneration_spike.enabled, () => regenerationConditions(ctx));
    await run('pass_rate_collapse', rules.pass_rate_collapse.enabled, () => passRateConditions(ctx));
    await run('negative_cycle_delta', rules.negative_cycle_delta.enabled, () => cycleDeltaConditions(ctx));
    const checks = (['drift', 'sycophancy', 'latency_bias', 'judge_agreement'] as const).filter(
      (k) => rules[k].enabled,
    );
    if (checks.length > 0) {
      conditions.push(...(await feedbackCheckConditions(ctx, new Set(checks))));
      for (const kind of checks) evaluated.add(kind);
    }

    const { cooldownHours } = this.options;
    const known = await recentAlarms(this.client, projectId, addHours(asOf, -cooldownHours));
    const t = transition({ projectId, known, conditions, evaluatedKinds: evaluated, asOf, cooldownHours });
    await upsertAlarms(this.client, [...t.fired, ...t.resolved]);
    for (const alarm of t.fired) this.notifier.notify(alarm, 'trigger');
    for (const alarm of t.resolved) this.notifier.notify(alarm, 'resolve');
    return { projectId, asOf, fired: t.fired, resolved: t.resolved, unchanged: t.unchanged };
  }
}
