// SARIF 2.1.0 for code scanning: one result per (sink call, category), as the contract says.
import { createHash } from 'node:crypto';
import { categoryInfo } from '../core/categories';
import { RULES, RULE_IDS, ruleDocsUrl, type RuleId, type Severity } from '../core/findings';
import type { FileFinding, ScanResult } from '../scan/scan';
import { TOOL_VERSION } from '../version';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(result: ScanResult): string {
  const ruleIndex = new Map<RuleId, number>(RULE_IDS.map((id, index) => [id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Privacy Review',
            version: TOOL_VERSION,
            informationUri: 'https://github.com/privacy-review/privacy-review',
            rules: RULE_IDS.map((id) => ({
              id,
              name: id.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: { text: RULES[id].description },
              fullDescription: { text: `${RULES[id].description} ${RULES[id].help}` },
              help: { text: RULES[id].help, markdown: `${RULES[id].help}\n\n[Documentation](${ruleDocsUrl(id)})` },
              helpUri: ruleDocsUrl(id),
              defaultConfiguration: { level: LEVEL[RULES[id].severity] },
              properties: { tags: ['privacy', 'security'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned directory.' } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.skipped.map((skipped) => ({
              level: 'note',
              message: { text: `Skipped ${skipped.file}: ${skipped.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(skipped.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results: withOccurrences(result.findings).map(({ finding, fingerprint }) => sarifResult(finding, ruleIndex.get(finding.ruleId) ?? 0, fingerprint)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(finding: FileFinding, ruleIndex: number, findingFingerprint: string) {
  const artifactLocation = { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' };
  const region = (span: FileFinding['span']) => ({
    startLine: span.start.line,
    startColumn: span.start.column + 1,
    endLine: span.end.line,
    endColumn: span.end.column + 1,
  });
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(finding.span) } }],
    relatedLocations: finding.related.map((related, index) => ({
      id: index + 1,
      message: { text: related.message },
      physicalLocation: { artifactLocation, region: region(related.span) },
    })),
    partialFingerprints: { 'privacyReview/v1': findingFingerprint },
    properties: {
      ...(finding.category ? { category: finding.category, fideslang: categoryInfo(finding.category)?.fideslang } : {}),
      ...(finding.sinkKind ? { sinkKind: finding.sinkKind, sinkFamily: finding.sinkFamily } : {}),
    },
  };
}

/**
 * The same call twice in a file (`console.log(req.ip)` in two handlers) hashes the same; number the
 * repeats in file order, as GitHub's own `primaryLocationLineHash` does, so code scanning keeps both.
 */
function withOccurrences(findings: readonly FileFinding[]): { finding: FileFinding; fingerprint: string }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = fingerprint(finding);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { finding, fingerprint: `${hash}:${occurrence}` };
  });
}

/** Independent of line numbers, so moved code keeps its identity. */
export function fingerprint(finding: FileFinding): string {
  const parts = [finding.ruleId, finding.file, finding.category ?? '', finding.sink ?? '', (finding.source?.text ?? finding.message).replace(/\s+/g, ' ')];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
