import type { Readable } from 'node:stream';
import {
  createChdbConnection,
  type ChdbConnection,
  type ChdbExtension,
  type ConnBaseQueryParams,
  type ConnCommandResult,
  type ConnExecParams,
  type ConnExecResult,
  type ConnInsertParams,
  type ConnInsertResult,
  type ConnPingParams,
  type ConnPingResult,
  type ConnQueryResult,
  type Connection,
} from 'chdb/connection';

/** Embedded connections opened on the data directory by default (see EmbeddedConnectionPool). */
export const DEFAULT_EMBEDDED_CONNECTIONS = 3;

interface Member {
  connection: ChdbConnection;
  /** Operations running on this connection now. */
  busy: number;
}

/** What the pool offers besides the client's contract: chDB's raw insert of encoded bytes. */
export type PooledChdbExtension = Pick<ChdbExtension, 'rawInsert'>;

/**
 * Several chDB connections on one data directory, behind the one `Connection` a `@clickhouse/client`
 * takes. Why: a chDB connection runs its statements one after another, so with a single one a
 * dashboard read of several seconds held every insert (an acknowledgement waits for its commit) and
 * every `/healthz` ping behind it. Connections on the same path share the process's one engine and run
 * concurrently. Each operation goes to the connection with the fewest running, so a short statement
 * finds a free one while long reads run.
 *
 * Nothing in Flywheel relies on session state between statements (no temporary tables, no SET, no
 * per-query settings: see createStorage), which is what makes spreading statements safe.
 */
export class EmbeddedConnectionPool implements Connection<Readable> {
  readonly connectionName = 'chdb';
  readonly #members: Member[];

  constructor(path: string, size = DEFAULT_EMBEDDED_CONNECTIONS) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`connections: must be a positive integer (${size})`);
    this.#members = Array.from({ length: size }, () => ({
      connection: createChdbConnection({ path }),
      busy: 0,
    }));
  }

  /** How many operations run on each connection now (for tests and diagnostics). */
  get load(): number[] {
    return this.#members.map((m) => m.busy);
  }

  get chdb(): PooledChdbExtension {
    return { rawInsert: (params) => this.#run((c) => c.chdb.rawInsert(params)) };
  }

  ping(params: ConnPingParams): Promise<ConnPingResult> {
    return this.#run((c) => c.ping(params));
  }

  query(params: ConnBaseQueryParams): Promise<ConnQueryResult<Readable>> {
    return this.#run((c) => c.query(params));
  }

  insert(params: ConnInsertParams<Readable>): Promise<ConnInsertResult> {
    return this.#run((c) => c.insert(params));
  }

  command(params: ConnBaseQueryParams): Promise<ConnCommandResult> {
    return this.#run((c) => c.command(params));
  }

  exec(params: ConnExecParams<Readable>): Promise<ConnExecResult<Readable>> {
    return this.#run((c) => c.exec(params));
  }

  async close(): Promise<void> {
    await Promise.all(this.#members.map((m) => m.connection.close()));
  }

  /** chDB materialises a result before its promise resolves, so `busy` covers the whole statement. */
  async #run<T>(operation: (connection: ChdbConnection) => Promise<T>): Promise<T> {
    let member = this.#members[0]!;
    for (const m of this.#members) if (m.busy < member.busy) member = m;
    member.busy++;
    try {
      return await operation(member.connection);
    } finally {
      member.busy--;
    }
  }
}
