import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureFlywheel, resetFlywheelSettings } from '../config/settings';
import { withFlywheel } from '../context/scope';
import { hashUserId } from '../context/user-id';
import { memoryTracing } from '../testing/tracing';
import { signals } from './signals';

const memory = memoryTracing();
beforeEach(() => {
  memory.reset();
  resetFlywheelSettings();
});
afterEach(() => resetFlywheelSettings());

const only = () => {
  const spans = memory.getFinishedSpans();
  expect(spans).toHaveLength(1);
  expect(spans[0]?.name).toBe('flywheel.signal');
  return spans[0]!.attributes;
};

describe('signals', () => {
  it.each([
    ['thumbsUp', 'thumbs_up', true, 1],
    ['thumbsDown', 'thumbs_down', true, 0],
    ['accept', 'accepted', false, 1],
    ['copy', 'copied', false, 1],
    ['regenerate', 'regenerated', false, 0],
    ['earlyTermination', 'early_termination', false, 0],
    ['abandon', 'abandoned', false, 0],
    ['delete', 'deleted', false, 0],
    ['followUp', 'follow_up', false, 0],
  ] as const)('%s writes a %s signal span', (fn, kind, explicit, score) => {
    signals[fn]('req-1');
    expect(only()).toEqual({
      'flywheel.request_id': 'req-1',
      'flywheel.signal.kind': kind,
      'flywheel.signal.explicit': explicit,
      'gen_ai.evaluation.name': `flywheel.${kind}`,
      'gen_ai.evaluation.score.value': score,
      'gen_ai.evaluation.score.label': score === 1 ? 'positive' : 'negative',
    });
  });

  it('edit computes the normalized edit distance and sends the final text', () => {
    const value = signals.edit('req-2', { originalText: 'kitten', finalText: 'sitting' });
    expect(value).toBeCloseTo(3 / 7, 10);
    expect(only()).toMatchObject({
      'flywheel.signal.kind': 'edited',
      'flywheel.signal.value': value,
      'flywheel.signal.correction': 'sitting',
      'gen_ai.evaluation.score.value': value,
      'gen_ai.evaluation.score.label': 'negative',
    });
  });

  it('a small edit counts as positive', () => {
    signals.edit('req-3', { originalText: 'The answer is 42.', finalText: 'The answer is 42!' });
    expect(only()['gen_ai.evaluation.score.label']).toBe('positive');
  });

  it('correct carries the correction', () => {
    signals.correct('req-4', 'No, I meant Paris.');
    expect(only()).toMatchObject({
      'flywheel.signal.kind': 'corrected',
      'flywheel.signal.correction': 'No, I meant Paris.',
    });
  });

  it('leaves the correction text out when content capture is off', () => {
    configureFlywheel({ captureContent: false });
    signals.correct('req-5', 'private text');
    expect(only()['flywheel.signal.correction']).toBeUndefined();
  });

  it('hashes the user id with the salt, from the option or from withFlywheel', () => {
    configureFlywheel({ userIdSalt: 'pepper' });
    signals.accept('req-6', { userId: 'alice' });
    const direct = only()['flywheel.user_id'];
    expect(direct).toBe(hashUserId('alice', 'pepper'));
    expect(direct).toMatch(/^[0-9a-f]{64}$/);
    expect(direct).not.toBe(hashUserId('alice', 'other-salt'));
    memory.reset();
    withFlywheel({ userId: 'alice' }, () => signals.thumbsUp('req-7'));
    expect(only()['flywheel.user_id']).toBe(direct);
  });

  it('backdates a signal to the given time', () => {
    signals.abandon('req-8', { time: '2025-01-02T03:04:05.000Z' });
    const [span] = memory.getFinishedSpans();
    expect(span?.attributes['flywheel.signal.time']).toBe('2025-01-02T03:04:05.000Z');
    expect(span?.startTime[0]).toBe(Date.parse('2025-01-02T03:04:05.000Z') / 1000);
  });

  it('drops a signal with a bad argument instead of throwing into the UI handler', () => {
    expect(() => signals.accept('')).not.toThrow();
    expect(() => signals.accept(undefined as unknown as string)).not.toThrow();
    expect(() => signals.abandon('req-9', { time: 'not a date' })).not.toThrow();
    expect(() => signals.record('nonsense' as never, 'req-9')).not.toThrow();
    expect(memory.getFinishedSpans()).toHaveLength(0);
  });

  it('record accepts any kind with a value', () => {
    signals.record('follow_up', 'req-10', { value: 0.5 });
    expect(only()).toMatchObject({ 'flywheel.signal.value': 0.5, 'gen_ai.evaluation.score.value': 0.5 });
  });
});
