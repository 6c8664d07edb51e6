/**
 * Why a request failed, in the terms the dashboard shows: a missing key asks for one, a route this server
 * does not have yet is "not available in this version", anything else is an error with the server's words.
 */
export type ApiErrorKind = 'unauthorized' | 'not_available' | 'bad_request' | 'server' | 'network';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly path: string;

  constructor(kind: ApiErrorKind, status: number, path: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.path = path;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
