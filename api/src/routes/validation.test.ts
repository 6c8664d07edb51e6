import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from './validation';

const item = z.strictObject({ id: z.string(), labels: z.object({ ok: z.boolean() }) });
const body = z.union([item, z.strictObject({ items: z.array(item) })]);
const message = (schema: z.ZodType, value: unknown) =>
  issueMessage(schema.safeParse(value).error!.issues, 'body');

describe('issueMessage', () => {
  it('names the offending field by its path, the whole part when no field is at fault', () => {
    expect(message(item, { id: 'a', labels: { ok: 1 } })).toMatch(/^labels\.ok: /);
    expect(message(item, 'text')).toMatch(/^body: /);
    expect(message(item, { id: 'a', labels: { ok: true }, extra: 1 })).toMatch(/^body: Unrecognized key/);
  });

  it('names the field in the shape a union body was written in', () => {
    expect(message(body, { id: 'a', labels: { ok: 'yes' } })).toMatch(/^labels\.ok: /);
    expect(
      message(body, {
        items: [
          { id: 'a', labels: { ok: true } },
          { id: 'b', labels: {} },
        ],
      }),
    ).toMatch(/^items\[1\]\.labels\.ok: /);
    expect(message(body, { labels: { ok: true } })).toMatch(/^id: /);
  });
});
