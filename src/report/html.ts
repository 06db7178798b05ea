// One self-contained HTML file: a data map (categories × sink kinds, count and declared retention),
// then the findings with code excerpts. Everything from the scan is escaped; the only script is
// inline and allowed by its hash in the page's Content-Security-Policy, and nothing is fetched.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { categoryInfo } from '../core/categories';
import type { SinkKind } from '../core/types';
import type { FileFinding, ScanResult } from '../scan/scan';
import { TOOL_VERSION } from '../version';
import { reportedFindings, type BaselineState, type ReportContext } from './context';
import { buildDataMap, NO_RETENTION, type DataMap, type DataMapCell, type DataMapRow } from './dataMap';
import { createExcerptReader, type Excerpt } from './excerpt';
import { REPORT_CSS } from './reportStyle';
import { countFindings } from './summary';

const SINK_LABEL: Record<SinkKind, string> = { log: 'Logs', storage: 'Storage', 'third-party': 'Third parties' };

/**
 * Click a cell to show only its findings; click it again (or "Show all") to show everything. Reads
 * only data-* attributes and writes only textContent, hidden and aria-pressed.
 */
export const REPORT_SCRIPT = `(() => {
  const list = document.getElementById('findings-list');
  const status = document.getElementById('filter-status');
  const showAll = document.getElementById('show-all');
  if (!list || !status || !showAll) return;
  const cells = Array.from(document.querySelectorAll('button.cell'));
  const items = Array.from(list.children);
  const apply = (cell) => {
    let shown = 0;
    for (const item of items) {
      const match = !cell || (item.dataset.category === cell.dataset.category && item.dataset.sink === cell.dataset.sink);
      item.hidden = !match;
      if (match) shown++;
    }
    for (const other of cells) other.setAttribute('aria-pressed', String(other === cell));
    status.textContent = cell
      ? 'Showing ' + shown + ' of ' + items.length + ' findings: ' + cell.dataset.label + ' in ' + cell.dataset.sinkLabel.toLowerCase()
      : 'Showing all ' + items.length + ' findings';
    showAll.hidden = !cell;
  };
  for (const cell of cells) {
    cell.addEventListener('click', () => {
      apply(cell.getAttribute('aria-pressed') === 'true' ? undefined : cell);
      if (cell.getAttribute('aria-pressed') === 'true') status.scrollIntoView({ block: 'nearest' });
    });
  }
  showAll.addEventListener('click', () => apply(undefined));
  document.documentElement.dataset.ready = 'true';
})();
`;

export function formatHtml(result: ScanResult, context: ReportContext = {}): string {
  const map = buildDataMap(result, { catalog: context.catalog, baselined: context.baseline?.baselined });
  const excerpts = context.excerpts === false ? undefined : createExcerptReader(result.root);
  const findings = reportedFindings(result, context);
  const body = [
    header(result, context),
    '<main>',
    '<section id="data-map" aria-labelledby="data-map-title">',
    '<h2 id="data-map-title">Data map</h2>',
    renderDataMap(map),
    '</section>',
    '<section id="findings" aria-labelledby="findings-title">',
    '<h2 id="findings-title">Findings</h2>',
    `<div class="filter-bar"><span id="filter-status" role="status">Showing all ${findings.length} findings</span><button type="button" id="show-all" hidden>Show all</button></div>`,
    findings.length
      ? `<ol class="findings" id="findings-list">\n${findings.map(({ finding, baselineState }) => renderFinding(finding, baselineState, excerpts?.(finding.file, finding.span))).join('\n')}\n</ol>`
      : '<ol class="findings" id="findings-list"></ol><p class="empty">No findings.</p>',
    '</section>',
    staleSection(context),
    skippedSection(result),
    '</main>',
    `<footer>Privacy Review ${escapeHtml(TOOL_VERSION)}${context.excerpts === false ? ' · code excerpts omitted' : ''}</footer>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>Privacy Review: ${escapeHtml(path.basename(result.root))}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Nothing but the inline style and script (by hash); no network, no frames, no forms, no base URL. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src '${sha256(REPORT_CSS)}'`,
    `script-src '${sha256(REPORT_SCRIPT)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Text into HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function header(result: ScanResult, context: ReportContext): string {
  const counts = countFindings(result);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [
    `<strong>${plural(counts.total, 'finding')}</strong> (${plural(counts.bySeverity.error, 'error')}, ${plural(counts.bySeverity.warning, 'warning')}${counts.bySeverity.info ? `, ${counts.bySeverity.info} info` : ''})`,
    `${plural(result.filesScanned, 'file')} scanned`,
  ];
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped`);
  if (context.baseline) parts.push(`${context.baseline.baselined.length} baselined`, `${context.baseline.stale.length} stale baseline entr${context.baseline.stale.length === 1 ? 'y' : 'ies'}`);
  if (context.changedSince) parts.push(`only lines changed since <code>${escapeHtml(context.changedSince.ref)}</code> (merge base <code>${escapeHtml(context.changedSince.mergeBase.slice(0, 12))}</code>)`);
  if (context.catalog) parts.push(`catalog <code>${escapeHtml(result.catalogPath ?? path.basename(context.catalog.path))}</code>`);
  return `<header>\n<h1>Privacy Review: ${escapeHtml(path.basename(result.root))}</h1>\n<p class="summary">${parts.join(' · ')}</p>\n</header>`;
}

