export { parseKeys, bearerToken, DEFAULT_PROJECT } from './keys';
export type { KeyRing } from './keys';
export { authenticate, UnauthorizedError } from './authenticate';
