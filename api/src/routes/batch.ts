import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { parseBody } from './validation';

/** Most items one request may carry. */
export const MAX_BATCH = 10_000;

/**
 * A JSON body that is either one item or `{ "<key>": [items] }`. Errors name the field the way the
 * caller wrote it: `labels.accuracy: …` for one item, `reviews[3].labels.accuracy: …` in a batch.
 */
export async function parseBatch<T extends z.ZodType>(
  c: Context,
  key: string,
  item: T,
): Promise<Array<z.infer<T>>> {
  const raw: unknown = await parseBody(c, z.unknown());
  const isBatch = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && key in raw;
  const schema = isBatch ? z.strictObject({ [key]: z.array(item).min(1).max(MAX_BATCH) }) : item;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new HTTPException(400, {
      res: Response.json({ error: `${name || 'body'}: ${issue.message}` }, { status: 400 }),
    });
  }
  return isBatch ? (parsed.data as Record<string, Array<z.infer<T>>>)[key]! : [parsed.data as z.infer<T>];
}

/** The OpenAPI form of such a body. */
export function batchSchema<T extends z.ZodType>(key: string, item: T) {
  return z.union([item, z.strictObject({ [key]: z.array(item).min(1).max(MAX_BATCH) })]);
}
