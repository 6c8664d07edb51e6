export { protectBatch } from './protect';
export { redactInteraction, redactSignal } from './redact-rows';
export { checkInteraction } from './check-rows';
