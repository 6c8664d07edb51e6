import {
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  GEN_AI_OPERATION_EMBEDDINGS,
  GEN_AI_PROVIDER_OPENAI,
} from '@flywheel/semconv';
import type { OperationAdapter } from '../core/adapter';
import type { CallResult } from '../core/llm-call';
import { asNumber, asString, isRecord } from '../core/messages';
import { serverAttributes } from '../core/request-attributes';

/** `embeddings.create`. Inputs are not recorded: the GenAI conventions define no content for it. */
export const embeddingsAdapter: OperationAdapter = {
  describe(params, self) {
    const p = isRecord(params) ? params : {};
    const format = asString(p.encoding_format);
    return {
      provider: GEN_AI_PROVIDER_OPENAI,
      operation: GEN_AI_OPERATION_EMBEDDINGS,
      requestModel: asString(p.model),
      stream: false,
      attributes: {
        ...serverAttributes(self),
        ...(format !== undefined ? { [ATTR_GEN_AI_REQUEST_ENCODING_FORMATS]: [format] } : {}),
      },
    };
  },

  readResult(value) {
    if (!isRecord(value)) return {};
    const result: CallResult = {};
    const model = asString(value.model);
    if (model !== undefined) result.responseModel = model;
    if (isRecord(value.usage)) {
      const input = asNumber(value.usage.prompt_tokens);
      if (input !== undefined) result.inputTokens = input;
    }
    const first = Array.isArray(value.data) && isRecord(value.data[0]) ? value.data[0] : undefined;
    if (first !== undefined && Array.isArray(first.embedding)) {
      result.attributes = { [ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT]: first.embedding.length };
    }
    return result;
  },

  createAccumulator: () => ({ add: () => undefined, isComplete: () => true, result: () => ({}) }),
};
