// Commands behind the quick fixes: they ask what only the user can say (a duration, a reason),
// then apply one edit.
import * as vscode from 'vscode';
import { catalogWithPolicy, insertTagEdit, RETENTION_CHOICES, suppressionEdit, wrapEdit } from './edits';
import { COMMAND_ADD_POLICY, COMMAND_DECLARE_RETENTION, COMMAND_SUPPRESS, COMMAND_WRAP, type AddPolicyArgs, type DeclareRetentionArgs, type SuppressArgs } from './codeActions';
import type { Catalogs } from './catalogs';
import { isValidRetention } from '../core/retention/duration';
import { log } from './log';
import { readSettings } from './settings';

export function registerCommands(catalogs: Catalogs): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMAND_DECLARE_RETENTION, async (args: DeclareRetentionArgs) => {
      const retention = args.retention ?? (await pickRetention(`How long is ${args.target} kept?`));
      if (!retention) return false;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      return vscode.workspace.applyEdit(insertTagEdit(document, args.anchor, `@retention ${retention}`));
    }),
    vscode.commands.registerCommand(COMMAND_ADD_POLICY, async (args: AddPolicyArgs) => {
      const uri = vscode.Uri.parse(args.uri);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) {
        void vscode.window.showWarningMessage('Privacy Review: a catalog policy needs the file to be in a workspace folder.');
        return false;
      }
      const retention = args.retention ?? (await pickRetention(`How long may ${args.category} be kept in ${args.sink} sinks?`, true));
      if (!retention) return false;
      const reason = args.reason ?? (await vscode.window.showInputBox({ prompt: 'Why? (the legal basis or business need)', value: '' })) ?? '';
      const catalogUri = catalogs.catalogUriFor(folder);
      let existing: string | undefined;
      try {
        existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalogUri));
      } catch {
        existing = undefined;
      }
      const updated = catalogWithPolicy(existing, { category: args.category, sink: args.sink, retention, reason });
      const edit = new vscode.WorkspaceEdit();
      if (existing === undefined) {
        edit.createFile(catalogUri, { ignoreIfExists: true });
        edit.insert(catalogUri, new vscode.Position(0, 0), updated);
      } else {
        const document = await vscode.workspace.openTextDocument(catalogUri);
        edit.replace(catalogUri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), updated);
      }
      const applied = await vscode.workspace.applyEdit(edit);
      if (applied) await (await vscode.workspace.openTextDocument(catalogUri)).save();
      log().info(`added catalog policy (${args.category}, ${args.sink}, ${retention}) to ${catalogUri.fsPath}`);
      return applied;
    }),
    vscode.commands.registerCommand(COMMAND_SUPPRESS, async (args: SuppressArgs) => {
      const reason = args.reason ?? (await vscode.window.showInputBox({ prompt: `Why is ${args.ruleId} acceptable here?`, validateInput: (value) => (value.trim() ? undefined : 'A suppression needs a reason.') }));
      if (!reason?.trim()) return false;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      return vscode.workspace.applyEdit(suppressionEdit(document, args.line, args.ruleId, reason));
    }),
    vscode.commands.registerCommand(COMMAND_WRAP, async (args: { uri: string; range: [number, number, number, number] }) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      const sanitizer = readSettings(document.uri).quickFixSanitizer;
      if (!sanitizer) return false;
      return vscode.workspace.applyEdit(wrapEdit(document, new vscode.Range(...args.range), sanitizer));
    }),
    vscode.commands.registerCommand('privacyReview.showOutput', () => log().show()),
  ];
}

async function pickRetention(title: string, allowForbidden = false): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = [
    ...RETENTION_CHOICES.map((value) => ({ label: value, description: describe(value) })),
    ...(allowForbidden ? [{ label: 'forbidden', description: 'this data must never go there' }] : []),
    { label: 'Other…', description: 'an ISO-8601 duration such as P7D or PT12H' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Retention' });
  if (!picked) return undefined;
  if (picked.label !== 'Other…') return picked.label;
  return vscode.window.showInputBox({ title, prompt: 'ISO-8601 duration, session or indefinite', validateInput: (value) => (isValidRetention(value.trim()) ? undefined : 'Not an ISO-8601 duration (P30D), session or indefinite') });
}

function describe(value: string): string {
  return { P30D: '30 days', P90D: '90 days', P1Y: 'one year', session: 'until the session ends' }[value] ?? '';
}
