import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { configureFlywheel, resetFlywheelSettings } from '../config/settings';
import { memoryTracing } from '../testing/tracing';
import { signals } from './signals';

const spans = memoryTracing();
const logs = new InMemoryLogRecordExporter();
const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: logs })] });

beforeEach(() => {
  spans.reset();
  logs.reset();
  resetFlywheelSettings();
});
afterEach(() => resetFlywheelSettings());

describe('signals as log events', () => {
  it('are spans by default', () => {
    configureFlywheel({ loggerProvider });
    signals.copy('req-1');
    expect(spans.getFinishedSpans().map((s) => s.name)).toEqual(['flywheel.signal']);
    expect(logs.getFinishedLogRecords()).toHaveLength(0);
  });

  it('become flywheel.signal log events with the span’s attributes when asked', () => {
    configureFlywheel({ signalsAs: 'logs', loggerProvider });
    const time = new Date('2026-11-02T10:00:00Z');
    signals.edit('req-2', { originalText: 'abcd', finalText: 'abcx' }, { time });
    expect(spans.getFinishedSpans()).toHaveLength(0);
    const [record] = logs.getFinishedLogRecords();
    expect(record!.eventName).toBe('flywheel.signal');
    expect(record!.hrTime).toEqual([Math.floor(time.getTime() / 1000), 0]);
    expect(record!.attributes).toMatchObject({
      'flywheel.request_id': 'req-2',
      'flywheel.signal.kind': 'edited',
      'flywheel.signal.value': 0.25,
      'flywheel.signal.time': time.toISOString(),
    });
  });
});
