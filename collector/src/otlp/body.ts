import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { OtlpRequestError } from './errors';

/** 20 MiB after decompression: larger bodies are refused, which also stops gzip bombs. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export type OtlpEncoding = 'protobuf' | 'json';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

export function encodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  throw new OtlpRequestError(
    415,
    `unsupported content type '${type || '(none)'}': send application/x-protobuf or application/json`,
  );
}

/** Reads the request body, decompressing gzip/deflate, never holding more than the limit in memory. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const contentEncoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'deflate', ''].includes(contentEncoding)) {
    throw new OtlpRequestError(415, `unsupported content encoding '${contentEncoding}': use gzip or none`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const raw = await readLimited(request, limit);
  if (contentEncoding === 'gzip' || contentEncoding === 'deflate') {
    try {
      const inflater = contentEncoding === 'gzip' ? gunzipAsync : inflateAsync;
      return await inflater(raw, { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
      throw new OtlpRequestError(
        400,
        `body is not valid ${contentEncoding} data: ${(error as Error).message}`,
      );
    }
  }
  return raw;
}

async function readLimited(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): OtlpRequestError {
  return new OtlpRequestError(413, `body exceeds ${limit / (1024 * 1024)} MiB after decompression`);
}
