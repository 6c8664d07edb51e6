import { describe, expect, it } from 'vitest';
import { CONVENTION_FIXTURES, type FixtureAttributes } from './fixtures/conventions';
import { decodedSpan } from './fixtures/decoded';
import { normalize } from './normalize';

const good = CONVENTION_FIXTURES[0]!;
const row = (extra: FixtureAttributes) => {
  const batch = normalize(
    [
      {
        resource: { 'service.name': 'svc' },
        spans: [decodedSpan(good.spanName, { ...good.attributes, ...extra })],
      },
    ],
    'p1',
  );
  expect(batch.errors).toEqual([]);
  expect(batch.interactions).toHaveLength(1);
  return batch.interactions[0]!;
};

describe('normalize: flywheel.response.mean_logprob / min_logprob', () => {
  it('stores the mean and minimum token logprob of the response', () => {
    expect(
      row({ 'flywheel.response.mean_logprob': -0.42, 'flywheel.response.min_logprob': -3.5 }),
    ).toMatchObject({ response_mean_logprob: -0.42, response_min_logprob: -3.5 });
    // OTLP/JSON may carry a double as text; 0 is a certain token, still a logprob.
    expect(
      row({ 'flywheel.response.mean_logprob': '-1.25', 'flywheel.response.min_logprob': 0 }),
    ).toMatchObject({ response_mean_logprob: -1.25, response_min_logprob: 0 });
  });

  it('is unknown (null) when absent', () => {
    expect(row({})).toMatchObject({ response_mean_logprob: null, response_min_logprob: null });
  });

  it.each([
    ['positive (a probability sent as a logprob)', 0.8],
    ['NaN', Number.NaN],
    ['"NaN" as text', 'NaN'],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['below what Float32 holds', -1e39],
    ['not a number', 'low'],
    ['a boolean', true],
  ])('drops a value that is %s, and keeps the span', (_name, value) => {
    const stored = row({ 'flywheel.response.mean_logprob': value, 'flywheel.response.min_logprob': value });
    expect(stored).toMatchObject({ response_mean_logprob: null, response_min_logprob: null });
    expect(stored.request_id).not.toBe('');
  });
});
