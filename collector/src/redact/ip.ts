import { isIPv6 } from 'node:net';
import type { PiiMatch } from './types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Not preceded by a word char or '.', not followed by a word char or '.digit': that keeps OIDs
// (1.3.6.1.4.1), four-part versions inside longer ones and `v1.2.3.4` tags out.
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
const VERSION_CONTEXT = /\b(?:version|ver\.?|release|build|v)\s*[:=]?\s*$/i;

// Each group is bounded and ':' is not a hex digit, so the pattern never backtracks more than a
// constant per start; the candidate is then checked by Node's own parser.
const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}|(?=::))(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:.])/g;

function findIpv4(text: string, out: PiiMatch[]): void {
  for (const m of text.matchAll(IPV4)) {
    const start = m.index;
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, start - 12), start))) continue;
    out.push({ kind: 'IP_ADDRESS', start, end: start + m[0].length });
  }
}

function findIpv6(text: string, out: PiiMatch[]): void {
  if (!text.includes(':')) return;
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    const value = m[0];
    // A bare '::' or 'a::b' in C++ or Rust paths parses as IPv6 too; a real address has a digit.
    if (!/\d/.test(value) || !isIPv6(value)) continue;
    out.push({ kind: 'IP_ADDRESS', start: m.index, end: m.index + value.length });
  }
}

export function findIpAddresses(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  findIpv4(text, out);
  findIpv6(text, out);
  return out;
}
