/**
 * @flywheel/server — the `flywheel` command and the process that runs collector, api, alarm scheduler and
 * dashboard together.
 */
export { startFlywheel } from './start';
export type { RunningFlywheel, StartOptions } from './start';
export { resolveServerConfig, isLoopback, DEFAULTS } from './config';
export type { AlarmConfig, ServerConfig, ServerOptionsInput } from './config';
