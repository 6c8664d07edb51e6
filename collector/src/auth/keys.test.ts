import { describe, expect, it } from 'vitest';
import { authenticate, UnauthorizedError } from './authenticate';
import { bearerToken, parseKeys } from './keys';

describe('project keys', () => {
  const keys = parseKeys('alpha:alpha-secret-0123456789, beta:beta-secret-0123456789');

  it('maps each key to its project and refuses others', () => {
    expect(keys.open).toBe(false);
    expect(keys.projectFor('alpha-secret-0123456789')).toBe('alpha');
    expect(keys.projectFor('beta-secret-0123456789')).toBe('beta');
    expect(keys.projectFor('alpha-secret-012345678')).toBeUndefined();
    expect(keys.projectFor('')).toBeUndefined();
  });

  it('authenticates bearer tokens and explains refusals', () => {
    expect(authenticate(keys, 'Bearer beta-secret-0123456789')).toBe('beta');
    expect(() => authenticate(keys, undefined)).toThrow(
      new UnauthorizedError('missing API key: send Authorization: Bearer <key>'),
    );
    expect(() => authenticate(keys, 'Bearer nope-nope-nope-nope')).toThrow('invalid API key');
    expect(authenticate(parseKeys(undefined), undefined)).toBe('default');
    expect(bearerToken('bearer  abc ')).toBe('abc');
  });

  it('names what is wrong in a bad FLYWHEEL_KEYS', () => {
    expect(() => parseKeys('a:0123456789abcdef,justakey')).toThrow(
      /^FLYWHEEL_KEYS: entry 2 must be project:key$/,
    );
    expect(() => parseKeys('p:short')).toThrow(/key of project 'p' must have at least 16 characters/);
    expect(() => parseKeys('bad project:0123456789abcdef')).toThrow(/project 'bad project' must be/);
  });
});
