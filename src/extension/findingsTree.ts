// The Personal Data view. A refresh rebuilds the nodes from the results, keeps the object of every
// node whose id survives (VS Code knows tree elements by object), and fires a change only for the
// topmost nodes that look different or whose children changed, so expansion and selection stay.
import * as vscode from 'vscode';
import { explain } from './hover';
import { buildNodes, displayPath, type FindingNode } from './findingNodes';
import type { ScanResults } from './scanResults';

export const VIEW_ID = 'privacyReview.findings';
export const COMMAND_REVEAL = 'privacyReview.findings.reveal';
const LIVE_UPDATE_DELAY_MS = 100;

/** What a refresh told VS Code: every node ('all') or the ids of the nodes it re-rendered. */
export type TreeRefresh = { changed: 'all' | string[] };

export interface TreeSnapshot {
  id: string;
  label: string;
  description: string;
  children: TreeSnapshot[];
}

const SINK_ICONS: Record<string, string> = { log: 'output', storage: 'database', 'third-party': 'globe' };
const SEVERITY_ICONS: Record<string, [string, string]> = {
  error: ['error', 'list.errorForeground'],
  warning: ['warning', 'list.warningForeground'],
  info: ['info', 'foreground'],
};

export class FindingsTree implements vscode.TreeDataProvider<FindingNode>, vscode.Disposable {
  private roots: FindingNode[] = [];
  private byId = new Map<string, FindingNode>();
  private readonly treeChanged = new vscode.EventEmitter<FindingNode | FindingNode[] | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly refreshed = new vscode.EventEmitter<TreeRefresh>();
  /** For tests: fires after every refresh that changed something. */
  readonly onDidRefresh = this.refreshed.event;
  readonly view: vscode.TreeView<FindingNode>;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly results: ScanResults) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.treeChanged,
      this.refreshed,
      // Typing updates one file at a time: batch those; a scan or a filter change shows at once.
      results.onDidChange((change) => (change === 'file' ? this.scheduleRefresh() : this.refresh())),
    );
    this.updateView();
  }

  getTreeItem(node: FindingNode): vscode.TreeItem {
    const collapsible = { category: vscode.TreeItemCollapsibleState.Expanded, sink: vscode.TreeItemCollapsibleState.Expanded, file: vscode.TreeItemCollapsibleState.Collapsed, finding: vscode.TreeItemCollapsibleState.None }[node.kind];
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.contextValue = contextValue(node);
    const finding = node.finding;
    if (node.kind === 'finding' && finding && node.file) {
      const [icon, color] = SEVERITY_ICONS[finding.severity] ?? SEVERITY_ICONS.warning;
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.tooltip = new vscode.MarkdownString(`${explain(finding)}\n\n${displayPath(node.file, this.multiRoot)}:${finding.span.start.line}`);
      item.command = { title: 'Reveal', command: COMMAND_REVEAL, arguments: [node] };
    } else {
      item.tooltip = new vscode.MarkdownString(node.tooltip);
      if (node.kind === 'file' && node.file) {
        item.resourceUri = node.file.uri;
        item.iconPath = vscode.ThemeIcon.File;
      } else if (node.kind === 'sink') {
        item.iconPath = new vscode.ThemeIcon(SINK_ICONS[node.items[0].finding.sinkKind ?? ''] ?? 'symbol-event');
      } else if (node.kind === 'category') {
        item.iconPath = new vscode.ThemeIcon('person');
      }
    }
    return item;
  }

  getChildren(node?: FindingNode): FindingNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: FindingNode): FindingNode | undefined {
    return node.parent;
  }

  /** The tree as data, for tests and "Copy as Markdown" of the whole view. */
  snapshot(nodes: readonly FindingNode[] = this.roots): TreeSnapshot[] {
    return nodes.map((node) => ({ id: node.id, label: node.label, description: node.description, children: this.snapshot(node.children) }));
  }

  nodeById(id: string): FindingNode | undefined {
    return this.byId.get(id);
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), LIVE_UPDATE_DELAY_MS);
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const fresh = buildNodes(this.results.visible(), this.multiRoot);
    const rootIdsBefore = this.roots.map((node) => node.id).join('\n');
    const changed: FindingNode[] = [];
    const index = new Map<string, FindingNode>();
    this.roots = this.adopt(fresh, undefined, index, changed, false);
    this.byId = index;
    if (rootIdsBefore !== this.roots.map((node) => node.id).join('\n')) {
      this.treeChanged.fire(undefined);
      this.refreshed.fire({ changed: 'all' });
    } else if (changed.length) {
      this.treeChanged.fire(changed);
      this.refreshed.fire({ changed: changed.map((node) => node.id) });
    }
    this.updateView();
  }

  private get multiRoot(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  }

  /**
   * Takes the fresh nodes into the tree: a node whose id existed keeps its old object with the new
   * presentation; `changed` collects the topmost old nodes that must re-render (a re-rendered node
   * re-reads its subtree, so nothing below it is listed).
   */
  private adopt(fresh: FindingNode[], parent: FindingNode | undefined, index: Map<string, FindingNode>, changed: FindingNode[], ancestorRendered: boolean): FindingNode[] {
    return fresh.map((node) => {
      const old = this.byId.get(node.id);
      let rendered = ancestorRendered || !old;
      const target = old ?? node;
      if (old) {
        const different = signature(old) !== signature(node) || old.children.map((child) => child.id).join('\n') !== node.children.map((child) => child.id).join('\n');
        Object.assign(old, { label: node.label, description: node.description, tooltip: node.tooltip, items: node.items, file: node.file, finding: node.finding });
        if (different && !ancestorRendered) changed.push(old);
        rendered ||= different;
      }
      target.parent = parent;
      index.set(target.id, target);
      target.children = this.adopt(node.children, target, index, changed, rendered);
      return target;
    });
  }

  private updateView(): void {
    const visible = this.results.visible().length;
    const filter = this.results.changeFilter;
    const changedOnly = this.results.changedOnly;
    this.view.badge = visible ? { value: visible, tooltip: `${visible} finding${visible === 1 ? '' : 's'} of personal data without declared retention` } : undefined;
    this.view.description = changedOnly && filter ? `changed since ${filter.ref}` : undefined;
    this.view.message = changedOnly && filter ? `Findings on lines changed since ${filter.ref}: ${visible} of ${this.results.total}.` : undefined;
    void vscode.commands.executeCommand('setContext', 'privacyReview.hasScanned', this.results.hasScanned);
    void vscode.commands.executeCommand('setContext', 'privacyReview.changedOnly', changedOnly);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Menus key off this: every node can be copied; a finding can be suppressed; some can take @retention. */
export function contextValue(node: FindingNode): string {
  if (node.kind !== 'finding' || !node.finding) return 'privacyReview.group';
  const finding = node.finding;
  const declarable = Boolean(finding.sinkKind && finding.ruleId !== 'forbidden-sink' && (finding.source?.declaration?.anchor || finding.functionAnchor));
  return `privacyReview.finding${declarable ? '.declarable' : ''}`;
}

function signature(node: FindingNode): string {
  const finding = node.finding;
  return JSON.stringify([node.label, node.description, node.tooltip, contextValue(node), finding?.span, finding?.severity, finding?.related.length]);
}
