export { createApiApp } from './app';
export type { ApiOptions } from './app';
export { startFlywheel } from './server';
export type { RunningFlywheel, StartOptions } from './server';
export { resolveServerConfig, isLoopback, DEFAULTS } from './config';
export type { ServerConfig, ServerOptionsInput } from './config';
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
