// Shared by the workspace-review suites: reading the Personal Data tree through the test API.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeRefresh, TreeSnapshot } from '../../src/extension/findingsTree';
import type { FindingNode } from '../../src/extension/findingNodes';
import { api, folder } from './helpers';

/** The node reached by following labels from the roots; a file is named by its workspace path ("games/src/x.ts"). */
export function nodeAt(snapshot: TreeSnapshot[], ...labels: string[]): TreeSnapshot | undefined {
  let nodes = snapshot;
  let found: TreeSnapshot | undefined;
  for (const label of labels) {
    found = nodes.find((node) => node.label === label || `${node.description.split(' · ')[0]}/${node.label}` === label);
    if (!found) return undefined;
    nodes = found.children;
  }
  return found;
}

export function mustFind(snapshot: TreeSnapshot[], ...labels: string[]): TreeSnapshot {
  const found = nodeAt(snapshot, ...labels);
  assert.ok(found, `no tree node ${labels.join(' › ')}; tree:\n${render(snapshot)}`);
  return found;
}

export function render(snapshot: TreeSnapshot[], indent = ''): string {
  return snapshot.map((node) => `${indent}${node.label} — ${node.description}\n${render(node.children, `${indent}  `)}`).join('');
}

/** Every id in the tree. */
export function ids(snapshot: TreeSnapshot[]): string[] {
  return snapshot.flatMap((node) => [node.id, ...ids(node.children)]);
}

export async function snapshot(): Promise<TreeSnapshot[]> {
  return (await api()).findingsTree.snapshot();
}

/** The live node object behind a snapshot entry (what a context-menu command receives). */
export async function liveNode(entry: TreeSnapshot): Promise<FindingNode> {
  const node = (await api()).findingsTree.nodeById(entry.id);
  assert.ok(node, `no live node ${entry.id}`);
  return node;
}

/** Collects the tree's refresh events until `stop()`. */
export async function recordRefreshes(): Promise<{ events: TreeRefresh[]; stop(): void }> {
  const events: TreeRefresh[] = [];
  const subscription = (await api()).findingsTree.onDidRefresh((event) => events.push(event));
  return { events, stop: () => subscription.dispose() };
}

/** Resolves with the tree once `predicate` holds for it, checking after every refresh. */
export async function treeWhen(predicate: (tree: TreeSnapshot[]) => boolean, what: string, timeoutMs = 10_000): Promise<TreeSnapshot[]> {
  const tree = (await api()).findingsTree;
  if (predicate(tree.snapshot())) return tree.snapshot();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; tree:\n${render(tree.snapshot())}`));
    }, timeoutMs);
    const subscription = tree.onDidRefresh(() => {
      if (!predicate(tree.snapshot())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tree.snapshot());
    });
  });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Privacy Review Tests', '-c', 'user.email=tests@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Whether a workspace folder lies inside some git work tree (it does when the tests run on the repository itself). */
export function insideGitRepository(name: 'shop' | 'games'): boolean {
  try {
    return git(folder(name).uri.fsPath, 'rev-parse', '--is-inside-work-tree').trim() === 'true';
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function profileUri(): vscode.Uri {
  return vscode.Uri.joinPath(folder('games').uri, 'src/review/profile.ts');
}

/** Removes folders a suite's fixtures were written into, once `cleanUp` has emptied them. */
export function removeEmptyFixtureDirectories(name: 'shop' | 'games', ...relatives: string[]): void {
  for (const relative of relatives) {
    try {
      fs.rmdirSync(path.join(folder(name).uri.fsPath, relative));
    } catch {
      // not empty, or already gone
    }
  }
}
