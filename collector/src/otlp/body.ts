import { OtlpRequestError } from './errors';

/** 20 MiB after decompression: larger bodies are refused, which also stops gzip bombs. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export type OtlpEncoding = 'protobuf' | 'json';

export function encodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  throw new OtlpRequestError(
    415,
    `unsupported content type '${type || '(none)'}': send application/x-protobuf or application/json`,
  );
}

export interface ReadBodyOptions {
  /** Largest decoded body accepted (413 beyond). */
  limit?: number;
  /**
   * Called with the decoded bytes about to be held, before they are read; throws to refuse the request
   * (admission by bytes in flight). A declared Content-Length is reserved at once, before any reading.
   */
  reserve?: (bytes: number) => void;
}

/**
 * Reads the request body, decompressing gzip/deflate as it streams, never holding more than the limit
 * and never more than `reserve` allowed.
 */
export async function readBody(request: Request, options: ReadBodyOptions = {}): Promise<Buffer> {
  const limit = options.limit ?? MAX_BODY_BYTES;
  const contentEncoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'deflate', ''].includes(contentEncoding)) {
    throw new OtlpRequestError(415, `unsupported content encoding '${contentEncoding}': use gzip or none`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0') || 0;
  if (declared > limit) throw tooLarge(limit);
  let reserved = 0;
  const reserve = (total: number) => {
    if (total <= reserved) return;
    options.reserve?.(total - reserved);
    reserved = total;
  };
  // A compressed body decodes to at least about its own size: reserving that up front refuses a request
  // over budget before a byte of it is read.
  reserve(declared);
  if (!request.body) return Buffer.alloc(0);
  const compressed = contentEncoding === 'gzip' || contentEncoding === 'deflate';
  const stream = compressed
    ? request.body.pipeThrough(new DecompressionStream(contentEncoding as 'gzip' | 'deflate'))
    : request.body;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        if (!compressed) throw error;
        throw new OtlpRequestError(
          400,
          `body is not valid ${contentEncoding} data: ${(error as Error).message}`,
        );
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) throw tooLarge(limit);
      reserve(size);
      chunks.push(next.value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): OtlpRequestError {
  return new OtlpRequestError(413, `body exceeds ${limit / (1024 * 1024)} MiB after decompression`);
}
