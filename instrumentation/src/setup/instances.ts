import { FlywheelAnthropicInstrumentation } from '../anthropic/instrumentation';
import { FlywheelOpenAIInstrumentation } from '../openai/instrumentation';

/**
 * One instrumentation per provider for the whole process, shared by `registerFlywheel` and the
 * `instrument*` helpers, so that every route patches through the same object.
 */

let openai: FlywheelOpenAIInstrumentation | undefined;
let anthropic: FlywheelAnthropicInstrumentation | undefined;

export function sharedOpenAIInstrumentation(): FlywheelOpenAIInstrumentation {
  openai ??= new FlywheelOpenAIInstrumentation();
  return openai;
}

export function sharedAnthropicInstrumentation(): FlywheelAnthropicInstrumentation {
  anthropic ??= new FlywheelAnthropicInstrumentation();
  return anthropic;
}

/**
 * Instruments the OpenAI SDK through a client: patches the classes behind `client` (so every client
 * of the same SDK build), whatever the module format. Returns the client.
 */
export function instrumentOpenAI<T>(client: T): T {
  return sharedOpenAIInstrumentation().instrumentClient(client);
}

/** Instruments the Anthropic SDK through a client, like `instrumentOpenAI`. Returns the client. */
export function instrumentAnthropic<T>(client: T): T {
  return sharedAnthropicInstrumentation().instrumentClient(client);
}
