import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@flywheel/semconv';
import { asNumber, asString } from './messages';

// An app talks to a handful of base URLs; parsing one on every call would be waste.
const serverByBaseUrl = new Map<string, Attributes>();

/** `server.address` / `server.port` from the client's base URL (SDK resources keep it at `_client.baseURL`). */
export function serverAttributes(resource: unknown): Attributes {
  const baseURL = asString((resource as { _client?: { baseURL?: unknown } } | null)?._client?.baseURL);
  if (baseURL === undefined) return {};
  let attributes = serverByBaseUrl.get(baseURL);
  if (attributes === undefined) {
    attributes = parseServer(baseURL);
    if (serverByBaseUrl.size >= 64) serverByBaseUrl.clear();
    serverByBaseUrl.set(baseURL, attributes);
  }
  return attributes;
}

function parseServer(baseURL: string): Attributes {
  try {
    const url = new URL(baseURL);
    const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { [ATTR_SERVER_ADDRESS]: url.hostname, [ATTR_SERVER_PORT]: port };
  } catch {
    return {};
  }
}

export function samplingAttributes(maxTokens: unknown, temperature: unknown, topP: unknown): Attributes {
  const attributes: Attributes = {};
  const max = asNumber(maxTokens);
  if (max !== undefined) attributes[ATTR_GEN_AI_REQUEST_MAX_TOKENS] = max;
  const temp = asNumber(temperature);
  if (temp !== undefined) attributes[ATTR_GEN_AI_REQUEST_TEMPERATURE] = temp;
  const p = asNumber(topP);
  if (p !== undefined) attributes[ATTR_GEN_AI_REQUEST_TOP_P] = p;
  return attributes;
}
