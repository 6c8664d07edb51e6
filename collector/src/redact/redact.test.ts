import { describe, expect, it } from 'vitest';
import { redactText } from './redact';

describe('redactText', () => {
  it('replaces each entity with its typed placeholder and lists the kinds sorted and unique', () => {
    const r = redactText(
      'Mail bob@example.com or alice@example.org, call +44 20 7946 0958, key AKIAIOSFODNN7EXAMPLE.',
    );
    expect(r.text).toBe('Mail <EMAIL> or <EMAIL>, call <PHONE>, key <SECRET>.');
    expect(r.kinds).toEqual(['EMAIL', 'PHONE', 'SECRET']);
  });

  it('returns text without PII unchanged and no kinds', () => {
    const text = 'Release 1.2.3 shipped on 2024-01-15; trace 123e4567-e89b-12d3-a456-426614174000.';
    expect(redactText(text)).toEqual({ text, kinds: [] });
  });

  it('keeps nothing of a value: not its length, not its last digits', () => {
    const a = redactText('card 4111 1111 1111 1111').text;
    const b = redactText('card 378282246310005').text;
    expect(a).toBe('card <CREDIT_CARD>');
    expect(b).toBe('card <CREDIT_CARD>');
    expect(a).not.toMatch(/1111/);
  });

  it('is idempotent: redacted text has nothing left to redact', () => {
    const once = redactText(
      'x@y.io 4111-1111-1111-1111 DE89370400440532013000 536-22-1879 10.0.0.1 password=hunter22',
    ).text;
    expect(redactText(once)).toEqual({ text: once, kinds: [] });
  });

  it('prefers the more specific kind where detectors overlap', () => {
    // The password of a connection URL is a secret, not the start of an e-mail address.
    expect(redactText('postgres://app:S3cret99@db.example.com/app').text).toBe(
      'postgres://app:<SECRET>@db.example.com/app',
    );
    // The digit groups of a valid IBAN are not also a phone number.
    expect(redactText('IBAN DE89 3704 0044 0532 0130 00').kinds).toEqual(['IBAN']);
  });

  it('replaces lone surrogates so the output is always valid UTF-16 and encodable as UTF-8', () => {
    const r = redactText('a\uD800b \uDC00 mail x@y.io \uD83D\uDE00 ok');
    expect(r.text).toBe('a\uFFFDb \uFFFD mail <EMAIL> \uD83D\uDE00 ok');
    expect(Buffer.from(r.text, 'utf8').toString('utf8')).toBe(r.text);
  });

  it('handles text decoded from invalid UTF-8 bytes', () => {
    const bytes = Buffer.concat([
      Buffer.from('call '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' +33 6 12 34 56 78 now'),
    ]);
    const r = redactText(bytes.toString('utf8'));
    expect(r.kinds).toEqual(['PHONE']);
    expect(r.text).toMatch(/^call \uFFFD+ <PHONE> now$/);
  });

  it('finds entities in mixed-script text without swallowing neighbouring words', () => {
    expect(redactText('メールはtaro@example.jpです。電話は０３－１２３４－５６７８。').text).toBe(
      'メールは<EMAIL>です。電話は<PHONE>。',
    );
    expect(redactText('Пишите на ivan@yandex.ru, спасибо').text).toBe('Пишите на <EMAIL>, спасибо');
    expect(redactText('联系邮箱：zhang.wei@qq.com。').text).toBe('联系邮箱：<EMAIL>。');
  });

  it('leaves look-alikes alone', () => {
    const lookAlikes = [
      'ISBN 978-3-16-148410-0',
      'order #4111111111111112',
      'DE89 3704 0044 0532 0130 01',
      'SSN-like 000-12-3456 and 666-12-3456 and 912-34-5678',
      '1700000000123',
      'version 1.2.3.4',
      'lodash@4.17.21 icon@2x.png',
      'std::vector<int>::iterator',
      '00:1A:2B:3C:4D:5E',
      'max_tokens=4096 token: expired password: required',
    ];
    for (const text of lookAlikes) expect(redactText(text), text).toEqual({ text, kinds: [] });
  });

  it('answers a repeated short text as the first time, and redacts PII however often it comes', () => {
    const clean = 'gpt-4o-2024-08-06';
    expect(redactText(clean)).toEqual({ text: clean, kinds: [] });
    expect(redactText(clean)).toEqual({ text: clean, kinds: [] });
    expect(Object.isFrozen(redactText(clean))).toBe(true);
    for (let i = 0; i < 3; i++)
      expect(redactText('mail bob@example.com')).toEqual({ text: 'mail <EMAIL>', kinds: ['EMAIL'] });
    // A long text is never remembered, so its result is the caller's own.
    const long = `${'ordinary words '.repeat(30)}bob@example.com`;
    expect(Object.isFrozen(redactText(long))).toBe(false);
    expect(redactText(long).kinds).toEqual(['EMAIL']);
  });
});
