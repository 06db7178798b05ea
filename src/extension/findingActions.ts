// What a reviewer does with a finding in the Personal Data view: go to it, declare its retention,
// suppress it with a reason (both through the quick-fix commands), copy it as Markdown for a PR.
import * as vscode from 'vscode';
import { categoryInfo } from '../core/categories';
import type { Finding } from '../core';
import { COMMAND_DECLARE_RETENTION, COMMAND_SUPPRESS, type DeclareRetentionArgs, type SuppressArgs } from './codeActions';
import { spanRange } from './diagnostics';
import { categoryLabel, displayPath, sinkLabel, type FindingNode } from './findingNodes';
import { COMMAND_REVEAL } from './findingsTree';
import type { ScannedFinding } from './scanResults';
import type { ScannedFile } from './workspaceScan';

export const COMMAND_TREE_DECLARE = 'privacyReview.findings.declareRetention';
export const COMMAND_TREE_SUPPRESS = 'privacyReview.findings.suppress';
export const COMMAND_COPY_MARKDOWN = 'privacyReview.findings.copyMarkdown';

export async function revealFinding(file: ScannedFile, finding: Finding, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const range = spanRange(finding.span);
  const editor = await vscode.window.showTextDocument(file.uri, { selection: new vscode.Range(range.start, range.start.line === range.end.line ? range.end : range.start), preview: true, viewColumn });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The arguments of the quick fix that puts `@retention` on the data's declaration, else on the enclosing function. */
export function declareRetentionArgs(file: ScannedFile, finding: Finding): DeclareRetentionArgs | undefined {
  const declaration = finding.source?.declaration;
  const uri = file.uri.toString();
  if (declaration?.anchor) return { uri, anchor: declaration.anchor, target: declaration.name };
  if (finding.functionAnchor) return { uri, anchor: finding.functionAnchor.position, target: `function ${finding.functionAnchor.name}` };
  return undefined;
}

export function suppressArgs(file: ScannedFile, finding: Finding): SuppressArgs {
  return { uri: file.uri.toString(), line: finding.span.start.line, ruleId: finding.ruleId };
}

export function registerFindingActions(multiRoot: () => boolean): vscode.Disposable[] {
  const findingOf = (node: FindingNode | undefined) => (node?.kind === 'finding' && node.file && node.finding ? { file: node.file, finding: node.finding } : undefined);
  return [
    vscode.commands.registerCommand(COMMAND_REVEAL, async (node: FindingNode) => {
      const target = findingOf(node);
      if (target) await revealFinding(target.file, target.finding);
    }),
    // The edits land in an editor the reviewer sees, so they can check and save them.
    vscode.commands.registerCommand(COMMAND_TREE_DECLARE, async (node: FindingNode, answer?: { retention?: string }) => {
      const target = findingOf(node);
      const args = target && declareRetentionArgs(target.file, target.finding);
      if (!target || !args) return false;
      await revealFinding(target.file, target.finding);
      return vscode.commands.executeCommand<boolean>(COMMAND_DECLARE_RETENTION, { ...args, ...answer });
    }),
    vscode.commands.registerCommand(COMMAND_TREE_SUPPRESS, async (node: FindingNode, answer?: { reason?: string }) => {
      const target = findingOf(node);
      if (!target) return false;
      await revealFinding(target.file, target.finding);
      return vscode.commands.executeCommand<boolean>(COMMAND_SUPPRESS, { ...suppressArgs(target.file, target.finding), ...answer });
    }),
    vscode.commands.registerCommand(COMMAND_COPY_MARKDOWN, async (node: FindingNode) => {
      if (!node) return undefined;
      const markdown = findingsMarkdown(headingFor(node), node.items, multiRoot());
      await vscode.env.clipboard.writeText(markdown);
      return markdown;
    }),
  ];
}

function headingFor(node: FindingNode): string {
  const first = node.items[0]?.finding;
  if (!first) return 'Privacy Review';
  switch (node.kind) {
    case 'category':
      return categoryLabel(first.category ?? '~other');
    case 'sink':
      return `${categoryLabel(first.category ?? '~other')} in ${sinkLabel(first.sinkKind ?? first.ruleId).toLowerCase()}`;
    default:
      return `${categoryLabel(first.category ?? '~other')} in ${sinkLabel(first.sinkKind ?? first.ruleId).toLowerCase()}: ${node.items[0].file.relativePath}`;
  }
}

/** A heading and a table, ready for a pull-request comment. */
export function findingsMarkdown(heading: string, items: readonly ScannedFinding[], multiRoot: boolean): string {
  const lines = [`**Privacy Review: ${escapeMarkdown(heading)}** (${items.length} finding${items.length === 1 ? '' : 's'})`, '', '| Where | Data | Category | Sink | Rule |', '| --- | --- | --- | --- | --- |'];
  for (const { file, finding } of items) {
    const info = finding.category ? categoryInfo(finding.category) : undefined;
    const where = `${displayPath(file, multiRoot)}:${finding.span.start.line}`;
    const data = finding.source?.text ?? finding.messageData.data ?? '';
    const category = finding.category ? `${info?.label ?? finding.category}${info ? ` (${code(info.fideslang)})` : ''}` : '';
    const sink = finding.sink ? `${code(finding.sink)} (${finding.sinkKind})` : '';
    lines.push(`| ${code(where)} | ${data ? code(data) : ''} | ${escapeMarkdown(category, true)} | ${sink} | ${code(finding.ruleId)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Inline code that survives any content: backticks longer than any run inside, pipes escaped for tables. */
function code(text: string): string {
  const single = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(single.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = single.startsWith('`') || single.endsWith('`') ? ` ${single} ` : single;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

function escapeMarkdown(text: string, keepCode = false): string {
  const escaped = text.replace(/\s+/g, ' ');
  return keepCode ? escaped.replace(/\|/g, '\\|') : escaped.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}
