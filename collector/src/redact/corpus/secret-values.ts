import type { Rng } from './rng';
import { ALNUM, UPPER_ALNUM } from './rng';

const URLSAFE = `${ALNUM}_-`;
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export const SECRET_SHAPES: Record<string, (r: Rng) => string> = {
  openai: (r) => `sk-${r.pick(['proj-', ''])}${r.chars(20, ALNUM)}T3BlbkFJ${r.chars(20, ALNUM)}`,
  anthropic: (r) => `sk-ant-api03-${r.chars(93, URLSAFE)}AA`,
  aws: (r) => `AKIA${r.chars(16, UPPER_ALNUM)}`,
  github: (r) => `ghp_${r.chars(36, ALNUM)}`,
  slack: (r) => `xox${r.pick(['b', 'p'])}-${r.digits(12, true)}-${r.digits(13, true)}-${r.chars(24, ALNUM)}`,
  google: (r) => `AIza${r.chars(35, URLSAFE)}`,
  stripe: (r) => `${r.pick(['sk', 'rk'])}_live_${r.chars(24, ALNUM)}`,
  jwt: (r) =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(
      JSON.stringify({
        sub: r.digits(8),
        name: r.pick(['Ann', 'Bo', 'Chen']),
        iat: 1_700_000_000 + r.int(0, 9_999_999),
      }),
    )}.${r.chars(43, URLSAFE)}`,
};

export function providerKey(r: Rng): string {
  return SECRET_SHAPES[r.pick(Object.keys(SECRET_SHAPES))]!(r);
}

export function bearerToken(r: Rng): string {
  return r.next() < 0.3 ? SECRET_SHAPES.jwt!(r) : r.chars(r.int(24, 40), ALNUM);
}

const WORDS = ['Sommer', 'tiger', 'Blue', 'river', 'Falcon', 'maple', 'Rocket', 'castle'];
export function password(r: Rng): string {
  return r.pick([
    () => `${r.pick(WORDS)}${r.int(10, 2025)}${r.pick(['!', '#', '$', '?', ''])}`,
    () => r.chars(r.int(12, 20), `${ALNUM}!@#%^&*`).replace(/^[!@#%^&*]/, 'x'),
    () => `${r.pick(WORDS).toLowerCase()}_${r.pick(WORDS).toLowerCase()}_${r.int(1, 99)}`,
  ])();
}

export function pemBlock(r: Rng): string {
  const kind = r.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
  const lines = Array.from({ length: r.int(3, 6) }, () => r.chars(64, `${ALNUM}+/`));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n${r.chars(20, ALNUM)}==\n-----END ${kind}-----`;
}
