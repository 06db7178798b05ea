// The Personal Data tree as plain nodes: category → sink kind → file → finding, each with an id
// that depends on what it is, not where it is, so a re-scan or an edit above a finding keeps it.
import * as path from 'node:path';
import { categoryInfo } from '../core/categories';
import type { Finding } from '../core';
import type { ScannedFinding } from './scanResults';
import type { ScannedFile } from './workspaceScan';

export type NodeKind = 'category' | 'sink' | 'file' | 'finding';

export interface FindingNode {
  readonly id: string;
  readonly kind: NodeKind;
  parent: FindingNode | undefined;
  children: FindingNode[];
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  /** Every finding at or below this node. */
  items: ScannedFinding[];
  /** Set on file and finding nodes. */
  file?: ScannedFile;
  /** Set on finding nodes. */
  finding?: Finding;
}

export const OTHER_CATEGORY = '~other';
const SINK_ORDER = ['log', 'storage', 'third-party'];
export const SINK_LABELS: Record<string, string> = { log: 'Logs', storage: 'Storage', 'third-party': 'Third parties' };

export function categoryKey(finding: Finding): string {
  return finding.category ?? OTHER_CATEGORY;
}

/** The sink kind, or the rule id for findings that have none (suppressions, retention values). */
export function sinkKey(finding: Finding): string {
  return finding.sinkKind ?? finding.ruleId;
}

export function categoryLabel(category: string): string {
  return category === OTHER_CATEGORY ? 'Other findings' : (categoryInfo(category)?.label ?? category);
}

export function sinkLabel(sink: string): string {
  return SINK_LABELS[sink] ?? sink;
}

/** How a file is named in the tree: with its folder's name when several folders are open. */
export function displayPath(file: ScannedFile, multiRoot: boolean): string {
  return multiRoot ? `${file.folder.name}/${file.relativePath}` : file.relativePath;
}

export function buildNodes(items: readonly ScannedFinding[], multiRoot: boolean): FindingNode[] {
  const roots = new Map<string, FindingNode>();
  const node = (id: string, kind: NodeKind, parent: FindingNode | undefined, siblings: Map<string, FindingNode>, key: string) => {
    let found = siblings.get(key);
    if (!found) {
      found = { id, kind, parent, children: [], label: '', description: '', tooltip: '', items: [] };
      siblings.set(key, found);
    }
    return found;
  };
  const childMaps = new Map<FindingNode, Map<string, FindingNode>>();
  const childrenOf = (parent: FindingNode) => {
    let map = childMaps.get(parent);
    if (!map) childMaps.set(parent, (map = new Map()));
    return map;
  };
  const occurrences = new Map<string, number>();

  for (const item of items) {
    const { file, finding } = item;
    const category = categoryKey(finding);
    const sink = sinkKey(finding);
    const categoryNode = node(`category:${category}`, 'category', undefined, roots, category);
    const sinkNode = node(`${categoryNode.id}/sink:${sink}`, 'sink', categoryNode, childrenOf(categoryNode), sink);
    const fileNode = node(`${sinkNode.id}/file:${file.uri.toString()}`, 'file', sinkNode, childrenOf(sinkNode), file.uri.toString());
    fileNode.file = file;
    // Line-independent: what flows where, and which occurrence of that in the file.
    const identity = `${finding.ruleId}|${finding.sink ?? ''}|${finding.source?.text ?? finding.message}`;
    const occurrenceKey = `${fileNode.id}|${identity}`;
    const occurrence = (occurrences.get(occurrenceKey) ?? 0) + 1;
    occurrences.set(occurrenceKey, occurrence);
    const findingNode = node(`${fileNode.id}/finding:${identity}#${occurrence}`, 'finding', fileNode, childrenOf(fileNode), `${identity}#${occurrence}`);
    findingNode.file = file;
    findingNode.finding = finding;
    for (const holder of [categoryNode, sinkNode, fileNode, findingNode]) holder.items.push(item);
  }

  const finish = (list: Map<string, FindingNode>, compare: (a: FindingNode, b: FindingNode) => number): FindingNode[] => {
    for (const child of list.values()) describe(child, multiRoot);
    const sorted = [...list.values()].sort(compare);
    for (const child of sorted) child.children = finish(childMaps.get(child) ?? new Map(), orderFor(child.kind));
    return sorted;
  };
  return finish(roots, orderFor(undefined));
}

function orderFor(parentKind: NodeKind | undefined): (a: FindingNode, b: FindingNode) => number {
  switch (parentKind) {
    case undefined: // categories by name, "Other findings" last
      return (a, b) => Number(a.id === `category:${OTHER_CATEGORY}`) - Number(b.id === `category:${OTHER_CATEGORY}`) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
    case 'category':
      return (a, b) => rank(sinkKey(a.items[0].finding)) - rank(sinkKey(b.items[0].finding)) || a.id.localeCompare(b.id);
    case 'sink':
      return (a, b) => a.items[0].file.folder.index - b.items[0].file.folder.index || a.items[0].file.relativePath.localeCompare(b.items[0].file.relativePath);
    default:
      return (a, b) => a.finding!.span.start.line - b.finding!.span.start.line || a.finding!.span.start.column - b.finding!.span.start.column || a.id.localeCompare(b.id);
  }
}

function rank(sink: string): number {
  const index = SINK_ORDER.indexOf(sink);
  return index < 0 ? SINK_ORDER.length : index;
}

function count(n: number): string {
  return `${n} finding${n === 1 ? '' : 's'}`;
}

function describe(node: FindingNode, multiRoot: boolean): void {
  const first = node.items[0];
  switch (node.kind) {
    case 'category': {
      const category = categoryKey(first.finding);
      const info = categoryInfo(category);
      node.label = categoryLabel(category);
      node.description = count(node.items.length);
      node.tooltip = `**${node.label}**${info ? ` (\`${info.fideslang}\`)` : ''}: ${count(node.items.length)}`;
      break;
    }
    case 'sink': {
      node.label = sinkLabel(sinkKey(first.finding));
      node.description = count(node.items.length);
      node.tooltip = `${categoryLabel(categoryKey(first.finding))} in ${node.label.toLowerCase()}: ${count(node.items.length)}`;
      break;
    }
    case 'file': {
      const shown = displayPath(first.file, multiRoot);
      const directory = path.posix.dirname(shown);
      node.label = path.posix.basename(shown);
      node.description = `${directory === '.' ? '' : `${directory} · `}${node.items.length}`;
      node.tooltip = `${shown}: ${count(node.items.length)}`;
      break;
    }
    case 'finding': {
      const finding = node.finding!;
      node.label = finding.source && finding.sink ? `${finding.source.text} → ${finding.sink}` : finding.message;
      node.description = `line ${finding.span.start.line}`;
      node.tooltip = finding.message;
      break;
    }
  }
}
