import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { scoreLanguage } from './language-scorer';

/** Deterministic text: words drawn from several languages and scripts, mixed and cut at odd places. */
function corpus(): string[] {
  const words = (
    'the password reset order invoice please thanks der die das und nicht Rechnung bitte ' +
    'le la les est une pour merci réinitialiser el los pedido todavía llegado casa não ainda chegou ' +
    'パスワード リセット すれば 我怎样 才能 重置 密码 привет спасибо пароль ' +
    'mañana über être ça 12345 a1b2 https://example.com/x <EMAIL> don’t it’s — 👍 𝒳 ok hi'
  ).split(' ');
  let state = 7;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out: string[] = ['', ' ', 'ok', '12345', '👍', 'Thanks!', '谢谢', 'hi'];
  for (let i = 0; i < 3000; i++) {
    const n = 1 + Math.floor(next() * 60);
    const text = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!).join(' ');
    out.push(text.slice(0, Math.floor(next() * 1200)));
  }
  return out;
}

describe('scoreLanguage', () => {
  it("answers what eld's detect and isReliable answer, text for text", () => {
    let reliable = 0;
    for (const text of corpus()) {
      const result = eld.detect(text);
      const expected = { language: result.language, reliable: result.language !== '' && result.isReliable() };
      expect(scoreLanguage(text), text).toEqual(expected);
      if (expected.reliable) reliable++;
    }
    // The corpus must exercise both answers, or the comparison proves little.
    expect(reliable).toBeGreaterThan(100);
    expect(reliable).toBeLessThan(2900);
  });
});
