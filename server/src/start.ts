import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import {
  createCollectorApp,
  createDetailWriter,
  createRowWriter,
  IngestCounters,
  type BatchWriterOptions,
} from '@flywheel/collector';
import { createStorage, type Storage } from '@flywheel/storage';
import {
  clientErrorResponder,
  createAlarmServices,
  createApiApp,
  createExampleEmbeddings,
  projectsWithData,
  scheduleEmbeddingCatchUp,
  scheduleEvaluations,
  scheduleReadModel,
  type AlarmServices,
  type RetryPolicy,
} from '@flywheel/api';
import type { ServerConfig } from './config';
import { lingeringClose } from './http/lingering-close';

/** How often the read model seals closed days; reads are exact in between, only slower. */
const READ_MODEL_INTERVAL_MS = 5_000;
/** How often gold examples left without a vector (service down, wrong key) are embedded again. */
const EMBEDDINGS_CATCH_UP_MS = 60_000;

export interface RunningFlywheel {
  apiUrl: string;
  otlpUrl: string;
  storage: Storage;
  alarms: AlarmServices;
  /** Stops accepting, waits for in-flight requests, drains the writer, closes the engine. */
  close(): Promise<void>;
}

export interface StartOptions {
  writer?: Partial<BatchWriterOptions>;
  memorySoftLimitBytes?: number;
  log?: (line: string) => void;
  /** Retry policy of alert deliveries (tests shorten it). */
  alertRetry?: RetryPolicy;
}

/**
 * Runs collector and API in one process. With the embedded engine they must share the process (chDB binds
 * one data directory per process); with a ClickHouse server the same code runs as separate processes.
 */
export async function startFlywheel(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningFlywheel> {
  const log = options.log ?? ((line: string) => console.log(line));
  const storage = createStorage(config.storage);
  const migrations = await storage.migrate();
  if (migrations.applied.length > 0) log(`flywheel: applied migrations ${migrations.applied.join(', ')}`);

  const counters = new IngestCounters();
  const writer = createRowWriter(storage.client, options.writer, log);
  const details = createDetailWriter(storage.client, options.writer, log);
  const collector = createCollectorApp({
    keys: config.keys,
    writer,
    details,
    counters,
    ...(options.memorySoftLimitBytes ? { memorySoftLimitBytes: options.memorySoftLimitBytes } : {}),
  });
  let apiUrl = '';
  const alarms = createAlarmServices(storage.client, {
    alertsFile: config.alarms.file,
    cooldownHours: config.alarms.cooldownHours,
    baseUrl: () => config.alarms.publicUrl ?? apiUrl,
    ...(options.alertRetry ? { retry: options.alertRetry } : {}),
    log,
  });
  const embeddings = config.embeddings
    ? createExampleEmbeddings({
        client: storage.client,
        topology: storage.topology,
        config: config.embeddings,
        log,
      })
    : undefined;
  const api = createApiApp({
    ...(embeddings ? { embeddings } : {}),
    client: storage.client,
    keys: config.keys,
    writer,
    counters,
    alarms,
    allowedHosts: config.allowedHosts ?? [],
    ...(config.storage.engine === 'embedded' ? { dataDir: config.storage.dataDir } : {}),
  });

  const otlpServer = await listen(collector, config.host, config.otlpPort);
  const apiServer = await listen(api, config.host, config.port);
  // Requests Node refuses before the app sees them (headers too large, malformed HTTP) get a JSON error
  // body on both ports, not Node's empty one.
  for (const server of [otlpServer, apiServer]) server.on('clientError', clientErrorResponder());
  const hostForUrl =
    config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  const otlpUrl = `http://${hostForUrl}:${(otlpServer.address() as AddressInfo).port}`;
  apiUrl = `http://${hostForUrl}:${(apiServer.address() as AddressInfo).port}`;
  const stopSchedule =
    config.alarms.intervalSeconds > 0
      ? scheduleEvaluations(
          alarms.evaluator,
          () => projectsWithData(storage.client),
          config.alarms.intervalSeconds * 1000,
          log,
        )
      : () => {};
  // Seals closed days into the read model now (catch-up after a restart or an upgrade) and every 5 s.
  const readModel = scheduleReadModel(storage.client, READ_MODEL_INTERVAL_MS, log);
  const stopEmbeddings = embeddings
    ? scheduleEmbeddingCatchUp(embeddings, EMBEDDINGS_CATCH_UP_MS, log)
    : () => {};
  const where =
    config.storage.engine === 'embedded'
      ? `embedded engine in ${config.storage.dataDir}`
      : config.storage.url;
  log(`flywheel: OTLP on ${otlpUrl}/v1/traces, API on ${apiUrl} (${where})`);

  let closing: Promise<void> | null = null;
  return {
    apiUrl,
    otlpUrl,
    storage,
    alarms,
    close() {
      closing ??= (async () => {
        stopSchedule();
        readModel.stop();
        stopEmbeddings();
        await Promise.all([stop(otlpServer), stop(apiServer)]);
        await alarms.notifier.idle();
        await Promise.all([writer.shutdown(), details.shutdown()]);
        await readModel.idle();
        await embeddings?.close();
        const { droppedItems } = writer.stats;
        if (droppedItems > 0)
          log(
            `flywheel: refused ${droppedItems} items while the queue was full (senders were told to retry)`,
          );
        await storage.close();
      })();
      return closing;
    },
  };
}

function listen(app: Hono, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    // An answer sent before the request's body was read leaves the connection usable (lingeringClose).
    const fetch = lingeringClose((request, env) => app.fetch(request, env));
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${hostname} is already in use`) : error,
      );
    });
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open; requests in flight still finish.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
