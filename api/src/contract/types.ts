import type { z } from '@hono/zod-openapi';
import type { GateBand } from '../analytics/gate-band';
import type { alarm, alarmsQuery, evaluateAlarms, getAlarm, listAlarms, listDeliveries } from './alarms';
import type { testAlert, putAlertsConfig } from './alerts';
import type {
  CheckName,
  driftCheck,
  latencyBiasCheck,
  survivorshipCheck,
  sycophancyCheck,
} from './check-results';
import type { checkQuery } from './feedback-checks';
import type { errorBody } from './common';
import type {
  cycleChange,
  cycleDetailResponse,
  cycleListResponse,
  cycleListQuery,
  cycleRegistration,
  cycleReport,
  cycleResponse,
} from './cycles';
import type { gateQuery, gateReport, getGateConfig, putGateConfig } from './gate';
import type { healthResponse } from './health';
import type { compareQuery, compareReport } from './compare';
import type {
  interaction,
  interactionsExportQuery,
  interactionsQuery,
  listInteractions,
} from './interactions';
import type { metaResponse } from './meta';
import type { signalMixQuery, signalMixReport } from './signal-mix';
import type { evaluation, judgment, review } from './labels';
import type { getReviewAgreement } from './review-agreement';
import type { getReviewQueue, postReviewClaim } from './review-queue';
import type { snapshotBody, snapshotResponse } from './snapshot';
import type { velocityQuery, velocityReport } from './velocity';

// The API's request and response types, derived from the contract's schemas: what a client (the
// dashboard, tests, scripts) sends is z.input of a request schema, what it receives z.output of a
// response schema. Nothing here is written by hand.

type Json<R extends { responses: { 200: { content: { 'application/json': { schema: z.ZodType } } } } }> =
  z.output<R['responses'][200]['content']['application/json']['schema']>;
type Body<R extends { request: { body: { content: { 'application/json': { schema: z.ZodType } } } } }> =
  z.input<R['request']['body']['content']['application/json']['schema']>;

export type ErrorBody = z.output<typeof errorBody>;
export type Health = z.output<typeof healthResponse>;

export type Interaction = z.output<typeof interaction>;
export type InteractionList = Json<typeof listInteractions>;
export type InteractionQuery = z.input<typeof interactionsQuery>;
export type Outcome = Interaction['outcome'];
export type SignalDetail = Interaction['signalDetails'][number];
export type ContentChecks = Interaction['checks'];
export type InteractionGate = NonNullable<Interaction['gate']>;
export type GateState = InteractionGate['state'];
export type InteractionExportQuery = z.input<typeof interactionsExportQuery>;
export type DataMeta = z.output<typeof metaResponse>;
export type WorkloadMeta = DataMeta['workloads'][number];
export type SignalMixReport = z.output<typeof signalMixReport>;
export type SignalMixQuery = z.input<typeof signalMixQuery>;
export type VersionComparison = z.output<typeof compareReport>;
export type VersionProfile = VersionComparison['baseline'];
export type ResponsePair = VersionComparison['samples'][number];
export type CompareQuery = z.input<typeof compareQuery>;

export type { GateBand };
export type GateReport = z.output<typeof gateReport>;
export type GateBucket = GateReport['buckets'][number];
export type GateQuery = z.input<typeof gateQuery>;
export type GateSettings = Json<typeof getGateConfig>;
export type GateConfig = GateSettings['config'];
export type GateConfigUpdate = Body<typeof putGateConfig>;
export type GateConfigSaved = Json<typeof putGateConfig>;

export type VelocityReport = z.output<typeof velocityReport>;
export type VelocityQuery = z.input<typeof velocityQuery>;
export type VelocityBucket = VelocityReport['buckets'][number];
export type Rates = VelocityReport['totals'];
export type WorkloadVelocity = VelocityReport['workloads'][number];
export type PhaseAssessment = WorkloadVelocity['phase'];
export type Phase = PhaseAssessment['phase'];
export type StagnationAssessment = WorkloadVelocity['stagnation'];
export type StagnationCause = StagnationAssessment['causes'][number]['cause'];
export type GateSummary = WorkloadVelocity['gate'];

export type Cycle = z.output<typeof cycleReport>;
export type CycleStatus = Cycle['status'];
export type OnlineDelta = NonNullable<Cycle['onlineDelta']>;
export type CycleList = z.output<typeof cycleListResponse>;
export type CycleListQuery = z.input<typeof cycleListQuery>;
export type CycleDetail = z.output<typeof cycleDetailResponse>;
export type CycleResponse = z.output<typeof cycleResponse>;
export type CycleRegistration = z.input<typeof cycleRegistration>;
export type CycleChange = z.input<typeof cycleChange>;
export type SnapshotRequest = z.input<typeof snapshotBody>;
export type SnapshotResponse = z.output<typeof snapshotResponse>;

export type Review = z.input<typeof review>;
export type ReviewQueue = Json<typeof getReviewQueue>;
export type ReviewQueueItem = ReviewQueue['items'][number];
export type ReviewClaimRequest = Body<typeof postReviewClaim>;
export type ReviewClaim = Json<typeof postReviewClaim>;
export type ReviewAgreement = Json<typeof getReviewAgreement>;
export type Judgment = z.input<typeof judgment>;
export type Evaluation = z.input<typeof evaluation>;

export type { CheckName };
export type CheckQuery = z.input<typeof checkQuery>;
export type DriftCheck = z.output<typeof driftCheck>;
export type SycophancyCheck = z.output<typeof sycophancyCheck>;
export type LatencyBiasCheck = z.output<typeof latencyBiasCheck>;
export type SurvivorshipCheck = z.output<typeof survivorshipCheck>;
export interface CheckResults {
  drift: DriftCheck;
  sycophancy: SycophancyCheck;
  'latency-bias': LatencyBiasCheck;
  survivorship: SurvivorshipCheck;
}
export type CheckResult = CheckResults[CheckName];
export type Verdict = CheckResult['verdict'];
export type Finding = CheckResult['findings'][number];
export type DriftDimension = DriftCheck['series']['psi'][number]['dimension'];
export type SycophancyVersion = SycophancyCheck['series'][number];
export type QuintileRow = LatencyBiasCheck['series']['latency'][number];
export type BiasSummary = Omit<LatencyBiasCheck['statistics']['latency'], 'quintileBoundsMs'>;

export type Alarm = z.output<typeof alarm>;
export type AlarmState = Alarm['state'];
export type AlarmQuery = z.input<typeof alarmsQuery>;
export type AlarmList = Json<typeof listAlarms>;
export type AlarmDetail = Json<typeof getAlarm>;
export type AlarmEvaluation = Json<typeof evaluateAlarms>;
export type AlarmDelivery = Json<typeof listDeliveries>['items'][number];

export type AlertsConfig = Json<typeof putAlertsConfig>['config'];
export type AlertsConfigUpdate = Body<typeof putAlertsConfig>;
export type AlertTestResult = Json<typeof testAlert>;
