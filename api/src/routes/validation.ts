import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

/** Parses query parameters, answering 400 with the offending parameter named. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.join('.') || 'query';
  throw new HTTPException(400, {
    res: Response.json({ error: `${name}: ${issue.message}` }, { status: 400 }),
  });
}
