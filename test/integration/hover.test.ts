import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, cleanUp, diagnosticsWhen, open, writeFixture } from './helpers';

suite('hover', () => {
  teardown(cleanUp);

  test('explains category, fideslang key, why, flow and missing retention', async () => {
    const uri = writeFixture('games', 'src/hover.ts', 'export function f(req: { ip: string }) {\n  const addr = req.ip;\n  console.log(addr);\n}\n');
    const editor = await open(uri);
    await (await api()).analyze(editor.document);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 4));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /IP address/);
    assert.match(text, /user\.device\.ip_address/);
    assert.match(text, /Why personal:.*req\.ip/);
    assert.match(text, /Flow:.*`req\.ip` → `addr` → `console\.log`/);
    assert.match(text, /Retention:\*\* none declared/);
  });

  test('no hover where nothing is flagged', async () => {
    const uri = writeFixture('games', 'src/quiet.ts', 'export const total = 1 + 2;\n');
    const editor = await open(uri);
    await (await api()).analyze(editor.document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 14));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))).join('\n');
    assert.doesNotMatch(text, /Privacy Review/);
  });
});
