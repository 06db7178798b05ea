// "Open Data Map": the HTML report's data map (categories × sink kinds: findings, flows, declared
// retention) for each folder in a webview; a cell lists its findings, a finding opens the code.
// Strict Content-Security-Policy: the extension's stylesheets and one script with a nonce, nothing
// else; every scanned string is escaped, and the page only ever sends back an index.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Finding } from '../core';
import { buildDataMap } from '../report/dataMap';
import { escapeHtml, renderDataMap } from '../report/html';
import { relativePath as catalogPathIn, type FileFinding, type ScanResult } from '../scan/scan';
import type { Catalogs } from './catalogs';
import { revealFinding } from './findingActions';
import type { ScanResults } from './scanResults';
import type { ScannedFile } from './workspaceScan';

export const COMMAND_OPEN_DATA_MAP = 'privacyReview.openDataMap';
const RERENDER_DELAY_MS = 200;

/** Runs in the page: filters the list by the clicked cell, remembers it, posts { type: 'open', index }. */
const PAGE_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const sections = Array.from(document.querySelectorAll('section.folder'));
  const apply = (section, cell) => {
    const items = Array.from(section.querySelectorAll('li.finding'));
    let shown = 0;
    for (const item of items) {
      const match = !cell || (item.dataset.category === cell.dataset.category && item.dataset.sink === cell.dataset.sink);
      item.hidden = !match;
      if (match) shown++;
    }
    for (const other of section.querySelectorAll('button.cell')) other.setAttribute('aria-pressed', String(other === cell));
    section.querySelector('.filter-status').textContent = cell
      ? 'Showing ' + shown + ' of ' + items.length + ' findings: ' + cell.dataset.label + ' in ' + cell.dataset.sinkLabel.toLowerCase()
      : 'Showing all ' + items.length + ' findings';
    section.querySelector('.show-all').hidden = !cell;
  };
  const remember = () => {
    const selected = {};
    for (const section of sections) {
      const cell = section.querySelector('button.cell[aria-pressed="true"]');
      if (cell) selected[section.dataset.folder] = [cell.dataset.category, cell.dataset.sink];
    }
    vscode.setState({ selected });
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : undefined;
    const section = target && target.closest('section.folder');
    if (!target || !section) return;
    const open = target.closest('button.open');
    if (open) return vscode.postMessage({ type: 'open', index: Number(open.dataset.index) });
    const cell = target.closest('button.cell');
    if (cell) apply(section, cell.getAttribute('aria-pressed') === 'true' ? undefined : cell);
    else if (target.closest('button.show-all')) apply(section, undefined);
    else return;
    remember();
  });
  const selected = (vscode.getState() || {}).selected || {};
  for (const section of sections) {
    const wanted = selected[section.dataset.folder];
    const cell = wanted && Array.from(section.querySelectorAll('button.cell')).find((c) => c.dataset.category === wanted[0] && c.dataset.sink === wanted[1]);
    apply(section, cell || undefined);
  }
  document.documentElement.dataset.ready = 'true';
})();`;

export class DataMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What `data-index` in the page refers to. */
  private listed: { file: ScannedFile; finding: Finding }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;
  /** The last page, for tests. */
  html: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly results: ScanResults,
    private readonly catalogs: Catalogs,
    private readonly ensureScanned: () => Promise<unknown>,
  ) {
    this.subscription = results.onDidChange(() => {
      if (!this.panel) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.render(), RERENDER_DELAY_MS);
    });
  }

  async show(): Promise<string> {
    if (!this.results.hasScanned) await this.ensureScanned();
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel('privacyReview.dataMap', 'Privacy Data Map', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media], enableFindWidget: true });
      this.panel.iconPath = vscode.Uri.joinPath(media, 'activity.svg');
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message) => void this.receive(message));
    } else {
      this.panel.reveal();
    }
    return this.render();
  }

  /** A message from the page; only `{ type: 'open', index }` with a known index does anything. */
  async receive(message: unknown): Promise<vscode.TextEditor | undefined> {
    const { type, index } = (message ?? {}) as { type?: unknown; index?: unknown };
    if (type !== 'open' || typeof index !== 'number' || !Number.isInteger(index) || !this.listed[index]) return undefined;
    const { file, finding } = this.listed[index];
    return revealFinding(file, finding, vscode.ViewColumn.Beside);
  }

  private async render(): Promise<string> {
    const panel = this.panel;
    if (!panel) return '';
    const webview = panel.webview;
    const nonce = randomBytes(18).toString('base64');
    const style = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    this.listed = [];
    const multiRoot = this.results.folders.length > 1;
    const sections: string[] = [];
    for (const [folderIndex, folderScan] of this.results.folders.entries()) sections.push(await this.folderSection(folderIndex, folderScan.folder, folderScan.skipped, multiRoot));
    const total = this.listed.length;
    const filter = this.results.changedOnly ? this.results.changeFilter : undefined;
    const summary = [`<strong>${total} finding${total === 1 ? '' : 's'}</strong> without declared retention`, `${this.results.allFiles().length} files scanned`];
    if (filter) summary.push(`only lines changed since <code>${escapeHtml(filter.ref)}</code>`);
    const html = [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<link rel="stylesheet" href="${escapeHtml(style('report.css'))}">`,
      `<link rel="stylesheet" href="${escapeHtml(style('data-map.css'))}">`,
      '<title>Privacy Data Map</title>',
      '</head>',
      '<body>',
      `<header><h1>Privacy data map</h1><p class="summary">${summary.join(' · ')}</p></header>`,
      `<main>${sections.join('\n') || '<p class="empty">Nothing scanned yet.</p>'}</main>`,
      `<script nonce="${nonce}">${PAGE_SCRIPT}</script>`,
      '</body>',
      '</html>',
    ].join('\n');
    if (this.panel === panel) {
      panel.webview.html = html;
      this.html = html;
    }
    return html;
  }

  private async folderSection(folderIndex: number, folder: vscode.WorkspaceFolder, skipped: ScanResult['skipped'], multiRoot: boolean): Promise<string> {
    const { catalog } = await this.catalogs.forDocument(folder.uri);
    const files = this.results.allFiles().filter((file) => file.folder.uri.toString() === folder.uri.toString());
    const findings: FileFinding[] = [];
    const items: string[] = [];
    const dataFlows: ScanResult['dataFlows'] = [];
    for (const file of files) {
      for (const finding of file.findings) {
        if (!this.results.isChanged(file, finding.span.start.line, finding.span.end.line)) continue;
        findings.push({ ...finding, file: file.relativePath });
        items.push(listItem(this.listed.length, file.relativePath, finding));
        this.listed.push({ file, finding });
      }
      for (const flow of file.dataFlows) if (this.results.isChanged(file, flow.line)) dataFlows.push({ file: file.relativePath, ...flow });
    }
    const root = folder.uri.fsPath;
    const result: ScanResult = { root, filesScanned: files.length, findings, skipped, dataFlows, declaredMembers: new Set(), catalogPath: catalog ? catalogPathIn(root, catalog.path) : undefined, durationMs: 0 };
    return [
      `<section class="folder" data-folder="${folderIndex}">`,
      multiRoot ? `<h2>${escapeHtml(folder.name)}</h2>` : '',
      renderDataMap(buildDataMap(result, { catalog })),
      catalog ? '' : '<p class="meta">No <code>privacy-catalog.json</code> in this folder, so no retention is declared per category; flows that <code>@retention</code> in code covers count as flows, not findings.</p>',
      '<div class="filter-bar"><span class="filter-status" role="status"></span><button type="button" class="show-all" hidden>Show all</button></div>',
      `<ol class="findings">${items.join('\n')}</ol>`,
      findings.length ? '' : '<p class="empty">No findings.</p>',
      '</section>',
    ].join('\n');
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

function listItem(index: number, file: string, finding: Finding): string {
  const attributes = [`class="finding severity-${escapeHtml(finding.severity)}"`, `data-rule="${escapeHtml(finding.ruleId)}"`];
  if (finding.category) attributes.push(`data-category="${escapeHtml(finding.category)}"`);
  if (finding.sinkKind) attributes.push(`data-sink="${escapeHtml(finding.sinkKind)}"`);
  const where = `${file}:${finding.span.start.line}:${finding.span.start.column + 1}`;
  return [
    `<li ${attributes.join(' ')}>`,
    `<div class="finding-head"><span class="severity">${escapeHtml(finding.severity)}</span>`,
    `<button type="button" class="open location" data-index="${index}" title="Open ${escapeHtml(where)}">${escapeHtml(where)}</button>`,
    `<code class="rule">${escapeHtml(finding.ruleId)}</code></div>`,
    `<p class="message">${escapeHtml(finding.message)}</p>`,
    '</li>',
  ].join('');
}