export function renderDataMap(map: DataMap): string {
  if (!map.rows.length) return '<p class="empty">No personal data reaches a log, a store or a third party in the scanned files.</p>';
  const head = `<thead><tr><th scope="col">Personal data</th>${map.sinkKinds.map((kind) => `<th scope="col">${escapeHtml(SINK_LABEL[kind])}</th>`).join('')}</tr></thead>`;
  const rows = map.rows.map((row) => `<tr data-category="${escapeHtml(row.category)}"><th scope="row">${escapeHtml(row.label)}${row.fideslang ? `<span class="fideslang">${escapeHtml(row.fideslang)}</span>` : ''}</th>${row.cells.map((cell) => renderCell(row, cell)).join('')}</tr>`);
  return `<table class="data-map">\n<caption hidden>Personal data by sink kind: findings without declared retention, flows, and the retention the catalog declares</caption>\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function renderCell(row: DataMapRow, cell: DataMapCell): string {
  const listed = cell.findings + cell.baselined;
  const declared = cell.retention !== NO_RETENTION;
  // "none declared" is a warning only where data actually flows.
  const retentionClass = cell.retention === 'forbidden' ? 'forbidden' : declared ? 'declared' : listed || cell.flows ? 'none' : 'quiet';
  const title = cell.declaredBy ? ` title="${escapeHtml(cell.declaredBy)}"` : '';
  const content = [
    `<span class="count${listed ? '' : ' zero'}">${cell.findings}</span>`,
    cell.baselined ? `<span class="baselined-count">+${cell.baselined} baselined</span>` : '',
    cell.flows ? `<span class="flows">${cell.flows} flow${cell.flows === 1 ? '' : 's'}</span>` : '',
    `<span class="retention ${retentionClass}"${title}>${declared ? `retention: ${escapeHtml(cell.retention)}` : NO_RETENTION}</span>`,
  ]
    .filter(Boolean)
    .join(' ');
  const tdClass = listed ? 'hot' : cell.flows ? 'declared' : '';
  const data = `data-category="${escapeHtml(row.category)}" data-sink="${escapeHtml(cell.sinkKind)}" data-label="${escapeHtml(row.label)}" data-sink-label="${escapeHtml(SINK_LABEL[cell.sinkKind])}"`;
  const inner = listed
    ? `<button type="button" class="cell" aria-pressed="false" ${data} aria-label="${escapeHtml(`${row.label} in ${SINK_LABEL[cell.sinkKind].toLowerCase()}: ${listed} finding${listed === 1 ? '' : 's'}, show them`)}">${content}</button>`
    : `<div class="cell" ${data}>${content}</div>`;
  return `<td${tdClass ? ` class="${tdClass}"` : ''}>${inner}</td>`;
}

function renderFinding(finding: FileFinding, baselineState: BaselineState | undefined, excerpt: Excerpt | undefined): string {
  const where = `${finding.file}:${finding.span.start.line}:${finding.span.start.column + 1}`;
  const category = finding.category ? categoryInfo(finding.category) : undefined;
  const meta = [
    finding.category ? `Personal data: ${escapeHtml(category?.label ?? finding.category)}${category ? ` (<code>${escapeHtml(category.fideslang)}</code>)` : ''}` : '',
    finding.sink ? `Sink: <code>${escapeHtml(finding.sink)}</code> (${escapeHtml([finding.sinkKind, finding.sinkFamily].filter(Boolean).join(', '))})` : '',
    finding.source ? `From: <code>${escapeHtml(finding.source.text)}</code>` : '',
  ].filter(Boolean);
  const attributes = [
    `class="finding severity-${escapeHtml(finding.severity)}"`,
    `data-rule="${escapeHtml(finding.ruleId)}"`,
    finding.category ? `data-category="${escapeHtml(finding.category)}"` : '',
    finding.sinkKind ? `data-sink="${escapeHtml(finding.sinkKind)}"` : '',
    baselineState ? `data-baseline="${baselineState}"` : '',
  ].filter(Boolean);
  return [
    `<li ${attributes.join(' ')}>`,
    `<div class="finding-head"><span class="severity">${escapeHtml(finding.severity)}</span><span class="location">${escapeHtml(where)}</span><code class="rule">${escapeHtml(finding.ruleId)}</code>${baselineState === 'unchanged' ? '<span class="badge">baselined</span>' : ''}</div>`,
    `<p class="message">${escapeHtml(finding.message)}</p>`,
    meta.length ? `<p class="meta">${meta.join(' · ')}</p>` : '',
    excerpt ? renderExcerpt(excerpt) : '',
    finding.related.length
      ? `<ul class="related">${finding.related.map((related) => `<li>line ${related.span.start.line}: ${escapeHtml(related.message)}</li>`).join('')}</ul>`
      : '',
    '</li>',
  ]
    .filter(Boolean)
    .join('');
}

function renderExcerpt(excerpt: Excerpt): string {
  const lines = excerpt.lines.map((text, index) => {
    const line = excerpt.startLine + index;
    const hit = line >= excerpt.hit.startLine && line <= excerpt.hit.endLine;
    return `<span class="line${hit ? ' hit' : ''}"><span class="ln" aria-hidden="true">${line}</span>${escapeHtml(text)}</span>`;
  });
  return `<pre class="excerpt"><code>${lines.join('')}</code></pre>`;
}

function staleSection(context: ReportContext): string {
  const stale = context.baseline?.stale ?? [];
  if (!stale.length) return '';
  const items = stale.map((entry) => `<li><span class="location">${escapeHtml(entry.file)}</span> <code>${escapeHtml(entry.ruleId)}</code>${entry.category ? ` ${escapeHtml(entry.category)}` : ''} <span class="meta">(was line ${entry.line})</span></li>`);
  return `<section id="stale" aria-labelledby="stale-title">\n<h2 id="stale-title">Stale baseline entries</h2>\n<p class="meta">In <code>${escapeHtml(context.baseline!.file)}</code> but matching nothing any more; rewrite it with <code>--write-baseline</code>.</p>\n<ul>${items.join('')}</ul>\n</section>`;
}

function skippedSection(result: ScanResult): string {
  if (!result.skipped.length) return '';
  const items = result.skipped.map((skipped) => `<li><span class="location">${escapeHtml(skipped.file)}</span>: ${escapeHtml(skipped.reason)}</li>`);
  return `<section id="skipped"><details><summary>${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'} skipped</summary><ul>${items.join('')}</ul></details></section>`;
}
