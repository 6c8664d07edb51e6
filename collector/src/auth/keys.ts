import { createHash, timingSafeEqual } from 'node:crypto';

/** Project keys, held only as SHA-256 digests. */
export interface KeyRing {
  /** The project a presented key belongs to, or undefined. Constant time in the key's content. */
  projectFor(presentedKey: string): string | undefined;
  /** True when no keys are configured: one project, `default`, loopback only. */
  readonly open: boolean;
}

export const DEFAULT_PROJECT = 'default';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * Parses `FLYWHEEL_KEYS="project:key,project:key"`. Digests of equal length are compared with
 * timingSafeEqual, and every configured key is compared, so the time taken reveals nothing about which
 * key (or how much of one) matched.
 */
export function parseKeys(spec: string | undefined): KeyRing {
  const entries: Array<{ project: string; digest: Buffer }> = [];
  const raws = (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [index, raw] of raws.entries()) {
    const at = raw.indexOf(':');
    const project = raw.slice(0, at).trim();
    const key = raw.slice(at + 1).trim();
    // The message never quotes the entry: it may be a bare key.
    if (at <= 0 || key.length === 0) throw new Error(`FLYWHEEL_KEYS: entry ${index + 1} must be project:key`);
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(project)) {
      throw new Error(`FLYWHEEL_KEYS: project '${project}' must be 1–64 letters, digits, '.', '_' or '-'`);
    }
    if (key.length < 16)
      throw new Error(`FLYWHEEL_KEYS: the key of project '${project}' must have at least 16 characters`);
    entries.push({ project, digest: digest(key) });
  }
  return {
    open: entries.length === 0,
    projectFor(presentedKey: string) {
      const presented = digest(presentedKey);
      let match: string | undefined;
      for (const entry of entries) if (timingSafeEqual(entry.digest, presented)) match ??= entry.project;
      return match;
    },
  };
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  return match?.[1]?.trim();
}
