import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonNestingProblem } from '@flywheel/collector';

const MIB = 1024 * 1024;

/** What a body may weigh unless its route needs more. */
export const DEFAULT_BODY_LIMIT_BYTES = 1 * MIB;

/** Routes that take batches (up to 10,000 labels or evals per request) may send more. */
export const BATCH_BODY_LIMIT_BYTES = 16 * MIB;
const BATCH_ROUTES = new Set(['/api/v1/reviews', '/api/v1/judgments', '/api/v1/evals']);

const describe = (bytes: number) => `${bytes / MIB} MiB`;

/**
 * Every API body is bounded before it is parsed: a declared Content-Length over the limit is refused at
 * once (413) and a chunked body is counted as it streams. Then a JSON body nested too deep is refused
 * (400) before the parser and the validators walk it. `exempt` paths bound their bodies themselves
 * (the signals endpoint, through the collector's ingest limits).
 */
export function bodyLimits(exempt: readonly string[]): MiddlewareHandler {
  const limiters = new Map(
    [DEFAULT_BODY_LIMIT_BYTES, BATCH_BODY_LIMIT_BYTES].map((maxSize) => [
      maxSize,
      bodyLimit({
        maxSize,
        onError: (c) =>
          c.json(
            { error: `body: larger than ${describe(maxSize)}, the limit of ${c.req.method} ${c.req.path}` },
            413,
          ),
      }),
    ]),
  );
  return async (c, next) => {
    if (!c.req.raw.body || exempt.includes(c.req.path)) return next();
    const limit = BATCH_ROUTES.has(c.req.path) ? BATCH_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
    let refused: Response | undefined;
    const limited = await limiters.get(limit)!(c, async () => {
      const problem = jsonNestingProblem(new Uint8Array(await c.req.arrayBuffer()));
      if (problem) refused = c.json({ error: `body: ${problem}` }, 400);
      else await next();
    });
    return refused ?? limited;
  };
}
