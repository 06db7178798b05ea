// The text edits behind the quick fixes. Each is a plain WorkspaceEdit that keeps the file valid.
import * as vscode from 'vscode';
import { applyEdits, modify } from 'jsonc-parser';
import type { Position } from '../core/types';

export const RETENTION_CHOICES = ['P30D', 'P90D', 'P1Y', 'session'] as const;

/** A JSDoc tag inserted where the engine reads it: its own line above, or inline when code precedes it. */
export function insertTagEdit(document: vscode.TextDocument, anchor: Position, tag: string): vscode.WorkspaceEdit {
  const line = document.lineAt(anchor.line - 1);
  const before = line.text.slice(0, anchor.column);
  const at = new vscode.Position(anchor.line - 1, anchor.column);
  const edit = new vscode.WorkspaceEdit();
  if (before.trim() === '') edit.insert(document.uri, at, `/** ${tag} */\n${before}`);
  else edit.insert(document.uri, at, `/** ${tag} */ `);
  return edit;
}

/** `// privacy-review-disable-next-line <rule> -- <reason>` above the finding's line, same indentation. */
export function suppressionEdit(document: vscode.TextDocument, line: number, ruleId: string, reason: string): vscode.WorkspaceEdit {
  const target = document.lineAt(line - 1);
  const indent = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line - 1, 0), `${indent}// privacy-review-disable-next-line ${ruleId} -- ${reason.replace(/\s+/g, ' ').trim()}\n`);
  return edit;
}

/** Replaces an expression by `sanitizer(expression)`, adding the import when one is configured and missing. */
export function wrapEdit(document: vscode.TextDocument, range: vscode.Range, sanitizer: { function: string; import?: string }): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, `${sanitizer.function}(${document.getText(range)})`);
  const text = document.getText();
  const alreadyImported = new RegExp(`\\b${escapeRegExp(sanitizer.function)}\\b[^\\n]*from\\s+['"]${escapeRegExp(sanitizer.import ?? '')}['"]`).test(text);
  if (sanitizer.import && !alreadyImported) {
    edit.insert(document.uri, new vscode.Position(firstLineAfterDirectives(document), 0), `import { ${sanitizer.function} } from '${sanitizer.import}';\n`);
  }
  return edit;
}

/** The catalog's text with one more policy; a new catalog when there is none. */
export function catalogWithPolicy(existing: string | undefined, policy: { category: string; sink: string; retention: string; reason: string }): string {
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  const base = existing && existing.trim() ? existing : '{\n  "version": 1,\n  "policies": []\n}\n';
  const edits = modify(base, ['policies', -1], policy, { formattingOptions });
  return applyEdits(base, edits);
}

function firstLineAfterDirectives(document: vscode.TextDocument): number {
  let line = 0;
  while (line < document.lineCount && /^\s*(['"]use (strict|client|server)['"];?|#!)/.test(document.lineAt(line).text)) line++;
  return line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
