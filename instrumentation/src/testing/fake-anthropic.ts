import type { ServerResponse } from 'node:http';
import { sendJson, sendSse, startFakeServer, words } from './fake-server';
import type { FakeServer, RecordedRequest } from './fake-server';
import { FAKE_REPLY, LONG_PIECES } from './fake-openai';

/**
 * A local Anthropic Messages API with the real event stream (`message_start` … `message_stop`).
 * Model names select behaviour like the fake OpenAI server: `error-400`, `long`, anything else.
 */
export function startFakeAnthropic(): Promise<FakeServer> {
  let counter = 0;
  return startFakeServer(async (request, res) => {
    counter += 1;
    const model = typeof request.body.model === 'string' ? request.body.model : 'unknown';
    if (model.startsWith('error-')) {
      const status = Number(model.slice('error-'.length)) || 500;
      sendJson(res, status, {
        type: 'error',
        error: { type: 'invalid_request_error', message: `fake failure ${status}` },
      });
      return;
    }
    if (request.url.split('?')[0] !== '/v1/messages') {
      sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'no route' } });
      return;
    }
    return messages(request, res, model, counter);
  });
}

async function messages(
  request: RecordedRequest,
  res: ServerResponse,
  model: string,
  n: number,
): Promise<void> {
  const id = `msg_fake_${n}`;
  const long = model === 'long';
  const parts = long ? Array.from({ length: LONG_PIECES }, (_, i) => `w${i} `) : words(FAKE_REPLY);
  const usage = {
    input_tokens: 10,
    output_tokens: 6,
    cache_creation_input_tokens: 2,
    cache_read_input_tokens: 3,
  };
  if (request.body.stream !== true) {
    sendJson(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: parts.join('') }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage,
    });
    return;
  }
  const event = (type: string, body: Record<string, unknown>) => ({
    event: type,
    data: JSON.stringify({ type, ...body }),
  });
  await sendSse(
    res,
    [
      event('message_start', {
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      event('ping', {}),
      ...parts.map((text) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
      event('content_block_stop', { index: 0 }),
      event('message_delta', {
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 6 },
      }),
      event('message_stop', {}),
    ],
    long ? 5 : 0,
  );
}
