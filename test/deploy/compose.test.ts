import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveServerConfig } from '@flywheel/server';

// No Docker engine runs here: the compose file is validated structurally, and the environment it gives
// Flywheel is run through the real configuration code.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  depends_on?: unknown;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };

/** Compose's `${VAR:-default}` / `${VAR:?message}` interpolation, with the given variables set. */
function interpolate(value: string | number, vars: Record<string, string>): string {
  return String(value).replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_m, name: string, op: string, rest: string) => {
      if (vars[name] !== undefined) return vars[name]!;
      if (op === '-') return rest;
      throw new Error(`${name}: ${rest}`);
    },
  );
}

describe('docker-compose.yml', () => {
  const { clickhouse, flywheel, 'otel-collector': collector } = compose.services;

  it('runs a current ClickHouse server, Flywheel built from this repo, and an OTel Collector', () => {
    expect(clickhouse?.image).toMatch(/^clickhouse\/clickhouse-server:2[5-9]\.\d+$/);
    expect(flywheel?.build).toBe('.');
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
    expect(read('Dockerfile')).toMatch(/CMD \["pnpm", "start"\]/);
    expect(collector?.image).toMatch(/^otel\/opentelemetry-collector-contrib:/);
  });

  it('gives Flywheel an environment its own configuration code accepts in server mode', () => {
    const env = Object.fromEntries(
      Object.entries(flywheel!.environment!).map(([k, v]) => [
        k,
        interpolate(v, { FLYWHEEL_KEYS: 'demo:0123456789abcdef0123' }),
      ]),
    );
    const config = resolveServerConfig({}, env);
    expect(config.storage).toMatchObject({
      engine: 'server',
      url: 'http://clickhouse:8123',
      database: 'flywheel',
      username: 'flywheel',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.keys.projectFor('0123456789abcdef0123')).toBe('demo');
    // The server refuses a public address without keys, and compose refuses to start without them.
    expect(() => interpolate(flywheel!.environment!.FLYWHEEL_KEYS!, {})).toThrow(/FLYWHEEL_KEYS/);
    expect(interpolate(flywheel!.environment!.CLICKHOUSE_PASSWORD!, {})).toBe(
      interpolate(clickhouse!.environment!.CLICKHOUSE_PASSWORD!, {}),
    );
  });

  it('points the OTel Collector at Flywheel over OTLP/HTTP for traces and logs and passes each app key through', () => {
    const mount = collector!.volumes!.find((v) => v.endsWith(':/etc/otelcol/config.yaml:ro'))!;
    const config = parse(read(mount.split(':')[0]!.replace(/^\.\//, ''))) as {
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: Record<'traces' | 'logs', { receivers: string[]; exporters: string[] }> };
    };
    const exporter = config.service.pipelines.traces.exporters[0]!;
    // GenAI events (evaluations, operation details) and flywheel.signal events travel as log records.
    expect(config.service.pipelines.logs).toMatchObject({ receivers: ['otlp'], exporters: [exporter] });
    expect(config.exporters[exporter]!.endpoint).toBe(
      `http://flywheel:${flywheel!.environment!.FLYWHEEL_OTLP_PORT}`,
    );
    expect(collector!.ports).toEqual(expect.arrayContaining(['4318:4318']));
  });
});
