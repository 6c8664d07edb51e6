import type { ClickHouseClient } from '@flywheel/storage';
import { insertAlertConfig, latestAlertConfig } from '../queries/alert-configs';
import { EMPTY_PROJECT_ALERTS, projectAlertsSchema, type ProjectAlerts } from './config';

/**
 * Where a project's alert rules and destinations come from: the newest configuration set through the API,
 * else the alerts file's entry for the project, else the defaults (rules on, no destinations).
 */
export class AlertSettings {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly file: Record<string, ProjectAlerts> = {},
  ) {}

  async forProject(projectId: string): Promise<ProjectAlerts> {
    const stored = await latestAlertConfig(this.client, projectId);
    if (stored !== undefined) return projectAlertsSchema.parse(stored);
    return this.file[projectId] ?? EMPTY_PROJECT_ALERTS;
  }

  async save(projectId: string, config: ProjectAlerts): Promise<void> {
    await insertAlertConfig(this.client, projectId, config);
  }
}
