/**
 * A `fetch` for the OpenAI client that answers from memory with the fake provider's wire format, so
 * the benchmark can also measure the instrumentation without loopback networking noise.
 */
const REPLY_PIECES = ['Hello', ' from', ' the', ' fake', ' model'];
const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };

const completion = JSON.stringify({
  id: 'chatcmpl-mem',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-2024-08-06',
  choices: [
    { index: 0, message: { role: 'assistant', content: REPLY_PIECES.join('') }, finish_reason: 'stop' },
  ],
  usage,
});

const chunk = (choice: object): string =>
  `data: ${JSON.stringify({ id: 'chatcmpl-mem', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-2024-08-06', choices: [choice] })}\n\n`;

const sse = [
  chunk({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }),
  ...REPLY_PIECES.map((content) => chunk({ index: 0, delta: { content }, finish_reason: null })),
  chunk({ index: 0, delta: {}, finish_reason: 'stop' }),
  'data: [DONE]\n\n',
].join('');

export async function inMemoryFetch(_url: unknown, init?: { body?: unknown }): Promise<Response> {
  const stream = typeof init?.body === 'string' && init.body.includes('"stream":true');
  return new Response(stream ? sse : completion, {
    status: 200,
    headers: { 'content-type': stream ? 'text/event-stream' : 'application/json', 'x-request-id': 'req_mem' },
  });
}
