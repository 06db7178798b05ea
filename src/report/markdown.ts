// Markdown for a pull-request comment: the data map as a table (category × sink kind), then the
// findings as a list. Every piece of scanned text is escaped, and mentions (@name) or issue
// references (#12) are put in code so the comment never pings anyone or links a stray issue.
import { categoryInfo } from '../core/categories';
import type { SinkKind } from '../core/types';
import type { ScanResult } from '../scan/scan';
import { reportedFindings, type ReportContext } from './context';
import { buildDataMap, NO_RETENTION, type DataMapCell } from './dataMap';
import { countFindings } from './summary';

const SINK_LABEL: Record<SinkKind, string> = { log: 'Logs', storage: 'Storage', 'third-party': 'Third parties' };
/** GitHub refuses comments over 65,536 characters; the list stops well before that. */
export const MAX_LISTED_FINDINGS = 200;

export function formatMarkdown(result: ScanResult, context: ReportContext = {}): string {
  const counts = countFindings(result);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = [
    `**${plural(counts.total, 'finding')}** (${plural(counts.bySeverity.error, 'error')}, ${plural(counts.bySeverity.warning, 'warning')}${counts.bySeverity.info ? `, ${counts.bySeverity.info} info` : ''})`,
    `${plural(result.filesScanned, 'file')} scanned`,
  ];
  if (context.baseline) summary.push(`${context.baseline.baselined.length} baselined`, `${context.baseline.stale.length} stale baseline entr${context.baseline.stale.length === 1 ? 'y' : 'ies'}`);
  if (context.changedSince) summary.push(`only lines changed since ${inlineCode(context.changedSince.ref)}`);
  const lines = ['### Privacy Review', '', summary.join(' · '), ''];

  const map = buildDataMap(result, { catalog: context.catalog, baselined: context.baseline?.baselined });
  if (map.rows.length) {
    lines.push(`| Personal data | ${map.sinkKinds.map((kind) => SINK_LABEL[kind]).join(' | ')} |`);
    lines.push(`| --- | ${map.sinkKinds.map(() => '---').join(' | ')} |`);
    for (const row of map.rows) lines.push(`| ${escapeMarkdown(row.label, true)} | ${row.cells.map(cellText).join(' | ')} |`);
    lines.push('', '_Each cell: findings without declared retention · the retention the catalog declares._', '');
  }

  const findings = reportedFindings(result, context);
  if (findings.length) {
    lines.push(`#### Findings (${findings.length})`, '');
    for (const { finding, baselineState } of findings.slice(0, MAX_LISTED_FINDINGS)) {
      const category = finding.category ? categoryInfo(finding.category)?.label ?? finding.category : undefined;
      const tags = [finding.severity, baselineState === 'unchanged' ? 'baselined' : undefined, category, finding.sinkKind].filter(Boolean).join(', ');
      lines.push(`- ${inlineCode(`${finding.file}:${finding.span.start.line}`)} ${inlineCode(finding.ruleId)} (${escapeMarkdown(tags)}): ${escapeMarkdown(finding.message)}`);
    }
    if (findings.length > MAX_LISTED_FINDINGS) lines.push(`- … and ${findings.length - MAX_LISTED_FINDINGS} more (see the full report)`);
    lines.push('');
  }
  const stale = context.baseline?.stale ?? [];
  if (stale.length) {
    lines.push(`#### Stale baseline entries (${stale.length})`, '');
    for (const entry of stale.slice(0, MAX_LISTED_FINDINGS)) lines.push(`- ${inlineCode(entry.file)} ${inlineCode(entry.ruleId)}${entry.category ? ` ${escapeMarkdown(entry.category)}` : ''} (was line ${entry.line})`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function cellText(cell: DataMapCell): string {
  if (!cell.findings && !cell.baselined && !cell.flows) return cell.retention === NO_RETENTION ? '–' : `– · ${escapeMarkdown(cell.retention, true)}`;
  const count = `${cell.findings}${cell.baselined ? ` (+${cell.baselined} baselined)` : ''}`;
  return `${count} · ${escapeMarkdown(cell.retention, true)}`;
}

/**
 * The characters that can start emphasis, code, links, images, HTML, entities, strikethrough, math
 * or a table column; a backslash makes each literal (CommonMark escapes any ASCII punctuation).
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#!|~&$]/g;

/** Plain text for Markdown (table cells included): one line, specials escaped, mentions and #refs in code. */
export function escapeMarkdown(text: string, inTable = false): string {
  return text
    .replace(/\s+/g, ' ')
    .split(/(@[\w.-]+|#\d+)/)
    .map((part, index) => (index % 2 === 1 ? inlineCode(part, inTable) : part.replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)))
    .join('');
}

/** A code span that holds any text: a fence longer than any run of backticks inside; in a table cell `|` is escaped too. */
export function inlineCode(text: string, inTable = false): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^[` ]|[` ]$/.test(oneLine) ? ` ${oneLine} ` : oneLine;
  return `${fence}${inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}
