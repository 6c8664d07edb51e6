export { createApiApp } from './app';
export type { ApiOptions } from './app';
export { startFlywheel } from './server';
export type { RunningFlywheel, StartOptions } from './server';
export { resolveServerConfig, isLoopback, DEFAULTS } from './config';
export type { ServerConfig, ServerOptionsInput } from './config';
