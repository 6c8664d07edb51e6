/**
 * @flywheel/api — the HTTP API: health, the browser signals endpoint, the read and write endpoints scoped
 * to a project, the alarm evaluator and alert hooks. Process assembly lives in @flywheel/server.
 */
export { createApiApp } from './app';
export type { ApiOptions } from './app';
export { createAlarmServices } from './alarms/services';
export type { AlarmServices } from './alarms/services';
export { scheduleEvaluations } from './alarms/schedule';
export { scheduleReadModel } from './read-model/schedule';
export { createExampleEmbeddings } from './curation/example-embeddings';
export type { ExampleEmbeddings } from './curation/example-embeddings';
export type { EmbeddingsConfig } from './curation/embeddings-client';
export { scheduleEmbeddingCatchUp } from './curation/embeddings-schedule';
export { maintainReadModel } from './read-model/maintain';
export type { MaintenanceResult } from './read-model/maintain';
export { readAlertsFile } from './alerts/config';
export type { ProjectAlerts } from './alerts/config';
export type { RetryPolicy } from './alerts/deliver';
export { projectsWithData } from './queries/projects';
export { openApiDocument } from './openapi/document';
export { isLoopback } from './guards/loopback';
export { clientErrorResponder } from './guards/client-errors';
export { isSampledForReview, REVIEW_SAMPLE_PERCENT } from './queries/review-queue';
// The API's request and response types, derived from the contract (api/src/contract), for the dashboard,
// tests and scripts.
export type {
  ErrorBody,
  Health,
  Interaction,
  InteractionList,
  InteractionQuery,
  Outcome,
  SignalDetail,
  ContentChecks,
  InteractionGate,
  GateState,
  GateBand,
  GateReport,
  GateBucket,
  GateQuery,
  GateSettings,
  GateConfig,
  GateConfigUpdate,
  GateConfigSaved,
  GateSummary,
  VelocityReport,
  VelocityQuery,
  VelocityBucket,
  Rates,
  WorkloadVelocity,
  PhaseAssessment,
  Phase,
  StagnationAssessment,
  StagnationCause,
  Cycle,
  CycleStatus,
  OnlineDelta,
  CycleList,
  CycleListQuery,
  CycleDetail,
  CycleResponse,
  CycleRegistration,
  CycleChange,
  SnapshotRequest,
  SnapshotResponse,
  Review,
  Judgment,
  Evaluation,
  CheckName,
  CheckQuery,
  CheckResults,
  CheckResult,
  DriftCheck,
  SycophancyCheck,
  LatencyBiasCheck,
  SurvivorshipCheck,
  Verdict,
  Finding,
  DriftDimension,
  SycophancyVersion,
  QuintileRow,
  BiasSummary,
  Alarm,
  AlarmState,
  AlarmQuery,
  AlarmList,
  AlarmDetail,
  AlarmEvaluation,
  AlarmDelivery,
  AlertsConfig,
  AlertsConfigUpdate,
  AlertTestResult,
  ReviewQueue,
  ReviewQueueItem,
  ReviewClaimRequest,
  ReviewClaim,
  ReviewAgreement,
} from './contract/types';
export type { TraceInteraction, TraceNode, TraceTree } from './contract/traces';
