// Shared by the integration suites: the extension's API, fixture files, waiting for validation.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PrivacyReviewApi } from '../../src/extension/main';

export const EXTENSION_ID = 'privacy-review.privacy-review';

export async function api(): Promise<PrivacyReviewApi> {
  const extension = vscode.extensions.getExtension<PrivacyReviewApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.isActive ? extension.exports : extension.activate();
}

export function folder(name: 'shop' | 'games'): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(found, `workspace folder ${name} is not open`);
  return found;
}

/** Writes a fresh file into a workspace folder; returns its uri. Removed by `cleanUp`. */
const created: string[] = [];
export function writeFixture(folderName: 'shop' | 'games', relative: string, text: string): vscode.Uri {
  const file = path.join(folder(folderName).uri.fsPath, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  created.push(file);
  return vscode.Uri.file(file);
}

export async function cleanUp(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  while (created.length) fs.rmSync(created.pop()!, { force: true });
}

/** Resolves with the Privacy Review diagnostics once `predicate` holds for them (or fails after a while). */
export async function diagnosticsWhen(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Privacy Review');
  if (predicate(ours())) return ours();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(ours().map(describeDiagnostic))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!predicate(ours())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ours());
    });
  });
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${diagnostic.range.start.line + 1}:${code}:${diagnostic.message}`;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}
