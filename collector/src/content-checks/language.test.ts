import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['en', 'How do I reset the password of my router?'],
    ['de', 'Wie kann ich mein Passwort zurücksetzen?'],
    ['fr', 'Comment puis-je réinitialiser mon mot de passe ?'],
    ['es', 'Hice un pedido ayer pero todavía no ha llegado a mi casa.'],
    ['pt', 'Fiz um pedido ontem, mas ainda não chegou na minha casa.'],
    ['ja', 'パスワードをリセットするにはどうすればいいですか？'],
    ['zh', '我怎样才能重置我的密码？'],
  ])('detects %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("answers 'und' for text too short or without letters", () => {
    for (const text of ['', 'ok', '12345', '<EMAIL> <PHONE>', '👍', 'https://example.com/a/b']) {
      expect(detectLanguage(text), text).toBe('und');
    }
  });

  it('ignores redaction placeholders and URLs', () => {
    expect(
      detectLanguage('Bitte schicken Sie die Rechnung an <EMAIL>, siehe https://example.com/rechnung'),
    ).toBe('de');
  });

  it('looks only at the opening of a long text, so its cost is bounded', () => {
    const long = 'Ceci est une phrase en français. '.repeat(100) + 'This is English. '.repeat(100_000);
    const start = performance.now();
    expect(detectLanguage(long)).toBe('fr');
    expect(performance.now() - start).toBeLessThan(200);
  });
});
