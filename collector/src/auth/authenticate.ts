import { bearerToken, DEFAULT_PROJECT, type KeyRing } from './keys';

export class UnauthorizedError extends Error {}

/** The project of a request: from its key, or `default` when the server runs without keys. */
export function authenticate(keys: KeyRing, authorization: string | undefined): string {
  if (keys.open) return DEFAULT_PROJECT;
  const token = bearerToken(authorization);
  if (!token) throw new UnauthorizedError('missing API key: send Authorization: Bearer <key>');
  const project = keys.projectFor(token);
  if (!project) throw new UnauthorizedError('invalid API key');
  return project;
}
