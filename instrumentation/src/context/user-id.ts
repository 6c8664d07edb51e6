import { createHmac } from 'node:crypto';
import { diag } from '@opentelemetry/api';
import { userIdSalt } from '../config/settings';

let warnedNoSalt = false;

/**
 * Pseudonymises a user id: hex HMAC-SHA256 keyed by the salt (`userIdSalt` or
 * `FLYWHEEL_USER_ID_SALT`). Without a salt the key is empty, which keeps ids stable but lets anyone
 * with a list of candidate ids reverse them, hence the warning. Give the result to a browser that
 * sends signals itself, so both sides use the same id.
 */
export function hashUserId(userId: string, salt: string | undefined = userIdSalt()): string {
  if (salt === undefined && !warnedNoSalt) {
    warnedNoSalt = true;
    diag.warn(
      '@flywheel/instrumentation: no user id salt (userIdSalt / FLYWHEEL_USER_ID_SALT); user ids are hashed unkeyed',
    );
  }
  return createHmac('sha256', salt ?? '')
    .update(userId, 'utf8')
    .digest('hex');
}
