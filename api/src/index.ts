/**
 * @flywheel/api — the HTTP API: health, the browser signals endpoint, the read and write endpoints scoped
 * to a project, the alarm evaluator and alert hooks. Process assembly lives in @flywheel/server.
 */
export { createApiApp } from './app';
export type { ApiOptions } from './app';
export { createAlarmServices } from './alarms/services';
export type { AlarmServices } from './alarms/services';
export { scheduleEvaluations } from './alarms/schedule';
export { readAlertsFile } from './alerts/config';
export type { ProjectAlerts } from './alerts/config';
export type { RetryPolicy } from './alerts/deliver';
export { projectsWithData } from './queries/projects';
export { openApiDocument } from './openapi/document';
export { isSampledForReview, REVIEW_SAMPLE_PERCENT } from './queries/review-queue';
export type {
  VelocityResponse,
  CycleResponse,
  CycleListResponse,
  CycleOneResponse,
  SnapshotResponse,
  CheckResponse,
} from './openapi/responses';
