/** A request the collector refuses as a whole; `status` is the HTTP status to answer with. */
export class OtlpRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 415 | 429 | 503,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'OtlpRequestError';
  }
}
