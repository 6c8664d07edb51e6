import { describe, expect, it } from 'vitest';
import { TrafficGenerator } from './generate';
import { healthyScenario } from './scenarios/healthy';
import { SpanRecorder } from './spans';

const plan = healthyScenario({ days: 2, dailyVolume: 600, seed: 11 });
const generator = new TrafficGenerator(plan);
const interactions = [...generator.generateDay(0), ...generator.generateDay(1)];
const recorder = new SpanRecorder(11, 'test');
for (const i of interactions) recorder.record(i);
const calls = new Map(
  recorder
    .take()
    .filter((s) => s.name.startsWith('chat '))
    .map((s) => [String(s.attributes['flywheel.request_id']), s.attributes]),
);

describe('SpanRecorder: token logprobs', () => {
  it('gives about a third of the calls a mean and minimum token logprob, lower for wrong answers', () => {
    const withLogprobs = interactions.filter(
      (i) => calls.get(i.requestId)?.['flywheel.response.mean_logprob'] !== undefined,
    );
    expect(withLogprobs.length / interactions.length).toBeGreaterThan(0.25);
    expect(withLogprobs.length / interactions.length).toBeLessThan(0.42);
    for (const i of withLogprobs) {
      const a = calls.get(i.requestId)!;
      const mean = a['flywheel.response.mean_logprob'] as number;
      const min = a['flywheel.response.min_logprob'] as number;
      expect(min).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThan(0);
      if (i.correct) expect(mean).toBeGreaterThan(-0.65);
      else expect(mean).toBeLessThan(-0.8);
    }
    expect(withLogprobs.some((i) => !i.correct)).toBe(true);
  });
});
