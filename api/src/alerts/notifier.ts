import type { ClickHouseClient } from '@flywheel/storage';
import { insertDelivery } from '../queries/alarms';
import type { Alarm } from '../alarms/types';
import type { Destination } from './config';
import { deliver, DEFAULT_RETRY, type AttemptResult, type RetryPolicy } from './deliver';
import type { AlertSettings } from './settings';
import type { AlertAction } from './payloads';

/**
 * Sends alarms to their destinations in the background: evaluation, ingest and queries never wait for a
 * webhook. Every attempt is logged to `alert_deliveries`.
 */
export class Notifier {
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly client: ClickHouseClient,
    private readonly settings: AlertSettings,
    private readonly linkFor: (alarm: Alarm) => string,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly log: (line: string) => void = console.warn,
  ) {}

  /** Queues the alarm for every destination its kind routes to. */
  notify(alarm: Alarm, action: Exclude<AlertAction, 'test'>): void {
    const task = (async () => {
      const config = await this.settings.forProject(alarm.projectId);
      const names = config.routes[alarm.kind];
      const targets = config.destinations.filter((d) => !names || names.includes(d.name));
      await Promise.all(targets.map((d) => this.#send(d, alarm, action)));
    })().catch((error: unknown) => this.log(`flywheel: alert delivery failed: ${(error as Error).message}`));
    this.#pending.add(task);
    void task.finally(() => this.#pending.delete(task));
  }

  /** Sends a test alarm to one destination and waits for the outcome. */
  async test(projectId: string, destination: Destination, alarm: Alarm): Promise<AttemptResult> {
    return this.#send(destination, alarm, 'test', projectId);
  }

  /** Resolves when every queued delivery has finished (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  #send(
    destination: Destination,
    alarm: Alarm,
    action: AlertAction,
    projectId = alarm.projectId,
  ): Promise<AttemptResult> {
    return deliver(destination, { action, alarm, link: this.linkFor(alarm) }, this.policy, (attempt) =>
      insertDelivery(this.client, {
        projectId,
        alarmId: alarm.id,
        destination: destination.name,
        channel: destination.type,
        action,
        attempt: attempt.attempt,
        status: attempt.ok ? 'delivered' : attempt.willRetry ? 'retrying' : 'failed',
        httpStatus: attempt.httpStatus,
        error: attempt.error,
      }),
    );
  }
}
