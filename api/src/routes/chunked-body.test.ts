import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunkedBody } from './chunked-body';

async function read(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks;
}

describe('chunkedBody', () => {
  // An export as the engine hands it over (one large buffer), and as a stream of uneven pieces.
  const bytes = Buffer.from(Array.from({ length: 300_001 }, (_, i) => (i * 7919) % 251));
  const sources = {
    'one buffer': () => Readable.from([bytes]),
    'uneven pieces': () =>
      Readable.from([bytes.subarray(0, 5), bytes.subarray(5, 140_000), bytes.subarray(140_000)]),
  };

  for (const [name, source] of Object.entries(sources))
    it(`gives the same bytes as Readable.toWeb, in chunks of at most the size asked (${name})`, async () => {
      const chunks = await read(chunkedBody(source(), 65_536));
      expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(65_536);
      const whole = Buffer.concat(chunks);
      const before = Buffer.concat(await read(Readable.toWeb(source()) as ReadableStream<Uint8Array>));
      expect(whole.equals(before)).toBe(true);
      expect(whole.equals(bytes)).toBe(true);
    });

  it('reads nothing ahead, and destroys the source when the client goes away', async () => {
    const source = sources['one buffer']();
    const reader = chunkedBody(source, 1_000).getReader();
    expect((await reader.read()).value!.byteLength).toBe(1_000);
    await reader.cancel();
    expect(source.destroyed).toBe(true);
  });

  it('ends an empty stream', async () => {
    expect(await read(chunkedBody(Readable.from([])))).toEqual([]);
  });
});
