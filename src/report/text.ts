// Text output in the shape of ESLint's "stylish" formatter: a block per file, then a summary.
import type { Severity } from '../core/findings';
import type { BaselineOutcome } from '../scan/baseline';
import type { ScanResult } from '../scan/scan';
import { countFindings } from './summary';

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export interface TextOptions {
  color?: boolean;
  /** Baselined findings are listed apart (they do not fail the run), then stale entries. */
  baseline?: BaselineOutcome;
  /** Named in the summary, so a log says the scan was narrowed. */
  changedSince?: { ref: string; mergeBase: string };
}

export function formatText(result: ScanResult, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const byFile = new Map<string, ScanResult['findings']>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(paint('4', file));
    findings.sort((a, b) => a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column);
    const rows = findings.map((finding) => [
      `  ${finding.span.start.line}:${finding.span.start.column + 1}`,
      paint(SEVERITY_COLOR[finding.severity], finding.severity),
      finding.message,
      paint('2', finding.ruleId),
    ]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => visibleLength(row[column]))));
    for (const row of rows) {
      lines.push([pad(row[0], widths[0]), pad(row[1], widths[1]), row[2], row[3]].join('  '));
    }
    lines.push('');
  }
  if (options.baseline) lines.push(...baselineSection(options.baseline, paint));
  if (result.skipped.length) {
    lines.push(paint('4', `Skipped ${result.skipped.length} file(s)`));
    for (const skipped of result.skipped.slice(0, MAX_LISTED_SKIPPED)) lines.push(`  ${skipped.file}  ${paint('2', skipped.reason)}`);
    const rest = result.skipped.slice(MAX_LISTED_SKIPPED);
    if (rest.length) lines.push(`  … and ${rest.length} more: ${tallyReasons(rest)} (--format json lists every one)`);
    lines.push('');
  }
  const counts = countFindings(result);
  const info = counts.bySeverity.info ? `, ${counts.bySeverity.info} info` : '';
  const problems = `${counts.total} finding${counts.total === 1 ? '' : 's'} (${counts.bySeverity.error} error${counts.bySeverity.error === 1 ? '' : 's'}, ${counts.bySeverity.warning} warning${counts.bySeverity.warning === 1 ? '' : 's'}${info})`;
  const mark = counts.total ? paint('31;1', '✖') : paint('32;1', '✔');
  const baselined = options.baseline ? `, ${options.baseline.baselined.length} baselined` : '';
  const changed = options.changedSince ? ` (only lines changed since ${options.changedSince.ref})` : '';
  lines.push(`${mark} ${problems}${baselined}${changed} in ${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'} scanned, ${result.skipped.length} skipped, ${Math.round(result.durationMs)} ms`);
  if (counts.byCategory.length) {
    lines.push(`  by category: ${counts.byCategory.map(([category, count]) => `${category} ${count}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A tree of 100,000 empty files must not print 100,000 lines: the rest are counted by reason. */
export const MAX_LISTED_SKIPPED = 100;

function tallyReasons(skipped: ScanResult['skipped']): string {
  const counts = new Map<string, number>();
  for (const { reason } of skipped) {
    const kind = reason.split(/[:(]/)[0].trim();
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function baselineSection(baseline: BaselineOutcome, paint: (code: string, text: string) => string): string[] {
  const lines: string[] = [];
  if (baseline.baselined.length) {
    lines.push(paint('4', `Baselined ${baseline.baselined.length} finding(s) (in ${baseline.file}; not failures)`));
    for (const finding of baseline.baselined) {
      lines.push(`  ${finding.file}:${finding.span.start.line}:${finding.span.start.column + 1}  ${paint('2', 'baselined')}  ${finding.message}  ${paint('2', finding.ruleId)}`);
    }
    lines.push('');
  }
  if (baseline.stale.length) {
    lines.push(paint('4', `Stale baseline entries: ${baseline.stale.length} in ${baseline.file} match nothing any more (rewrite it with --write-baseline)`));
    for (const entry of baseline.stale) lines.push(`  ${entry.file}  ${entry.ruleId}${entry.category ? ` ${entry.category}` : ''}  ${paint('2', `was line ${entry.line}`)}`);
    lines.push('');
  }
  return lines;
}

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[\d;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
