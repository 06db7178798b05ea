// Text output in the shape of ESLint's "stylish" formatter: a block per file, then a summary.
import type { Severity } from '../core/findings';
import type { ScanResult } from '../scan/scan';
import { countFindings } from './summary';

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export interface TextOptions {
  color?: boolean;
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
  if (result.skipped.length) {
    lines.push(paint('4', `Skipped ${result.skipped.length} file(s)`));
    for (const skipped of result.skipped) lines.push(`  ${skipped.file}  ${paint('2', skipped.reason)}`);
    lines.push('');
  }
  const counts = countFindings(result);
  const info = counts.bySeverity.info ? `, ${counts.bySeverity.info} info` : '';
  const problems = `${counts.total} finding${counts.total === 1 ? '' : 's'} (${counts.bySeverity.error} error${counts.bySeverity.error === 1 ? '' : 's'}, ${counts.bySeverity.warning} warning${counts.bySeverity.warning === 1 ? '' : 's'}${info})`;
  const mark = counts.total ? paint('31;1', '✖') : paint('32;1', '✔');
  lines.push(`${mark} ${problems} in ${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'} scanned, ${result.skipped.length} skipped, ${Math.round(result.durationMs)} ms`);
  if (counts.byCategory.length) {
    lines.push(`  by category: ${counts.byCategory.map(([category, count]) => `${category} ${count}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[\d;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
