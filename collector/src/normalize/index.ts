export { normalize } from './normalize';
export type { NormalizedBatch } from './normalize';
export { classifySpan } from './classify';
export type { SpanClass } from './classify';
export { clockNs, eventTimeProblem, wellFormedRow } from './domain';
