// Calls whose result no longer carries the person's data: mask, redact, hash, anonymise, encrypt …
import { tokenize } from '../categories';

/** Words that make a function a sanitizer wherever they stand in its name (maskEmail, hashIp, redactPii). */
const SANITIZER_WORDS = new Set([
  'mask', 'masked', 'redact', 'redacted', 'hash', 'hashed', 'sha', 'hmac', 'digest', 'argon',
  'anonymise', 'anonymize', 'anonymised', 'anonymized', 'pseudonymise', 'pseudonymize', 'pseudonymised', 'pseudonymized',
  'encrypt', 'encrypted', 'obfuscate', 'obfuscated', 'scrub', 'scrubbed', 'sanitize', 'sanitise', 'sanitized', 'sanitised',
  'truncate', 'truncated', 'tokenize', 'tokenise', 'censor', 'strip', 'bcrypt', 'scrypt',
]);

/** Calls in a callee chain that hash what flows into the chain: crypto.createHash(…).update(x).digest(). */
const HASH_CHAIN_CALLS = new Set(['createHash', 'createHmac', 'createCipheriv', 'hash', 'hashSync', 'encrypt']);

export class Sanitizers {
  private readonly extra: Set<string>;

  constructor(extraNames: readonly string[] = []) {
    this.extra = new Set(extraNames);
  }

  /** `callPath` as calleeSegments gives it: ['crypto','createHash()','update()','digest']. */
  isSanitizerCall(callPath: readonly string[]): boolean {
    const method = callPath[callPath.length - 1];
    if (this.extra.has(method) || this.extra.has(callPath.join('.'))) return true;
    if (callPath.some((segment) => HASH_CHAIN_CALLS.has(segment.replace(/\(\)$/, '')) && segment.endsWith('()'))) return true;
    // The tokenizer splits digits off (sha256 → sha 256), so digest names are matched whole too.
    return /^(md5|sha\d*|argon2\w*)$/i.test(method) || tokenize(method).some((word) => SANITIZER_WORDS.has(word));
  }
}

/** `card.slice(-4)`, `pan.substr(-4)`, `x.substring(x.length - 4)`: keeps the last four digits only. */
export function isLastFourSlice(method: string, args: readonly { type: string }[], argText: (index: number) => string): boolean {
  if (method !== 'slice' && method !== 'substr' && method !== 'substring') return false;
  const first = argText(0).replace(/\s+/g, '');
  return args.length >= 1 && (/^-[1-4]$/.test(first) || /\.length-[1-4]$/.test(first));
}

/** Categories a last-four slice makes safe to keep: cards and account numbers, by PCI convention. */
export const LAST_FOUR_SAFE = new Set(['payment_card', 'bank_account']);
