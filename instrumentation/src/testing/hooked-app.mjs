// Run by esm-app.test.ts with `--import <src/hook.ts>`: reports whether the SDK classes were
// patched by the loader hook as the imports below loaded.
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const original = Symbol.for('flywheel.instrumentation.original');
process.stdout.write(
  `${JSON.stringify({
    openai: typeof OpenAI.Chat.Completions.prototype.create[original] === 'function',
    anthropic: typeof Anthropic.Messages.prototype.create[original] === 'function',
  })}\n`,
);
