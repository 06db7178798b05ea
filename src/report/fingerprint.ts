// Identity of a finding that survives moving code: shared by SARIF partialFingerprints and baselines.
import { createHash } from 'node:crypto';
import type { FileFinding } from '../scan/scan';

/**
 * Rule, file, category, sink callee and the source text with whitespace normalised — no line or
 * column, so code that moves (or is re-indented) keeps its identity.
 */
export function fingerprint(finding: FileFinding): string {
  const parts = [finding.ruleId, finding.file, finding.category ?? '', finding.sink ?? '', (finding.source?.text ?? finding.message).replace(/\s+/g, ' ')];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * The same call twice in a file (`console.log(req.ip)` in two handlers) hashes the same; number the
 * repeats in the order given (file order), as GitHub's own `primaryLocationLineHash` does.
 */
export function withOccurrences<T extends FileFinding>(findings: readonly T[]): { finding: T; fingerprint: string; occurrence: number }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = fingerprint(finding);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { finding, fingerprint: hash, occurrence };
  });
}
