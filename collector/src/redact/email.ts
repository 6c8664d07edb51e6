import type { PiiMatch } from './types';

// Addresses are found from each '@' outwards instead of with one regex: a pattern like
// `[\w.+-]+@…` re-scans a long run of word characters from every start position (quadratic on
// 'aaaa…'), while expanding from '@' touches each character a bounded number of times.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

// Internationalised addresses (RFC 6531) allow letters of any script, but scripts written without
// spaces (CJK, kana, Hangul) glue the surrounding sentence to the address, so they end it instead.
const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(code: number, ch: string): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return code < 0x2e80 && UNICODE_WORD.test(ch);
}

function isLocalChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // . _ % + - are the printable specials seen in real addresses; the rarer RFC 5322 ones
  // (! # $ & ' * / = ? ^ ` { | } ~) mostly appear as punctuation next to an address, not in it.
  return (
    code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || isWordChar(code, text[i]!)
  );
}

function isDomainChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === 46 || code === 45 || isWordChar(code, text[i]!);
}

// `icon@2x.png`, `lodash@4.17.21` and `name@host.js` are file and package names, not addresses.
const FILE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'ico',
  'bmp',
  'tif',
  'tiff',
  'avif',
  'js',
  'mjs',
  'cjs',
  'ts',
  'tsx',
  'jsx',
  'css',
  'scss',
  'html',
  'json',
  'map',
  'md',
  'txt',
  'lock',
]);

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1]!;
  if (FILE_EXTENSIONS.has(tld.toLowerCase())) return false;
  return tld.length >= 2 && (/^[\p{L}]+$/u.test(tld) || /^xn--[a-z0-9-]+$/i.test(tld));
}

export function findEmails(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  let at = text.indexOf('@');
  let floor = 0; // never start an address inside the previous one
  while (at !== -1) {
    let start = at;
    while (start > floor && at - start < MAX_LOCAL && isLocalChar(text, start - 1)) start--;
    while (start < at && text.charCodeAt(start) === 46) start++; // a local part cannot start with '.'
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text, end)) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (local.length > 0 && !local.endsWith('.') && !local.includes('..') && validDomain(domain)) {
      out.push({ kind: 'EMAIL', start, end });
      floor = end;
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return out;
}
