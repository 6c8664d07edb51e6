import type { ClickHouseClient } from '@clickhouse/client';
import { encodeJsonLines, insertJsonLines } from './insert-lines';
import type { InteractionRow, SignalRow } from './rows';

// No clickhouse_settings on any insert: on the embedded engine they would persist for later queries.

export async function insertInteractions(client: ClickHouseClient, rows: InteractionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonLines(client, 'interactions', encodeJsonLines(rows).bytes);
}

export async function insertSignals(client: ClickHouseClient, rows: SignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonLines(client, 'signals', encodeJsonLines(rows).bytes);
}
