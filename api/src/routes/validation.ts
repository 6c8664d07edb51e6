import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

function badRequest(error: z.ZodError, fallback: string): never {
  const issue = error.issues[0]!;
  const name = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  throw new HTTPException(400, {
    res: Response.json({ error: `${name || fallback}: ${issue.message}` }, { status: 400 }),
  });
}

/** Parses query parameters, answering 400 with the offending parameter named. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  return parsed.success ? parsed.data : badRequest(parsed.error, 'query');
}

/** Parses a JSON body, answering 400 with the offending field named (`reviews[3].labels.accuracy: …`). */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new HTTPException(400, {
      res: Response.json({ error: 'body must be valid JSON' }, { status: 400 }),
    });
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : badRequest(parsed.error, 'body');
}
