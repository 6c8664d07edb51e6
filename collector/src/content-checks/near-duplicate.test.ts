import { describe, expect, it } from 'vitest';
import { makeRng } from '../redact/corpus/rng';
import { estimateJaccard, minhashSignature, nearDuplicateKey } from './near-duplicate';

const VOCAB = (
  'router firmware update wifi signal channel password network cable modem light restart settings page admin ' +
  'device laptop phone connect speed band antenna guest account support billing refund order invoice screen ' +
  'button hold seconds default label printed reconnect choose select open click save apply check change'
).split(' ');

function answer(seed: number, words = 80): string {
  const r = makeRng(seed);
  return Array.from({ length: words }, () => r.pick(VOCAB)).join(' ');
}

function editOneWord(text: string, seed: number): string {
  const r = makeRng(seed);
  const words = text.split(' ');
  const i = r.int(0, words.length - 1);
  words[i] = `${words[i]}x`;
  return words.join(' ');
}

describe('nearDuplicateKey', () => {
  const base =
    'To reset your router, hold the reset button on the back for 10 seconds until the lights blink. ' +
    'Then reconnect to the default network printed on the label and set a new password in the admin page.';

  it('always collides for edits of case, punctuation, whitespace and numbers', () => {
    const key = nearDuplicateKey(base);
    expect(nearDuplicateKey(base.toUpperCase())).toBe(key);
    expect(nearDuplicateKey(base.replace(/[.,]/g, '!'))).toBe(key);
    expect(nearDuplicateKey(base.replace(/ /g, '\n  '))).toBe(key);
    expect(nearDuplicateKey(base.replace('10', '15'))).toBe(key);
    expect(nearDuplicateKey(`${base} <EMAIL>`)).toBe(key);
  });

  it('collides for most one-word edits of an 80-word answer (P = J² ≈ 0.86)', () => {
    let same = 0;
    const trials = 300;
    for (let i = 0; i < trials; i++) {
      const text = answer(i);
      if (nearDuplicateKey(editOneWord(text, i + 10_000)) === nearDuplicateKey(text)) same++;
    }
    expect(same / trials).toBeGreaterThan(0.75);
  });

  it('does not collide for different answers, even from the same small vocabulary', () => {
    // Two such answers share ~0.1% of their shingles, so P(collision) = J² ≈ 1e-6 per pair.
    let collisions = 0;
    for (let i = 0; i < 2000; i++) {
      if (nearDuplicateKey(answer(100_000 + 2 * i)) === nearDuplicateKey(answer(100_001 + 2 * i)))
        collisions++;
    }
    expect(collisions).toBe(0);
  });

  it('separates half-rewritten answers most of the time (P = J² ≈ 0.25 at J = 0.5)', () => {
    let same = 0;
    const trials = 400;
    for (let i = 0; i < trials; i++) {
      const a = answer(200_000 + i, 80).split(' ');
      // Keeping 54 of 80 words keeps 52 of 78 shingles: J = 52 / (78 + 78 − 52) = 0.5.
      const b = [...a.slice(0, 54), ...answer(300_000 + i, 26).split(' ')];
      if (nearDuplicateKey(a.join(' ')) === nearDuplicateKey(b.join(' '))) same++;
    }
    expect(same / trials).toBeGreaterThan(0.15);
    expect(same / trials).toBeLessThan(0.35);
  });

  it('gives one key to empty responses and works for unspaced scripts', () => {
    expect(nearDuplicateKey('')).toBe(nearDuplicateKey('   '));
    const zh = '请按住路由器背面的重置按钮十秒钟，然后重新连接默认网络并在管理页面设置新密码。';
    expect(nearDuplicateKey(zh.replace('。', '！'))).toBe(nearDuplicateKey(zh));
    expect(nearDuplicateKey(zh)).not.toBe(nearDuplicateKey('今天天气很好，我们去公园散步吧，然后去吃晚饭。'));
  });
});

describe('minhashSignature', () => {
  it('estimates Jaccard similarity', () => {
    const a = answer(1, 200);
    const b = editOneWord(editOneWord(a, 1), 2);
    const c = answer(2, 200);
    expect(estimateJaccard(minhashSignature(a, 128), minhashSignature(b, 128))).toBeGreaterThan(0.85);
    expect(estimateJaccard(minhashSignature(a, 128), minhashSignature(c, 128))).toBeLessThan(0.1);
  });
});
