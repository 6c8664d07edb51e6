import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseKeys, type KeyRing } from '@flywheel/collector';
import { storageConfigFromEnv, type StorageConfig } from '@flywheel/storage';
import { isLoopback, readAlertsFile, type EmbeddingsConfig, type ProjectAlerts } from '@flywheel/api';

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

const schema = z.object({
  data: z.string().min(1, '--data (FLYWHEEL_DATA) must name a directory'),
  port: port('--port (FLYWHEEL_PORT)'),
  otlpPort: port('--otlp-port (FLYWHEEL_OTLP_PORT)'),
  host: z.string().min(1, '--host (FLYWHEEL_HOST) must name an address'),
});

export interface AlarmConfig {
  /** Seconds between scheduled evaluations; 0 turns the schedule off (on-demand evaluation still works). */
  intervalSeconds: number;
  cooldownHours: number;
  /** Dashboard address used in alert links; defaults to the server's own. */
  publicUrl?: string;
  /** Per-project rules and destinations from the alerts file. */
  file: Record<string, ProjectAlerts>;
}

export interface ServerConfig {
  /** Flywheel's own directory; the embedded engine keeps its data in `<dataDir>/data`. */
  dataDir: string;
  host: string;
  port: number;
  otlpPort: number;
  keys: KeyRing;
  /** Host names the API serves besides loopback ones (FLYWHEEL_ALLOWED_HOSTS; docs/security.md). */
  allowedHosts?: string[];
  storage: StorageConfig;
  alarms: AlarmConfig;
  /** An OpenAI-compatible embeddings service for few-shot search (FLYWHEEL_EMBEDDINGS_*); unset: lexical. */
  embeddings?: EmbeddingsConfig;
}

export interface ServerOptionsInput {
  data?: string | undefined;
  port?: string | number | undefined;
  otlpPort?: string | number | undefined;
  host?: string | undefined;
  alerts?: string | undefined;
}

export const DEFAULTS = { data: '.flywheel', port: 8080, otlpPort: 4318, host: '127.0.0.1' } as const;

/**
 * Resolves flags over environment over defaults, and checks them. Throws one Error whose message names
 * the flag or variable that is wrong.
 */
export function resolveServerConfig(
  input: ServerOptionsInput,
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const parsed = schema.safeParse({
    data: input.data ?? env.FLYWHEEL_DATA ?? DEFAULTS.data,
    port: input.port ?? env.FLYWHEEL_PORT ?? DEFAULTS.port,
    otlpPort: input.otlpPort ?? env.FLYWHEEL_OTLP_PORT ?? DEFAULTS.otlpPort,
    host: input.host ?? env.FLYWHEEL_HOST ?? DEFAULTS.host,
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const { data, port: apiPort, otlpPort, host } = parsed.data;
  if (apiPort !== 0 && apiPort === otlpPort)
    throw new Error(`--port and --otlp-port must differ (both ${apiPort})`);
  const keys = parseKeys(env.FLYWHEEL_KEYS);
  if (keys.open && !isLoopback(host)) {
    throw new Error(
      `refusing to listen on ${host} without keys: set FLYWHEEL_KEYS="project:key" or use --host 127.0.0.1`,
    );
  }
  const dataDir = resolve(data);
  return {
    dataDir,
    host,
    port: apiPort,
    otlpPort,
    keys,
    allowedHosts: allowedHosts(env.FLYWHEEL_ALLOWED_HOSTS),
    storage: storageConfigFromEnv(env, join(dataDir, 'data')),
    alarms: alarmConfig(input.alerts ?? env.FLYWHEEL_ALERTS_FILE, dataDir, env),
    ...embeddingsConfig(env),
  };
}

const embeddingsEnv = z.object({
  FLYWHEEL_EMBEDDINGS_URL: z
    .url({
      protocol: /^https?$/,
      message:
        'FLYWHEEL_EMBEDDINGS_URL must be the http(s) base URL of an OpenAI-compatible API, such as https://api.openai.com/v1',
    })
    .optional(),
  FLYWHEEL_EMBEDDINGS_KEY: z.string().optional(),
  FLYWHEEL_EMBEDDINGS_MODEL: z
    .string()
    .regex(/^\S{1,200}$/, 'FLYWHEEL_EMBEDDINGS_MODEL must be a model name without spaces')
    .default('text-embedding-3-small'),
});

/**
 * `FLYWHEEL_EMBEDDINGS_URL` (with `_KEY` and `_MODEL`) turns embedding search on; nothing else does. An
 * empty variable counts as unset (compose files often pass `${VAR:-}`).
 */
function embeddingsConfig(env: NodeJS.ProcessEnv): { embeddings?: EmbeddingsConfig } {
  const names = ['FLYWHEEL_EMBEDDINGS_URL', 'FLYWHEEL_EMBEDDINGS_KEY', 'FLYWHEEL_EMBEDDINGS_MODEL'] as const;
  const set = Object.fromEntries(names.filter((n) => env[n]).map((n) => [n, env[n]]));
  const parsed = embeddingsEnv.safeParse(set);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const { FLYWHEEL_EMBEDDINGS_URL: url, FLYWHEEL_EMBEDDINGS_KEY: key } = parsed.data;
  if (!url) {
    for (const name of names.slice(1))
      if (set[name] !== undefined) throw new Error(`${name} is set but FLYWHEEL_EMBEDDINGS_URL is not`);
    return {};
  }
  return { embeddings: { url, model: parsed.data.FLYWHEEL_EMBEDDINGS_MODEL, ...(key ? { key } : {}) } };
}

const alarmEnv = z.object({
  FLYWHEEL_ALARM_INTERVAL: z.coerce
    .number({ message: 'FLYWHEEL_ALARM_INTERVAL must be seconds' })
    .min(0)
    .default(60),
  FLYWHEEL_ALARM_COOLDOWN_HOURS: z.coerce
    .number({ message: 'FLYWHEEL_ALARM_COOLDOWN_HOURS must be hours' })
    .min(0)
    .default(24),
  FLYWHEEL_PUBLIC_URL: z
    .url({ message: 'FLYWHEEL_PUBLIC_URL must be a URL such as https://flywheel.example.com' })
    .optional(),
});

/** `--alerts FILE` (or `FLYWHEEL_ALERTS_FILE`), else `<dataDir>/alerts.json` when it exists. */
function alarmConfig(alertsFile: string | undefined, dataDir: string, env: NodeJS.ProcessEnv): AlarmConfig {
  const parsed = alarmEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const defaultFile = join(dataDir, 'alerts.json');
  const path = alertsFile ? resolve(alertsFile) : existsSync(defaultFile) ? defaultFile : undefined;
  if (path && !existsSync(path)) throw new Error(`--alerts (FLYWHEEL_ALERTS_FILE): no file at ${path}`);
  return {
    intervalSeconds: parsed.data.FLYWHEEL_ALARM_INTERVAL,
    cooldownHours: parsed.data.FLYWHEEL_ALARM_COOLDOWN_HOURS,
    ...(parsed.data.FLYWHEEL_PUBLIC_URL ? { publicUrl: parsed.data.FLYWHEEL_PUBLIC_URL } : {}),
    file: path ? readAlertsFile(path) : {},
  };
}

export { isLoopback };

/** `FLYWHEEL_ALLOWED_HOSTS="flywheel.example.com,10.0.0.5"`: host names, without scheme or path. */
function allowedHosts(spec: string | undefined): string[] {
  const names = (spec ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(name))
      throw new Error(
        `FLYWHEEL_ALLOWED_HOSTS: '${name}' must be a host name such as flywheel.example.com (no scheme or path)`,
      );
  return names;
}
