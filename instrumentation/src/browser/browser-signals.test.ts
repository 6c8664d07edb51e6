import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFakeServer, sendJson } from '../testing/fake-server';
import { createBrowserSignals } from './index';

describe('createBrowserSignals', () => {
  it('POSTs { signals: [...] } with the key to /api/v1/signals', async () => {
    const server = await startFakeServer((_request, res) => sendJson(res, 202, { accepted: 1 }));
    try {
      const browser = createBrowserSignals({ endpoint: `${server.url}/`, apiKey: 'fw_key' });
      await browser.thumbsUp('req-1', { userId: 'pseudo-1', time: new Date('2025-03-04T05:06:07Z') });
      await browser.edit('req-2', { originalText: 'kitten', finalText: 'sitting' });
      await browser.correct('req-3', 'No, Paris.');
      await browser.send([
        { requestId: 'req-4', kind: 'copied' },
        { requestId: 'req-5', kind: 'abandoned' },
      ]);
      const [first, second, third, batch] = server.requests;
      expect(first?.method).toBe('POST');
      expect(first?.url).toBe('/api/v1/signals');
      expect(first?.headers.authorization).toBe('Bearer fw_key');
      expect(first?.headers['content-type']).toBe('application/json');
      expect(first?.body).toEqual({
        signals: [
          {
            requestId: 'req-1',
            kind: 'thumbs_up',
            userId: 'pseudo-1',
            time: '2025-03-04T05:06:07.000Z',
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          },
        ],
      });
      const edited = (second?.body.signals as Record<string, unknown>[])[0];
      expect(edited).toMatchObject({ requestId: 'req-2', kind: 'edited', correction: 'sitting' });
      expect(edited?.value).toBeCloseTo(3 / 7, 10);
      const corrected = (third?.body.signals as Record<string, unknown>[])[0];
      expect(corrected).toMatchObject({ requestId: 'req-3', kind: 'corrected', correction: 'No, Paris.' });
      expect(Date.now() - Date.parse(String(corrected?.time))).toBeLessThan(60_000);
      expect(corrected?.id).not.toBe((first?.body.signals as Record<string, unknown>[])[0]?.id);
      expect((batch?.body.signals as unknown[]).length).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('rejects with the status when the API refuses', async () => {
    const server = await startFakeServer((_request, res) => sendJson(res, 401, { error: 'bad key' }));
    try {
      const browser = createBrowserSignals({ endpoint: server.url });
      await expect(browser.accept('req-1')).rejects.toThrow(/HTTP 401/);
      await expect(browser.accept('')).rejects.toThrow(/requestId/);
    } finally {
      await server.close();
    }
  });

  it('uses only fetch: no Node.js or OpenTelemetry imports anywhere in its module graph', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    // The conventions package has no dependencies of its own; its sources are walked like ours.
    const semconv = resolve(here, '../../../semconv/src/index.ts');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/from '([^']+)'/g)) {
        const specifier = match[1]!;
        if (specifier === '@flywheel/semconv') {
          visit(semconv);
          continue;
        }
        expect(specifier.startsWith('.'), `${file} imports ${specifier}`).toBe(true);
        visit(resolve(dirname(file), `${specifier}.ts`));
      }
    };
    visit(resolve(here, 'index.ts'));
    expect(seen.size).toBeGreaterThan(2);
  });
});
