/**
 * @flywheel/instrumentation — traces LLM calls with the OTel GenAI conventions plus Flywheel's
 * attributes, and records user feedback signals.
 */
export { registerFlywheel, createFlywheelSpanProcessor } from './register';
export { configureFlywheel } from './config/settings';
export { withFlywheel, getFlywheelContext, lastRequestId } from './context/scope';
export { getRequestId } from './context/request-id';
export { hashUserId } from './context/user-id';
export { signals } from './signals/signals';
export { normalizedEditDistance } from './signals/edit-distance';
export { FlywheelOpenAIInstrumentation } from './openai/instrumentation';
export { FlywheelAnthropicInstrumentation } from './anthropic/instrumentation';
export { instrumentOpenAI, instrumentAnthropic } from './setup/instances';
export type {
  EditTexts,
  FlywheelContext,
  FlywheelHandle,
  FlywheelInstrumentationConfig,
  FlywheelSettings,
  FlywheelSignals,
  OtlpProtocol,
  RecordSignalOptions,
  RegisterFlywheelOptions,
  SignalKind,
  SignalOptions,
} from './types';
