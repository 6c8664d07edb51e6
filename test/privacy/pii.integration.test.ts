import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { byRequestId } from '../support/api';
import { expectSuccess, exportSpans, recordSpans } from '../support/otel';

// PII of every kind, placed in every text field a span or a signal can carry.
const PII = {
  email: 'jane.doe@example.com',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  iban: 'DE89 3704 0044 0532 0130 00',
  ssn: '078-05-1120',
  ip: '203.0.113.42',
  key: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
};
const all = Object.values(PII).join(', ');
const logs: string[] = [];
let fw: TestFlywheel;

beforeAll(async () => {
  fw = await startTestFlywheel({ log: (line) => logs.push(line) });
  const spans = await recordSpans('pii-app', (tracer) => {
    const start = Date.parse('2026-11-01T12:00:00Z');
    const span = tracer.startSpan('chat gpt-4o', {
      startTime: start,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'flywheel.request_id': 'pii-1',
        'flywheel.user_id': PII.email,
        'gen_ai.conversation.id': `conversation of ${PII.phone}`,
        'gen_ai.input.messages': JSON.stringify([
          { role: 'system', parts: [{ type: 'text', content: `Customer record: ${all}` }] },
          {
            role: 'user',
            parts: [
              {
                type: 'text',
                content: `Please update my card ${PII.card} and IBAN ${PII.iban}; my SSN is ${PII.ssn}.`,
              },
            ],
          },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          {
            role: 'assistant',
            parts: [{ type: 'text', content: `Done. I emailed ${PII.email} from ${PII.ip}.` }],
          },
        ]),
        'app.debug_note': `key ${PII.key} used`,
      },
    });
    span.setStatus({ code: 2, message: `upstream rejected ${PII.key}` });
    span.end(start + 1000);
    tracer
      .startSpan('flywheel.signal', {
        startTime: start + 60_000,
        attributes: {
          'flywheel.request_id': 'pii-1',
          'flywheel.signal.kind': 'corrected',
          'flywheel.signal.correction': `No, use ${PII.email} and ${PII.phone}`,
        },
      })
      .end(start + 60_000);
  });
  expectSuccess(await exportSpans('protobuf', fw.otlpUrl, spans));
  const res = await fetch(`${fw.apiUrl}/api/v1/signals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      requestId: 'pii-1',
      kind: 'edited',
      value: 0.5,
      correction: `Card ${PII.card}, SSN ${PII.ssn}`,
      userId: PII.email,
    }),
  });
  expect(res.status).toBe(200);
});
afterAll(() => fw.dispose());

describe('nothing is stored un-redacted', () => {
  it('leaves no raw PII in any column of any table', async () => {
    const tables = await (
      await fw.storage.client.query({
        query: "SELECT name FROM system.tables WHERE database = 'default'",
        format: 'JSONEachRow',
      })
    ).json<{ name: string }>();
    expect(tables.length).toBeGreaterThanOrEqual(6);
    let scanned = 0;
    for (const { name } of tables) {
      const dump = await (
        await fw.storage.client.query({ query: `SELECT * FROM ${name}`, format: 'JSONEachRow' })
      ).text();
      scanned += dump.length;
      for (const [kind, value] of Object.entries(PII)) {
        expect(dump, `${kind} in ${name}`).not.toContain(value);
        expect(dump, `${kind} without spaces in ${name}`).not.toContain(value.replace(/ /g, ''));
      }
    }
    expect(scanned).toBeGreaterThan(1000);
    for (const line of logs) for (const value of Object.values(PII)) expect(line).not.toContain(value);
  });

  it('keeps typed placeholders and records the kinds found', async () => {
    const item = (await byRequestId(fw.apiUrl, 'pii-1'))!;
    expect(item.prompt).toBe('Please update my card <CREDIT_CARD> and IBAN <IBAN>; my SSN is <SSN>.');
    expect(item.response).toBe('Done. I emailed <EMAIL> from <IP_ADDRESS>.');
    expect(item.userId).toMatch(/^redacted:[0-9a-f]{24}$/);
    const { checks, signalDetails: details } = item;
    expect(checks.piiKinds).toEqual(['CREDIT_CARD', 'EMAIL', 'IBAN', 'IP_ADDRESS', 'PHONE', 'SECRET', 'SSN']);
    expect(checks.responseWords).toBeGreaterThan(3);
    expect(details.map((d) => [d.kind, d.correction])).toEqual([
      ['corrected', 'No, use <EMAIL> and <PHONE>'],
      ['edited', 'Card <CREDIT_CARD>, SSN <SSN>'],
    ]);
    expect(item.gate).toMatchObject({ reasons: expect.arrayContaining(['pii']) });
  });
});
