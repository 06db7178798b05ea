import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, cleanUp, diagnosticsWhen, folder, open, writeFixture } from './helpers';

/** The quick fix titled `title` for the Privacy Review diagnostic on `line` (1-based). */
async function quickFix(uri: vscode.Uri, line: number, title: RegExp): Promise<vscode.CodeAction> {
  const diagnostics = await diagnosticsWhen(uri, (list) => list.some((d) => d.range.start.line === line - 1), `a finding on line ${line}`);
  const diagnostic = diagnostics.find((d) => d.range.start.line === line - 1)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no quick fix ${title}; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return action;
}

/** Applies an action as VS Code would; a command's prompt is answered by `answer` (duration or reason). */
async function apply(action: vscode.CodeAction, answer?: Record<string, string>): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) {
    const [args, ...rest] = action.command.arguments ?? [];
    const result = await vscode.commands.executeCommand(action.command.command, typeof args === 'object' && answer ? { ...args, ...answer } : args, ...rest);
    assert.notEqual(result, false, `${action.command.command} did not apply`);
  }
}

async function fixture(text: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
  const uri = writeFixture('games', `src/fix-${Math.random().toString(36).slice(2)}.ts`, text);
  const editor = await open(uri);
  await (await api()).analyze(editor.document);
  return { uri, document: editor.document };
}

suite('quick fixes', () => {
  teardown(cleanUp);

  test('declare retention on the data declaration', async () => {
    const { uri, document } = await fixture('interface Player {\n  id: string;\n  gamertag: string;\n}\nexport function show(p: Player) {\n  console.log(p.gamertag);\n}\n');
    await apply(await quickFix(uri, 6, /^Declare retention on Player\.gamertag/), { retention: 'P90D' });
    assert.equal(document.getText(), 'interface Player {\n  id: string;\n  /** @retention P90D */\n  gamertag: string;\n}\nexport function show(p: Player) {\n  console.log(p.gamertag);\n}\n');
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the finding to be resolved');
  });

  test('declare retention on the enclosing function', async () => {
    const { uri, document } = await fixture('export function audit(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
    await apply(await quickFix(uri, 2, /^Declare retention on function audit/), { retention: 'P30D' });
    assert.equal(document.getText(), '/** @retention P30D */\nexport function audit(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the finding to be resolved');
  });

  test('mark the declaration @pii none (inline on a parameter)', async () => {
    const { uri, document } = await fixture('export function connect(serverPhone: string) {\n  console.log(serverPhone);\n}\n');
    await apply(await quickFix(uri, 2, /^Mark serverPhone as not personal/));
    assert.equal(document.getText(), 'export function connect(/** @pii none */ serverPhone: string) {\n  console.log(serverPhone);\n}\n');
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the finding to be resolved');
  });

  test('suppress with a reason', async () => {
    const { uri, document } = await fixture('export function f(email: string) {\n  if (email) {\n    console.warn(email);\n  }\n}\n');
    await apply(await quickFix(uri, 3, /^Suppress personal-data-logged/), { reason: 'bounce triage' });
    assert.equal(document.getText(), 'export function f(email: string) {\n  if (email) {\n    // privacy-review-disable-next-line personal-data-logged -- bounce triage\n    console.warn(email);\n  }\n}\n');
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the finding to be suppressed');
  });

  test('add a catalog policy, creating privacy-catalog.json', async () => {
    const catalog = vscode.Uri.joinPath(folder('games').uri, 'privacy-catalog.json');
    fs.rmSync(catalog.fsPath, { force: true });
    try {
      const { uri } = await fixture('export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
      await apply(await quickFix(uri, 2, /^Add a catalog policy for ip_address in log sinks/), { retention: 'P14D', reason: 'abuse review' });
      const written = JSON.parse(fs.readFileSync(catalog.fsPath, 'utf8'));
      assert.deepEqual(written, { version: 1, policies: [{ category: 'ip_address', sink: 'log', retention: 'P14D', reason: 'abuse review' }] });
      await diagnosticsWhen(uri, (list) => list.length === 0, 'the catalog policy to cover the finding');
    } finally {
      fs.rmSync(catalog.fsPath, { force: true });
    }
  });

  test('wrap the value in the configured sanitizer, importing it', async () => {
    const config = vscode.workspace.getConfiguration('privacyReview', folder('games').uri);
    await config.update('quickFix.sanitizerFunction', 'mask', vscode.ConfigurationTarget.WorkspaceFolder);
    await config.update('quickFix.sanitizerImport', '@acme/privacy', vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const { uri, document } = await fixture('export function f(user: { phone: string }) {\n  console.log(user.phone);\n}\n');
      await apply(await quickFix(uri, 2, /^Wrap user\.phone in mask/));
      assert.equal(document.getText(), "import { mask } from '@acme/privacy';\nexport function f(user: { phone: string }) {\n  console.log(mask(user.phone));\n}\n");
      await diagnosticsWhen(uri, (list) => list.length === 0, 'the masked value to pass');
    } finally {
      await config.update('quickFix.sanitizerFunction', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('quickFix.sanitizerImport', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
