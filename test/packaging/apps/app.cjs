// A CommonJS app outside the repository, using the packed packages the way an npm user would. Run by
// tarballs.integration.test.ts with plain `node`; prints what it did as one JSON line.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS app: require() is the route under test */

const { registerFlywheel, withFlywheel, getRequestId, signals } = require('@flywheel/instrumentation');
const { createBrowserSignals } = require('@flywheel/instrumentation/browser');
const { SIGNAL_KINDS } = require('@flywheel/semconv');

const fw = registerFlywheel({
  serviceName: 'packaged-commonjs-app',
  endpoint: process.env.FLYWHEEL_ENDPOINT,
});
// Required after registerFlywheel, so the require hook patches the SDK as it loads (README, CommonJS apps).
const { OpenAI } = require('openai');

async function main() {
  const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: 'sk-test', maxRetries: 0 });
  const requestIds = [];
  for (const question of ['How do I reset my password?', 'Where is my invoice?']) {
    const completion = await withFlywheel({ workloadId: process.env.WORKLOAD, userId: 'user-1' }, () =>
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] }),
    );
    const requestId = getRequestId(completion);
    signals.accept(requestId);
    requestIds.push(requestId);
  }
  await fw.shutdown();
  const feedback = createBrowserSignals({ endpoint: 'http://127.0.0.1:1' });
  process.stdout.write(
    `${JSON.stringify({
      mode: fw.mode,
      requestIds,
      browserSignals: typeof feedback.accept,
      semconvKinds: SIGNAL_KINDS.length,
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
