import { ApiError } from './errors';

export type QueryValue = string | number | boolean | undefined | null;
/** Any object of parameters, interfaces included (they have no index signature). */
export type Query<Q = Record<string, QueryValue>> = { [K in keyof Q]: QueryValue };
/** The parameters a request sends: only those that are set. */
export type SentQuery = Readonly<Record<string, string | number | boolean>>;

/**
 * One GET the dashboard makes (src/api/endpoints.ts lists them). Its path and parameters are also its
 * cache key, so pages that need the same data share one request; a path is read one way only.
 */
export interface ApiRequest<T> {
  readonly path: string;
  readonly query: SentQuery;
  /** The result, from the JSON body. */
  readonly read: (body: unknown) => T;
  /** The result when the server has no such resource (a 404 that is not a missing route). */
  readonly whenMissing?: () => T;
  /** A write (the Review page's claims and reviews): POSTed with this JSON body. Reads leave it out. */
  readonly body?: unknown;
}

export interface ApiClientOptions {
  /** Where the API lives; the dashboard is served by the API, so the default is its own origin. */
  baseUrl?: string;
  /** The project key pasted by the user, sent as `Authorization: Bearer`. */
  getKey: () => string | null;
  fetchImpl?: typeof fetch;
}

/** The one typed client: every request the dashboard makes goes through here. */
export interface ApiClient {
  /** Sends a request; fails only with an ApiError (or the abort of `signal`). */
  send<T>(request: ApiRequest<T>, signal?: AbortSignal): Promise<T>;
}

/** Drops unset parameters (undefined, null, ''): they are not sent, so they must not split the cache. */
export function sentQuery<Q extends Query<Q>>(query: Q): SentQuery {
  const sent: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value !== undefined && value !== null && value !== '') sent[key] = value;
  }
  return sent;
}

export function buildUrl<Q extends Query<Q>>(baseUrl: string, path: string, query: Q): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(sentQuery(query))) params.set(key, String(value));
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetchImpl ?? ((input, init) => fetch(input, init));

  async function send<T>(request: ApiRequest<T>, signal?: AbortSignal): Promise<T> {
    const { path } = request;
    const key = options.getKey();
    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, request.query), {
        headers: {
          accept: 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { method: 'POST', body: JSON.stringify(request.body) } : {}),
        // The key is the only credential; cookies are never needed.
        credentials: 'omit',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('network', 0, path, 'The Flywheel server did not answer. Is it running?');
    }
    if (!response.ok) {
      const error = await errorFrom(response, path);
      if (request.whenMissing && error.kind === 'bad_request' && error.status === 404)
        return request.whenMissing();
      throw error;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('server', response.status, path, 'The server answered something that is not JSON.');
    }
    return request.read(body);
  }

  return { send };
}

async function errorFrom(response: Response, path: string): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  if (response.status === 401) return new ApiError('unauthorized', 401, path, message);
  // The API's catch-all answers `no route for GET /api/v1/…`: the endpoint is not in this version.
  if (response.status === 404 && message.startsWith('no route for'))
    return new ApiError('not_available', 404, path, message);
  if (response.status >= 400 && response.status < 500)
    return new ApiError('bad_request', response.status, path, message);
  return new ApiError('server', response.status, path, message);
}
