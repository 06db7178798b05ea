// What a report knows beyond the scan itself: the baseline's verdicts, the changed-since filter,
// the catalog (for declared retention), and whether code may be quoted.
import type { BaselineOutcome } from '../scan/baseline';
import type { LoadedCatalog } from '../scan/catalogFile';
import type { FileFinding, ScanResult } from '../scan/scan';

export interface ReportContext {
  baseline?: BaselineOutcome;
  changedSince?: { ref: string; mergeBase: string };
  catalog?: LoadedCatalog;
  /** Quote code (HTML excerpts, SARIF snippets); false for a report to share outside the team. */
  excerpts?: boolean;
}

export type BaselineState = 'new' | 'unchanged';

/** New and baselined findings together, in file order, each with its baseline state when a baseline is used. */
export function reportedFindings(result: ScanResult, context: ReportContext): { finding: FileFinding; baselineState?: BaselineState }[] {
  if (!context.baseline) return result.findings.map((finding) => ({ finding }));
  const all = [
    ...result.findings.map((finding) => ({ finding, baselineState: 'new' as const })),
    ...context.baseline.baselined.map((finding) => ({ finding, baselineState: 'unchanged' as const })),
  ];
  return all.sort((a, b) => byFileAndPosition(a.finding, b.finding));
}

export function byFileAndPosition(a: FileFinding, b: FileFinding): number {
  return a.file.localeCompare(b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || a.ruleId.localeCompare(b.ruleId);
}
