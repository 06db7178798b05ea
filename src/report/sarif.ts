// SARIF 2.1.0 for code scanning: one result per (sink call, category), as the contract says.
import { categoryInfo } from '../core/categories';
import { RULES, RULE_IDS, ruleDocsUrl, type RuleId, type Severity } from '../core/findings';
import type { FileFinding, ScanResult } from '../scan/scan';
import { TOOL_VERSION } from '../version';
import { reportedFindings, type BaselineState, type ReportContext } from './context';
import { createExcerptReader, type ExcerptReader } from './excerpt';
import { withOccurrences } from './fingerprint';

export { fingerprint } from './fingerprint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(result: ScanResult, context: ReportContext = {}): string {
  // Whole lines, so a snippet is exactly its region's text; a call longer than 40 lines gets no context region.
  const excerpts = context.excerpts === false ? undefined : createExcerptReader(result.root, { maxLineLength: Infinity, maxSpanLines: 40 });
  const reported = reportedFindings(result, context);
  const baselineStates = new Map(reported.map(({ finding, baselineState }) => [finding, baselineState]));
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
        results: withOccurrences(reported.map(({ finding }) => finding)).map(({ finding, fingerprint, occurrence }) =>
          sarifResult(finding, ruleIndex.get(finding.ruleId) ?? 0, `${fingerprint}:${occurrence}`, baselineStates.get(finding), excerpts),
        ),
        ...(context.baseline ? { properties: { baseline: { file: context.baseline.file, staleEntries: context.baseline.stale } } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(finding: FileFinding, ruleIndex: number, findingFingerprint: string, baselineState: BaselineState | undefined, excerpts: ExcerptReader | undefined) {
  const artifactLocation = { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' };
  const excerpt = excerpts?.(finding.file, finding.span);
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
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { ...region(finding.span), ...(excerpt?.spanText ? { snippet: { text: excerpt.spanText } } : {}) },
          ...(excerpt && excerpt.hit.endLine === finding.span.end.line ? { contextRegion: { startLine: excerpt.startLine, endLine: excerpt.startLine + excerpt.lines.length - 1, snippet: { text: excerpt.lines.join('\n') } } } : {}),
        },
      },
    ],
    relatedLocations: finding.related.map((related, index) => ({
      id: index + 1,
      message: { text: related.message },
      physicalLocation: { artifactLocation, region: region(related.span) },
    })),
    partialFingerprints: { 'privacyReview/v1': findingFingerprint },
    ...(baselineState ? { baselineState } : {}),
    properties: {
      ...(finding.category ? { category: finding.category, fideslang: categoryInfo(finding.category)?.fideslang } : {}),
      ...(finding.sinkKind ? { sinkKind: finding.sinkKind, sinkFamily: finding.sinkFamily } : {}),
    },
  };
}

function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
