import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { DEFAULTS } from '../config';

export const EXPORT_FORMATS = ['sft', 'dpo', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  /** The API's base URL, e.g. http://127.0.0.1:8080. */
  api: string;
  key?: string;
  datasetId: string;
  format: ExportFormat;
  split: 'train' | 'validation';
  out: string;
  /** Told the expected examples first, then every chunk's bytes and newly completed lines. */
  progress?: { start(total: number): void; advance(bytes: number, lines: number): void; stop(): void };
}

/** Fails with the API's own sentence (`{ "error": … }`) when there is one. */
async function failure(res: Response, what: string): Promise<Error> {
  const text = await res.text();
  let message = text.slice(0, 300);
  try {
    message = (JSON.parse(text) as { error?: string }).error ?? message;
  } catch {
    // Not JSON: the text itself says what went wrong.
  }
  return new Error(`${what}: HTTP ${res.status}: ${message}`);
}

/**
 * Downloads a split of a dataset from a running server's API into `out`. The download goes to a
 * temporary file first and is renamed when complete, so a failed export never leaves half a file.
 */
export async function exportDataset(r: ExportRequest): Promise<{ bytes: number; lines: number }> {
  const headers: Record<string, string> = r.key ? { authorization: `Bearer ${r.key}` } : {};
  const base = r.api.replace(/\/+$/, '');
  const id = encodeURIComponent(r.datasetId);
  const described = await fetch(`${base}/api/v1/datasets/${id}`, { headers });
  if (!described.ok) throw await failure(described, `dataset ${r.datasetId}`);
  const { dataset } = (await described.json()) as { dataset: { size: Record<string, number> } };
  const res = await fetch(`${base}/api/v1/datasets/${id}/export?format=${r.format}&split=${r.split}`, {
    headers,
  });
  if (!res.ok || !res.body) throw await failure(res, `export of ${r.datasetId}`);
  r.progress?.start(dataset.size[r.split] ?? 0);
  let bytes = 0;
  let lines = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      const newLines = r.format === 'parquet' ? 0 : chunk.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
      lines += newLines;
      r.progress?.advance(chunk.length, newLines);
      done(null, chunk);
    },
  });
  const partial = `${r.out}.partial`;
  try {
    await pipeline(Readable.fromWeb(res.body as never), count, createWriteStream(partial));
    await rename(partial, r.out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    r.progress?.stop();
  }
  return { bytes, lines };
}

/** A bar of examples on a terminal (bytes for Parquet, which has no lines); nothing otherwise. */
function progressBar(format: ExportFormat): ExportRequest['progress'] {
  if (!process.stderr.isTTY) return undefined;
  const bar = new SingleBar({
    format: `export |{bar}| {value}/{total} ${format === 'parquet' ? 'bytes' : 'lines'} · {duration}s`,
    hideCursor: true,
    stream: process.stderr,
  });
  let value = 0;
  return {
    start: (total) => bar.start(format === 'parquet' ? 0 : total, 0),
    advance: (bytes, lines) => {
      value += format === 'parquet' ? bytes : lines;
      // A DPO export may hold more pairs than members; the bar grows rather than overflows.
      if (value > bar.getTotal()) bar.setTotal(value);
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('download a dataset from a running Flywheel as SFT or DPO JSONL, or Parquet')
    .argument('<dataset-id>', 'the dataset, as GET /api/v1/datasets lists it')
    .addOption(new Option('--format <format>', 'export format').choices(EXPORT_FORMATS).default('sft'))
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'validation']).default('train'))
    .addOption(new Option('--out <file>', 'file to write').makeOptionMandatory())
    .addOption(
      new Option(
        '--api <url>',
        `API base URL (env FLYWHEEL_API_URL, default http://127.0.0.1:${DEFAULTS.port})`,
      ),
    )
    .addOption(new Option('--key <key>', 'API key when the server has keys (env FLYWHEEL_KEY)'))
    .action(
      async (
        datasetId: string,
        flags: {
          format: ExportFormat;
          split: 'train' | 'validation';
          out: string;
          api?: string;
          key?: string;
        },
      ) => {
        const api = flags.api ?? process.env.FLYWHEEL_API_URL ?? `http://127.0.0.1:${DEFAULTS.port}`;
        if (!/^https?:\/\/[^/\s]+/.test(api) || !URL.canParse(api))
          throw new Error('--api must be an http(s) URL like http://127.0.0.1:8080');
        const key = flags.key ?? process.env.FLYWHEEL_KEY;
        const result = await exportDataset({
          api,
          ...(key ? { key } : {}),
          datasetId,
          format: flags.format,
          split: flags.split,
          out: flags.out,
          progress: progressBar(flags.format),
        });
        const what = flags.format === 'parquet' ? `${result.bytes} bytes` : `${result.lines} lines`;
        console.log(
          `flywheel: ${datasetId} (${flags.split}, ${flags.format}): ${what} written to ${flags.out}`,
        );
      },
    );
}
