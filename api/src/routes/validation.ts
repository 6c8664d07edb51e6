import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { ApiEnv } from './env';

/** How an error names a whole request part when no single field is at fault. */
const PART: Record<string, string> = { query: 'query', param: 'path', json: 'body', header: 'header' };

/**
 * The first problem, named by the path of the offending field the way the caller wrote it:
 * `W: …`, `dataWindow.from: …`, `reviews[3].labels.accuracy: …`. For a union of body shapes (one item
 * or a batch) it names the field in the shape the body was written in: the one whose keys it uses.
 */
export function issueMessage(
  issues: readonly z.core.$ZodIssue[],
  part: string,
  prefix: PropertyKey[] = [],
): string {
  const issue = issues[0]!;
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const fits = (branch: z.core.$ZodIssue[]) =>
      !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    return issueMessage(issue.errors.find(fits) ?? issue.errors[0]!, part, path);
  }
  const name = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return `${name || part}: ${issue.message}`;
}

/** Every request part the contract declares is validated on the way in; a failure is a 400 naming it. */
export function validationHook(
  result: { target: keyof ValidationTargets } & ({ success: true } | { success: false; error: z.ZodError }),
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return c.json({ error: issueMessage(result.error.issues, PART[result.target] ?? result.target) }, 400);
}

/** A router whose routes are described by the contract (api/src/contract) and validated by it. */
export function contractRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
