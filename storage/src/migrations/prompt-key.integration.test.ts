import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../client';
import { migrationFiles } from './files';
import { migrate } from './migrate';

// 0014 adds a MATERIALIZED column to a table that may already hold years of traffic: the rows stored
// before it must get the same key as rows inserted after it, by the engine, without a re-ingest.

const dir = mkdtempSync(join(tmpdir(), 'flywheel-prompt-key-'));
let storage: Storage;

const PROMPTS: Record<string, string> = {
  before_question: 'How do I reset my password on the mobile app?',
  before_respaced: 'how do i   RESET my password, on the mobile app',
  before_other: 'Which plans include single sign-on for the whole team?',
  before_short: 'Hi there',
  before_empty: '',
  after_question: 'HOW do I reset my password on the mobile app',
  after_short: '  hi THERE ',
};

async function insert(ids: string[]): Promise<void> {
  const values = ids.map((id) => ({
    project_id: 'p',
    trace_id: id,
    span_id: id,
    request_id: id,
    prompt: PROMPTS[id],
  }));
  await storage.client.insert({ table: 'interactions', values, format: 'JSONEachRow' });
}

async function keys(): Promise<Record<string, string>> {
  const result = await storage.client.query({
    query: 'SELECT request_id, toString(prompt_key) AS k FROM interactions FINAL ORDER BY request_id',
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ request_id: string; k: string }>();
  return Object.fromEntries(rows.map((r) => [r.request_id, r.k]));
}

beforeAll(async () => {
  storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
  const upTo13 = migrationFiles().filter((f) => f.version < 14);
  const upTo14 = migrationFiles().filter((f) => f.version <= 14);
  await migrate(storage.client, storage.topology, upTo13);
  await insert(['before_question', 'before_respaced', 'before_other', 'before_short', 'before_empty']);
  const result = await migrate(storage.client, storage.topology, upTo14);
  expect(result.applied).toEqual(['0014_prompt_key']);
  await insert(['after_question', 'after_short']);
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0014: prompt_key', () => {
  it('keys the same question alike across case, spacing and punctuation, before and after the upgrade', async () => {
    const k = await keys();
    expect(k.before_question).not.toBe('0');
    expect(k.before_respaced).toBe(k.before_question);
    expect(k.after_question).toBe(k.before_question);
    expect(k.before_other).not.toBe(k.before_question);
  });

  it('keys a prompt under three words by its lower-cased text, and no prompt as 0', async () => {
    const k = await keys();
    expect(k.before_short).not.toBe('0');
    expect(k.after_short).toBe(k.before_short);
    expect(k.before_short).not.toBe(k.before_question);
    expect(k.before_empty).toBe('0');
  });

  it('writes the key into the rows stored before the upgrade', async () => {
    for (let i = 0; i < 100; i++) {
      const pending = await storage.client.query({
        query: "SELECT count() AS n FROM system.mutations WHERE table = 'interactions' AND NOT is_done",
        format: 'JSONEachRow',
      });
      const [row] = await pending.json<{ n: string }>();
      if (Number(row!.n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const stored = await storage.client.query({
      query: `SELECT countIf(column = 'prompt_key') AS with_key, count() AS parts FROM system.parts_columns
        WHERE database = currentDatabase() AND table = 'interactions' AND active AND column IN ('prompt_key', 'prompt')`,
      format: 'JSONEachRow',
    });
    const [parts] = await stored.json<{ with_key: string; parts: string }>();
    // Every active part that has a prompt column also has prompt_key written.
    expect(Number(parts!.with_key) * 2).toBe(Number(parts!.parts));
  });
});
