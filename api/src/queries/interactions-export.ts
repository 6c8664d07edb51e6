import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@flywheel/storage';
import { exportPageCsv, exportPageEnd, type ExportKey } from './interactions-export-pages';
import type { InteractionFilter } from './interactions';

/** How the export sizes its pages: rows to start with, at most, and the bytes a page aims at. */
export interface ExportPaging {
  startRows: number;
  maxRows: number;
  pageBytes: number;
}

/**
 * A page of about 1–4 MB is handed over by the embedded engine in a few ms; a row count that gave more
 * is halved, one that gave less than a quarter of it doubled.
 */
export const EXPORT_PAGING: ExportPaging = { startRows: 1_000, maxRows: 16_000, pageBytes: 4 * 1024 * 1024 };

/**
 * Every interaction the explorer's filter selects, newest first, as CSV written by the engine (header
 * first, RFC 4180 quoting), streamed page by page (`exportPageCsv`): the next page is read only when
 * the response has taken the previous one, and none after the client went away. Each page starts
 * strictly past the previous page's last row (keyset paging, no offset), so rows inserted meanwhile
 * never shift a page; the bytes are those a single query would write at the time each page is read.
 * The first page is read before this returns, so a failing query is the request's error, not a cut body.
 */
export async function exportInteractionsCsv(
  client: ClickHouseClient,
  filter: InteractionFilter,
  paging: ExportPaging = EXPORT_PAGING,
): Promise<Readable> {
  const pages = csvPages(client, filter, paging);
  const first = await pages.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (first.done) return;
    yield first.value;
    yield* pages;
  }
  // Destroying the stream (the client went away) returns the generator at its yield: no further query.
  return Readable.from(all(), { objectMode: false });
}

async function* csvPages(
  client: ClickHouseClient,
  filter: InteractionFilter,
  paging: ExportPaging,
): AsyncGenerator<Buffer> {
  let below: ExportKey | null = null;
  let rows = paging.startRows;
  for (;;) {
    const page = await exportPageEnd(client, filter, { below, rows, bytes: paging.pageBytes });
    const header = below === null;
    if (!page) {
      // Nothing selected: the header alone, as the engine writes it for no rows.
      if (header) yield await exportPageCsv(client, filter, { below, atLeast: null, header, empty: true });
      return;
    }
    const csv = await exportPageCsv(client, filter, { below, atLeast: page.end, header });
    yield csv;
    if (page.last) return;
    below = page.end;
    // The estimate misses responses' exact size and messages that came as events: the bytes read decide.
    if (csv.byteLength > paging.pageBytes) rows = Math.max(1, Math.floor(page.rows / 2));
    else if (csv.byteLength < paging.pageBytes / 4 && page.rows === rows)
      rows = Math.min(paging.maxRows, rows * 2);
  }
}
