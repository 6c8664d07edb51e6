import type { ServerResponse } from 'node:http';
import { sendJson, sendSse, startFakeServer, words } from './fake-server';
import type { FakeServer, RecordedRequest } from './fake-server';

/**
 * A local OpenAI API speaking the real wire formats. The model name selects the behaviour:
 * `error-400` / `error-500` answer with an error; `long` streams 200 pieces 5 ms apart (for abort
 * tests); `bad-logprobs` answers token logprobs that are not numbers; anything else answers
 * `FAKE_REPLY`. Chat completions carry `FAKE_LOGPROBS` per token when the request asks for `logprobs`.
 */

export const FAKE_REPLY = 'Hello from the fake model';
export const LONG_PIECES = 200;
/** One logprob per word of `FAKE_REPLY` (mean −0.7, minimum −2). */
export const FAKE_LOGPROBS = [-0.1, -0.5, -2, -0.2, -0.7];

export interface FakeOpenAIOptions {
  /** Delay between stream chunks, in ms. */
  chunkDelayMs?: number;
}

export function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeServer> {
  let counter = 0;
  return startFakeServer(async (request, res) => {
    counter += 1;
    const model = typeof request.body.model === 'string' ? request.body.model : 'unknown';
    if (model.startsWith('error-')) {
      const status = Number(model.slice('error-'.length)) || 500;
      sendJson(res, status, {
        error: { message: `fake failure ${status}`, type: 'invalid_request_error', code: null },
      });
      return;
    }
    const path = request.url.split('?')[0];
    if (path === '/v1/chat/completions') return chat(request, res, model, counter, options);
    if (path === '/v1/responses') return responses(request, res, model, counter, options);
    if (path === '/v1/embeddings') return embeddings(request, res, model);
    sendJson(res, 404, { error: { message: `no route ${path}` } });
  });
}

function pieces(model: string): { parts: string[]; delay?: number } {
  if (model === 'long') return { parts: Array.from({ length: LONG_PIECES }, (_, i) => `w${i} `), delay: 5 };
  return { parts: words(FAKE_REPLY) };
}

async function chat(
  request: RecordedRequest,
  res: ServerResponse,
  model: string,
  n: number,
  options: FakeOpenAIOptions,
): Promise<void> {
  const id = `chatcmpl-fake-${n}`;
  const responseModel = `${model}-2024-08-06`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };
  // OpenAI's shape: `{content: [{token, logprob, bytes, top_logprobs}], refusal: null}`, or null.
  const logprobs = (tokens: string[], offset = 0) => {
    if (request.body.logprobs !== true) return null;
    if (model === 'bad-logprobs') return { content: tokens.map((token) => ({ token, logprob: 'high' })) };
    const content = tokens.map((token, i) => ({
      token,
      logprob: FAKE_LOGPROBS[(offset + i) % FAKE_LOGPROBS.length]!,
      bytes: [...Buffer.from(token)],
      top_logprobs: [],
    }));
    return { content, refusal: null };
  };
  if (request.body.stream !== true) {
    sendJson(
      res,
      200,
      {
        id,
        object: 'chat.completion',
        created,
        model: responseModel,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: FAKE_REPLY, refusal: null },
            finish_reason: 'stop',
            logprobs: logprobs(words(FAKE_REPLY)),
          },
        ],
        usage,
      },
      { 'x-request-id': `req_${n}` },
    );
    return;
  }
  const { parts, delay } = pieces(model);
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, object: 'chat.completion.chunk', created, model: responseModel, choices, ...extra });
  const events = [
    { data: chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]) },
    ...parts.map((content, i) => ({
      data: chunk([{ index: 0, delta: { content }, logprobs: logprobs([content], i), finish_reason: null }]),
    })),
    { data: chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]) },
  ];
  const streamOptions = request.body.stream_options as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage === true) events.push({ data: chunk([], { usage }) });
  events.push({ data: '[DONE]' });
  await sendSse(res, events, delay ?? options.chunkDelayMs ?? 0);
}

async function responses(
  request: RecordedRequest,
  res: ServerResponse,
  model: string,
  n: number,
  options: FakeOpenAIOptions,
): Promise<void> {
  const base = {
    id: `resp_fake_${n}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model: `${model}-2024-08-06`,
  };
  const { parts, delay } = pieces(model);
  const text = parts.join('');
  const final = {
    ...base,
    status: 'completed',
    output: [
      {
        type: 'message',
        id: `msg_fake_${n}`,
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    usage: { input_tokens: 9, output_tokens: 5, total_tokens: 14 },
  };
  if (request.body.stream !== true) {
    sendJson(res, 200, final);
    return;
  }
  let seq = 0;
  const event = (type: string, body: Record<string, unknown>) => ({
    event: type,
    data: JSON.stringify({ type, sequence_number: seq++, ...body }),
  });
  await sendSse(
    res,
    [
      event('response.created', { response: { ...base, status: 'in_progress', output: [] } }),
      ...parts.map((delta) =>
        event('response.output_text.delta', {
          item_id: `msg_fake_${n}`,
          output_index: 0,
          content_index: 0,
          delta,
        }),
      ),
      event('response.completed', { response: final }),
    ],
    delay ?? options.chunkDelayMs ?? 0,
  );
}

function embeddings(request: RecordedRequest, res: ServerResponse, model: string): void {
  const vector = [0.25, -0.5, 0.75, 1];
  const embedding =
    request.body.encoding_format === 'base64'
      ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
      : vector;
  sendJson(res, 200, {
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding }],
    model,
    usage: { prompt_tokens: 4, total_tokens: 4 },
  });
}
