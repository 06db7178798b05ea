import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, cleanUp, describeDiagnostic, diagnosticsWhen, folder, open, ruleOf, writeFixture } from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(cleanUp);

  test('a fixture file gets a diagnostic on the sink line, with rule link and related flow', async () => {
    const uri = vscode.Uri.joinPath(folder('shop').uri, 'src/checkout.ts');
    await open(uri);
    const diagnostics = await diagnosticsWhen(uri, (list) => list.length > 0, 'checkout.ts findings');
    assert.deepEqual(diagnostics.map(describeDiagnostic), [
      '11:personal-data-logged:customer.email (Email address) is logged by logger.info with no declared retention.',
    ]);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.toString().endsWith('/docs/rules/personal-data-logged.md'));
    assert.equal(diagnostic.range.start.line, 10);
    assert.ok(diagnostic.relatedInformation?.some((related) => related.message.includes('Customer.email is declared here')));
  });

  test('an edit updates the diagnostics, and undoing it clears them', async () => {
    const uri = writeFixture('games', 'src/edit-me.ts', 'export function f(order: { total: number }) {\n  console.log(order.total);\n}\n');
    const editor = await open(uri);
    const extension = await api();
    await extension.analyze(editor.document);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Privacy Review'), []);
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), '  console.log(phoneNumber);\n'));
    const after = await diagnosticsWhen(uri, (list) => list.length === 1, 'the new finding');
    assert.equal(ruleOf(after[0]), 'personal-data-logged');
    assert.equal(after[0].range.start.line, 1);
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhen(uri, (list) => list.length === 0, 'the finding to go away');
  });

  test('a file that does not parse keeps working and throws nothing', async () => {
    const uri = writeFixture('games', 'src/broken.ts', 'export function f(req) {\n  console.log(req.ip\n');
    const editor = await open(uri);
    const findings = await (await api()).analyze(editor.document);
    assert.deepEqual(findings, []);
    assert.ok((await api()).lastResult(editor.document)?.result.parseError);
  });
});
