// Narrows a scan to what a reviewer asked about: findings a baseline already knows are set apart,
// and with --changed-since only findings (and flows) on changed lines remain.
import type { ReportContext } from '../report/context';
import { applyBaseline, type BaselineFile, type BaselineOutcome } from './baseline';
import { touchesChangedLines, type ChangedLines } from './changedSince';
import type { ScanResult } from './scan';

export interface ReviewOptions {
  baseline?: { file: string; content: BaselineFile };
  changed?: ChangedLines;
}

export function reviewScan(result: ScanResult, options: ReviewOptions): { result: ScanResult; context: Pick<ReportContext, 'baseline' | 'changedSince'> } {
  let findings = result.findings;
  let dataFlows = result.dataFlows;
  let baseline: BaselineOutcome | undefined;
  // Stale entries are judged against every finding, so a narrower --changed-since view never makes them look stale.
  if (options.baseline) {
    const applied = applyBaseline(findings, options.baseline.content);
    findings = applied.fresh;
    baseline = { file: options.baseline.file, baselined: applied.baselined, stale: applied.stale };
  }
  const changed = options.changed;
  if (changed) {
    const onChangedLines = (finding: ScanResult['findings'][number]) => touchesChangedLines(changed, finding.file, finding.span);
    findings = findings.filter(onChangedLines);
    if (baseline) baseline = { ...baseline, baselined: baseline.baselined.filter(onChangedLines) };
    dataFlows = dataFlows.filter((flow) => touchesChangedLines(changed, flow.file, { start: { line: flow.line, column: 0 }, end: { line: flow.line, column: 0 } }));
  }
  return {
    result: { ...result, findings, dataFlows },
    context: { ...(baseline ? { baseline } : {}), ...(changed ? { changedSince: { ref: changed.ref, mergeBase: changed.mergeBase } } : {}) },
  };
}
