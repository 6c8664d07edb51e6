import { describe, expect, it } from 'vitest';
import { CONVENTION_FIXTURES, NON_CALL_FIXTURES } from './fixtures/conventions';
import { decodedSpan } from './fixtures/decoded';
import { normalize } from './normalize';

const one = (span: ReturnType<typeof decodedSpan>, service = 'svc') =>
  normalize([{ resource: { 'service.name': service }, spans: [span] }], 'p1');

describe('normalize: one fixture per convention', () => {
  it.each(CONVENTION_FIXTURES.map((f) => [f.convention, f]))('%s', (_name, fixture) => {
    const batch = one(decodedSpan(fixture.spanName, fixture.attributes), fixture.service);
    expect(batch.errors).toEqual([]);
    expect(batch.interactions).toHaveLength(1);
    const row = batch.interactions[0]!;
    expect(row).toMatchObject({
      ...fixture.expected,
      project_id: 'p1',
      service: fixture.service,
      status: 'ok',
    });
    expect(row.latency_ms).toBe(1500);
    expect(row.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    // Content lives in its own columns, never duplicated into the attribute map.
    expect(Object.values(row.attributes).join(' ')).not.toContain('reset my password');
  });

  it.each(NON_CALL_FIXTURES.map((f) => [f.spanName, f]))('never counts %s as a call', (_name, fixture) => {
    const batch = one(decodedSpan(fixture.spanName, fixture.attributes));
    expect(batch).toMatchObject({ interactions: [], signals: [], rejected: 0 });
    if (fixture.nodeType) {
      expect(batch.skipped).toBe(0);
      expect(batch.nodes.map((n) => n.node_type)).toEqual([fixture.nodeType]);
    } else {
      expect(batch).toMatchObject({ skipped: 1, nodes: [] });
    }
  });
});

describe('normalize: signals', () => {
  it('reads a flywheel.signal span with its compatibility attributes', () => {
    const batch = one(
      decodedSpan('flywheel.signal', {
        'flywheel.request_id': 'r1',
        'flywheel.signal.kind': 'edited',
        'flywheel.signal.value': 0.15,
        'flywheel.signal.correction': 'fixed text',
        'gen_ai.evaluation.name': 'flywheel.edited',
        'flywheel.user_id': 'u1',
      }),
    );
    expect(batch.signals).toEqual([
      expect.objectContaining({
        request_id: 'r1',
        kind: 'edited',
        value: 0.15,
        correction: 'fixed text',
        explicit: false,
        user_id: 'u1',
        source: 'span',
      }),
    ]);
    expect(batch.interactions).toEqual([]);
  });

  it('marks thumbs as explicit', () => {
    const batch = one(
      decodedSpan('flywheel.signal', { 'flywheel.request_id': 'r1', 'flywheel.signal.kind': 'thumbs_down' }),
    );
    expect(batch.signals[0]).toMatchObject({ kind: 'thumbs_down', explicit: true });
  });

  it('takes gen_ai.evaluation.result events on an LLM span as signals for that span', () => {
    const fixture = CONVENTION_FIXTURES[0]!;
    const span = decodedSpan(fixture.spanName, fixture.attributes, {
      events: [
        {
          name: 'gen_ai.evaluation.result',
          timeNs: 1_763_900_100_000_000_000n,
          attributes: { 'gen_ai.evaluation.name': 'flywheel.accepted' },
        },
        {
          name: 'gen_ai.evaluation.result',
          timeNs: 1_763_900_100_000_000_000n,
          attributes: { 'gen_ai.evaluation.name': 'relevance', 'gen_ai.evaluation.score.value': 0.9 },
        },
        {
          name: 'gen_ai.evaluation.result',
          timeNs: 1_763_900_100_000_000_000n,
          attributes: {
            'gen_ai.evaluation.name': 'user_feedback',
            'gen_ai.evaluation.score.label': 'negative',
          },
        },
      ],
    });
    const batch = one(span);
    expect(batch.interactions).toHaveLength(1);
    expect(batch.signals.map((s) => [s.request_id, s.kind, s.source])).toEqual([
      ['chatcmpl-current-1', 'accepted', 'evaluation_event'],
      ['chatcmpl-current-1', 'thumbs_down', 'evaluation_event'],
    ]);
  });

  it('takes OpenInference annotations as signals', () => {
    const fixture = CONVENTION_FIXTURES[2]!;
    const batch = one(
      decodedSpan(fixture.spanName, {
        ...fixture.attributes,
        'annotations.0.annotation.name': 'user_feedback',
        'annotations.0.annotation.label': 'thumbs_up',
        'annotations.1.annotation.name': 'hallucination',
        'annotations.1.annotation.score': 0.1,
      }),
    );
    expect(batch.signals.map((s) => [s.request_id, s.kind, s.source])).toEqual([
      ['oi-req-1', 'thumbs_up', 'annotation'],
    ]);
  });
});

describe('normalize: rejections name the field and spare the rest', () => {
  const good = CONVENTION_FIXTURES[0]!;
  it.each([
    [
      'missing trace id',
      decodedSpan(good.spanName, good.attributes, { traceId: '' }),
      /traceId must be 16 non-zero bytes/,
    ],
    [
      'zero start time',
      decodedSpan(good.spanName, good.attributes, { startNs: 0n }),
      /startTimeUnixNano is missing/,
    ],
    [
      'end before start',
      decodedSpan(good.spanName, good.attributes, { endNs: 1n }),
      /endTimeUnixNano is before/,
    ],
    [
      'quality score out of range',
      decodedSpan(good.spanName, { ...good.attributes, 'flywheel.quality_score': 1.7 }),
      /flywheel\.quality_score must be a number in \[0, 1\], got 1\.7/,
    ],
    [
      'negative tokens',
      decodedSpan(good.spanName, { ...good.attributes, 'gen_ai.usage.input_tokens': -3 }),
      /gen_ai\.usage\.input_tokens must be a non-negative integer/,
    ],
    [
      'unknown signal kind',
      decodedSpan('flywheel.signal', { 'flywheel.request_id': 'r', 'flywheel.signal.kind': 'thumbsup' }),
      /flywheel\.signal\.kind "thumbsup" is not one of thumbs_up/,
    ],
    [
      'signal without request',
      decodedSpan('flywheel.signal', { 'flywheel.signal.kind': 'accepted' }),
      /flywheel\.request_id is missing/,
    ],
  ])('%s', (_name, bad, message) => {
    const batch = normalize(
      [{ resource: {}, spans: [bad, decodedSpan(good.spanName, good.attributes)] }],
      'p1',
    );
    expect(batch.rejected).toBe(1);
    expect(batch.errors[0]).toMatch(message);
    expect(batch.interactions).toHaveLength(1);
  });
});

describe('normalize: values the tables cannot hold are checked before anything is queued', () => {
  const good = CONVENTION_FIXTURES[0]!;
  const NOW = 1_763_990_000_000_000_000n; // a day after the fixtures' spans
  const at = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;
  const run = (bad: ReturnType<typeof decodedSpan>, resource: Record<string, string> = {}) =>
    normalize([{ resource, spans: [bad, decodedSpan(good.spanName, good.attributes)] }], 'p1', NOW);

  it.each([
    [
      'a start before 1970',
      { startNs: -1_000_000_000n },
      /startTimeUnixNano -1000000000 is before 1970-01-01/,
    ],
    ['a start in 2500', { startNs: at('2500-01-01T00:00:00Z') }, /startTimeUnixNano \d+ is after 2299-12-31/],
    [
      'a start two days ahead of the clock',
      { startNs: NOW + 2n * 86_400_000_000_000n },
      /startTimeUnixNano \d+ is more than a day ahead of the server's clock/,
    ],
    [
      'an end in year 10000',
      { endNs: at('+010000-01-01T00:00:00Z') },
      /endTimeUnixNano \d+ is after 2299-12-31/,
    ],
    ['an end of 1e308', { endNs: BigInt(1e308) }, /endTimeUnixNano \d+ is after 2299-12-31/],
    [
      'an unreadable field found by the decoder',
      { invalid: 'events[0] is not an event' },
      /events\[0\] is not an event/,
    ],
  ])('rejects %s', (_name, overrides, message) => {
    const batch = run(decodedSpan(good.spanName, good.attributes, overrides));
    expect(batch.rejected).toBe(1);
    expect(batch.errors[0]).toMatch(message);
    expect(batch.interactions).toHaveLength(1);
  });

  it.each([
    [
      'gen_ai.usage.input_tokens',
      1e308,
      /gen_ai\.usage\.input_tokens must be at most 4294967295, got 1e\+308/,
    ],
    ['gen_ai.usage.output_tokens', 2 ** 32, /gen_ai\.usage\.output_tokens must be at most 4294967295/],
    [
      'gen_ai.usage.input_tokens',
      Number.NaN,
      /gen_ai\.usage\.input_tokens must be a non-negative integer, got NaN/,
    ],
    ['gen_ai.response.time_to_first_chunk', 1e308, /time_to_first_chunk is too large to store/],
  ])('rejects %s = %s', (key, value, message) => {
    const batch = run(decodedSpan(good.spanName, { ...good.attributes, [key]: value }));
    expect(batch.errors[0]).toMatch(message);
    expect(batch.interactions).toHaveLength(1);
  });

  it.each([
    [
      'an ISO time before 1970 with a fraction',
      '1969-12-31T23:59:59.5Z',
      /flywheel\.signal\.time -500000000 is before 1970/,
    ],
    ['an ISO time in 9999', '9999-12-31T23:59:59Z', /flywheel\.signal\.time \d+ is after 2299-12-31/],
    ['NaN', Number.NaN, /flywheel\.signal\.time must be finite, got NaN/],
    [
      'a megabyte of digits',
      '9'.repeat(1_000_000),
      /flywheel\.signal\.time must be Unix nanoseconds or ISO 8601/,
    ],
  ])('rejects a signal whose flywheel.signal.time is %s', (_name, time, message) => {
    const batch = run(
      decodedSpan('flywheel.signal', {
        'flywheel.request_id': 'r',
        'flywheel.signal.kind': 'accepted',
        'flywheel.signal.time': time as string,
      }),
    );
    expect(batch.rejected).toBe(1);
    expect(batch.errors[0]).toMatch(message);
    expect(batch.signals).toEqual([]);
  });

  it('rejects an evaluation event whose time is out of range, naming the event', () => {
    const span = decodedSpan(good.spanName, good.attributes, {
      events: [
        {
          name: 'gen_ai.evaluation.result',
          timeNs: at('2999-01-01T00:00:00Z'),
          attributes: { 'gen_ai.evaluation.name': 'flywheel.accepted' },
        },
      ],
    });
    expect(run(span).errors[0]).toMatch(/events\[0\]\.timeUnixNano \d+ is after 2299-12-31/);
  });

  it('stores lone surrogates as U+FFFD in every string, identifiers and map keys included', () => {
    const span = decodedSpan(good.spanName, {
      ...good.attributes,
      'flywheel.workload_id': 'w\ud800',
      'flywheel.user_id': 'u\udc00',
      'custom.\ud800key': 'v\ud800',
    });
    const batch = run(span, { 'service.name': 'svc\ud800' });
    expect(batch.errors).toEqual([]);
    const row = batch.interactions[0]!;
    expect(row).toMatchObject({ workload_id: 'w\ufffd', service: 'svc\ufffd', user_id: 'u\ufffd' });
    expect(row.attributes['custom.\ufffdkey']).toBe('v\ufffd');
    expect(JSON.stringify(row)).not.toMatch(/\\ud[89a-f]/i);
  });
});
