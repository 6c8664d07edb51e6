import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rulesSchema } from '../alarms/rules';
import { ALARM_KINDS } from '../alarms/types';

const name = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, ".", "_" or "-"');

/**
 * Where a notification is POSTed: http or https only. `javascript:`, `file:` or `data:` URLs are never
 * requests a server should make, and the dashboard shows the URL as a link.
 */
const destinationUrl = z.url({
  protocol: /^https?$/,
  message: 'must be an http:// or https:// URL',
});

export const destinationSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('webhook'),
    name,
    url: destinationUrl,
    /** HMAC-SHA256 key for the signature header. */
    secret: z.string().min(16, 'must have at least 16 characters'),
  }),
  z.strictObject({ type: z.literal('slack'), name, url: destinationUrl }),
  z.strictObject({
    type: z.literal('pagerduty'),
    name,
    routingKey: z.string().min(1),
    url: destinationUrl.default('https://events.pagerduty.com/v2/enqueue'),
  }),
]);
export type Destination = z.infer<typeof destinationSchema>;

export const projectAlertsSchema = z.strictObject({
  destinations: z.array(destinationSchema).default([]),
  /** Per-rule thresholds; what is left out keeps its default. */
  rules: rulesSchema.default(rulesSchema.parse({})),
  /** Which destinations each alarm kind goes to; a kind not listed goes to every destination. */
  routes: z.partialRecord(z.enum(ALARM_KINDS), z.array(name)).default({}),
});
export type ProjectAlerts = z.infer<typeof projectAlertsSchema>;

export const alertsFileSchema = z.strictObject({
  projects: z.record(z.string(), projectAlertsSchema).default({}),
});

/** Reads the alerts file; an error names the file and the offending field. */
export function readAlertsFile(path: string): Record<string, ProjectAlerts> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`alerts file ${path}: ${(error as Error).message}`);
  }
  const parsed = alertsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`alerts file ${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.projects;
}

export const EMPTY_PROJECT_ALERTS: ProjectAlerts = projectAlertsSchema.parse({});

const MASK = '********';

/** The configuration as the API shows it: secrets, routing keys and the secret part of URLs hidden. */
export function maskSecrets(config: ProjectAlerts): ProjectAlerts {
  return {
    ...config,
    destinations: config.destinations.map((d) => {
      if (d.type === 'webhook') return { ...d, secret: MASK, url: maskUrlQuery(d.url) };
      if (d.type === 'pagerduty') return { ...d, routingKey: MASK };
      return { ...d, url: `${new URL(d.url).origin}/${MASK}` }; // a Slack webhook URL is itself the secret
    }),
  };
}

/** A PUT may send masked values back unchanged: they keep what is stored for that destination. */
export function unmaskSecrets(incoming: ProjectAlerts, stored: ProjectAlerts): ProjectAlerts {
  return {
    ...incoming,
    destinations: incoming.destinations.map((d) => {
      const previous = stored.destinations.find((s) => s.name === d.name && s.type === d.type);
      if (!previous) return d;
      const masked = maskSecrets({ ...stored, destinations: [previous] }).destinations[0]!;
      const restored = { ...d } as Record<string, unknown>;
      for (const [key, value] of Object.entries(d)) {
        if (
          value === (masked as Record<string, unknown>)[key] &&
          value !== (previous as Record<string, unknown>)[key]
        ) {
          restored[key] = (previous as Record<string, unknown>)[key];
        }
      }
      return restored as Destination;
    }),
  };
}

function maskUrlQuery(url: string): string {
  const u = new URL(url);
  return u.search ? `${u.origin}${u.pathname}?${MASK}` : url;
}
