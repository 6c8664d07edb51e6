/**
 * @flywheel/api/testing — hostile requests for every route of the OpenAPI document, for the contract's
 * property test and the fuzz harness (test/fuzz). Depends on fast-check; never imported by the server.
 */
export { encodeComponent, operationsOf, requestsFor, value } from './fuzz/openapi-requests';
export type { HostileRequest, JsonSchema, Operation } from './fuzz/openapi-requests';
export {
  anyJson,
  BOUNDARY_NUMBERS,
  BOUNDARY_TIMES,
  deepJson,
  HOSTILE_TEXTS,
  hostileBodyText,
  hostileFor,
  NUMBER_TEXTS,
} from './fuzz/hostile-values';
