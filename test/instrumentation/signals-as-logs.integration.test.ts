import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { configureFlywheel, signals } from '@flywheel/instrumentation';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel();
});
afterAll(() => fw.dispose());

describe('the instrumentation with signalsAs: logs', () => {
  it('sends feedback as flywheel.signal log events that Flywheel stores as signals', async () => {
    const exporter = new OTLPLogExporter({ url: `${fw.otlpUrl}/v1/logs` });
    const loggerProvider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter })] });
    configureFlywheel({ signalsAs: 'logs', loggerProvider });
    signals.thumbsUp('logs-req-1');
    signals.correct('logs-req-1', 'No, the Paris office.');
    await loggerProvider.forceFlush();
    await loggerProvider.shutdown();
    const result = await fw.storage.client.query({
      query: `SELECT kind, source, correction FROM signals FINAL WHERE request_id = 'logs-req-1' ORDER BY kind`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      { kind: 'corrected', source: 'log', correction: 'No, the Paris office.' },
      { kind: 'thumbs_up', source: 'log', correction: '' },
    ]);
  });
});
