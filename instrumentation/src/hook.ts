/**
 * Preload entry for ES module apps: `node --import @flywheel/instrumentation/hook app.js`.
 * Registers the import-in-the-middle loader hook (limited to the two SDKs) before the app's own
 * imports run, so InstrumentationBase patches `openai` and `@anthropic-ai/sdk` as they load. The
 * app still calls `registerFlywheel()` to start exporting.
 */
import { register } from 'node:module';
import { sharedAnthropicInstrumentation, sharedOpenAIInstrumentation } from './setup/instances';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
  data: { include: ['openai', '@anthropic-ai/sdk'] },
});
sharedOpenAIInstrumentation();
sharedAnthropicInstrumentation();
