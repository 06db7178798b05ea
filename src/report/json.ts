// Machine-readable output: every finding with its file, position, category and sink.
import type { BaselineOutcome } from '../scan/baseline';
import type { FileFinding, ScanResult } from '../scan/scan';
import { countFindings } from './summary';

export const JSON_REPORT_VERSION = 1;

export interface JsonOptions {
  /** Adds `baseline: { file, baselined: [findings], stale: [entries] }`; `findings` holds only new ones. */
  baseline?: BaselineOutcome;
  /** Adds `changedSince: { ref, mergeBase }`: the findings are those on lines changed since then. */
  changedSince?: { ref: string; mergeBase: string };
  /** false (`--no-excerpts`): no code text, only positions; messages still name the expression (at most 60 characters). */
  excerpts?: boolean;
}

export function formatJson(result: ScanResult, options: JsonOptions = {}): string {
  const counts = countFindings(result);
  return `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      root: result.root,
      filesScanned: result.filesScanned,
      findings: result.findings.map((finding) => jsonFinding(finding, options.excerpts !== false)),
      ...(options.changedSince ? { changedSince: options.changedSince } : {}),
      ...(options.baseline ? { baseline: { file: options.baseline.file, baselined: options.baseline.baselined.map((finding) => jsonFinding(finding, options.excerpts !== false)), stale: options.baseline.stale } } : {}),
      skipped: result.skipped,
      summary: { total: counts.total, bySeverity: counts.bySeverity, byCategory: Object.fromEntries(counts.byCategory), byRule: Object.fromEntries(counts.byRule) },
      durationMs: Math.round(result.durationMs),
    },
    null,
    2,
  )}\n`;
}

function jsonFinding(finding: FileFinding, withCode: boolean) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.span.start.line,
    column: finding.span.start.column + 1,
    endLine: finding.span.end.line,
    endColumn: finding.span.end.column + 1,
    message: finding.message,
    category: finding.category,
    sinkKind: finding.sinkKind,
    sinkFamily: finding.sinkFamily,
    sink: finding.sink,
    source: finding.source && {
      ...(withCode ? { text: finding.source.text } : {}),
      line: finding.source.span.start.line,
      column: finding.source.span.start.column + 1,
      reason: finding.source.reason,
      declaration: finding.source.declaration && { name: finding.source.declaration.name, line: finding.source.declaration.span.start.line },
    },
    steps: finding.steps,
    related: finding.related.map((related) => ({ line: related.span.start.line, column: related.span.start.column + 1, message: related.message })),
  };
}
