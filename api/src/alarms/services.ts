import type { ClickHouseClient } from '@flywheel/storage';
import { DEFAULT_RETRY, type RetryPolicy } from '../alerts/deliver';
import type { ProjectAlerts } from '../alerts/config';
import { Notifier } from '../alerts/notifier';
import { AlertSettings } from '../alerts/settings';
import { AlarmEvaluator } from './evaluator';
import type { Alarm } from './types';

export interface AlarmServices {
  settings: AlertSettings;
  notifier: Notifier;
  evaluator: AlarmEvaluator;
  /** Absolute link to the dashboard view of an alarm. */
  linkFor(alarm: Pick<Alarm, 'id' | 'workloadId' | 'modelVersion'>): string;
}

export interface AlarmServiceOptions {
  alertsFile?: Record<string, ProjectAlerts>;
  cooldownHours?: number;
  /** The dashboard's public address, for links in alerts (default: the server's own address). */
  baseUrl?: () => string;
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

export function createAlarmServices(
  client: ClickHouseClient,
  options: AlarmServiceOptions = {},
): AlarmServices {
  const baseUrl = options.baseUrl ?? (() => 'http://127.0.0.1:8080');
  const linkFor = (alarm: Pick<Alarm, 'id' | 'workloadId' | 'modelVersion'>) => {
    const params = new URLSearchParams({ alarm: alarm.id, workload: alarm.workloadId });
    if (alarm.modelVersion) params.set('version', alarm.modelVersion);
    return `${baseUrl().replace(/\/$/, '')}/alarms?${params.toString()}`;
  };
  const settings = new AlertSettings(client, options.alertsFile);
  const notifier = new Notifier(client, settings, linkFor, options.retry ?? DEFAULT_RETRY, options.log);
  const evaluator = new AlarmEvaluator(client, settings, notifier, {
    cooldownHours: options.cooldownHours ?? 24,
  });
  return { settings, notifier, evaluator, linkFor };
}
