// An ES module app outside the repository, using the packed packages the way an npm user would. Run by
// tarballs.integration.test.ts with plain `node`, once as is and once with
// `--import @flywheel/instrumentation/hook`; prints what it did as one JSON line.
import OpenAI from 'openai';
import { registerFlywheel, withFlywheel, getRequestId, signals } from '@flywheel/instrumentation';
import { createBrowserSignals } from '@flywheel/instrumentation/browser';
import { SIGNAL_KINDS } from '@flywheel/semconv';

// With the hook the SDK was patched as it loaded; AUTO_IMPORT=false then leaves the hook as the only
// route, so a hook that did not work shows up as missing interactions.
const fw = registerFlywheel({
  serviceName: 'packaged-esm-app',
  endpoint: process.env.FLYWHEEL_ENDPOINT,
  autoImport: process.env.AUTO_IMPORT !== 'false',
});
await fw.ready;

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
