import { z } from 'zod';

/** Where Flywheel keeps its data: the embedded engine in a directory, or a ClickHouse server/cluster. */
export type StorageConfig =
  | { engine: 'embedded'; dataDir: string; database: string }
  | {
      engine: 'server';
      url: string;
      username: string;
      password: string;
      database: string;
      /** Name of the cluster for `ON CLUSTER` DDL and Replicated/Distributed tables; unset for one server. */
      cluster?: string;
    };

const envSchema = z.object({
  CLICKHOUSE_URL: z.url({ message: 'must be a URL such as http://localhost:8123' }).optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
    .default('flywheel'),
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a cluster name from remote_servers')
    .optional(),
});

/**
 * Reads the storage configuration from the environment. `CLICKHOUSE_URL` switches to server mode; without
 * it the embedded engine keeps its data under `dataDir`.
 */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): StorageConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  if (!e.CLICKHOUSE_URL) {
    if (e.CLICKHOUSE_CLUSTER)
      throw new Error('CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL: the embedded engine is one node');
    return { engine: 'embedded', dataDir, database: e.CLICKHOUSE_DATABASE };
  }
  return {
    engine: 'server',
    url: e.CLICKHOUSE_URL,
    username: e.CLICKHOUSE_USER,
    password: e.CLICKHOUSE_PASSWORD,
    database: e.CLICKHOUSE_DATABASE,
    ...(e.CLICKHOUSE_CLUSTER ? { cluster: e.CLICKHOUSE_CLUSTER } : {}),
  };
}
