import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, cleanUp, diagnosticsWhen, folder, open, ruleOf, writeFixture } from './helpers';

suite('catalog and settings', () => {
  teardown(cleanUp);

  test('multi-root: each folder uses its own catalog', async () => {
    const code = 'export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n';
    const inShop = writeFixture('shop', 'src/multi.ts', code);
    const inGames = writeFixture('games', 'src/multi.ts', code);
    const extension = await api();
    assert.deepEqual(await extension.analyze(await vscode.workspace.openTextDocument(inShop)), [], 'shop declares P30D for IPs in logs');
    const gamesFindings = await extension.analyze(await vscode.workspace.openTextDocument(inGames));
    assert.deepEqual(gamesFindings.map((finding) => [finding.ruleId, finding.category]), [['personal-data-logged', 'ip_address']]);
  });

  test('editing the catalog re-validates open files; a broken catalog is reported in the catalog', async () => {
    const catalog = vscode.Uri.joinPath(folder('games').uri, 'privacy-catalog.json');
    const uri = writeFixture('games', 'src/cat.ts', 'export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
    await open(uri);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'the uncovered finding');
    try {
      fs.writeFileSync(catalog.fsPath, '{ "version": 1, "policies": [{ "category": "ip_address", "sink": "*", "retention": "P7D" }] }\n');
      await diagnosticsWhen(uri, (list) => list.length === 0, 'the catalog policy to apply');
      fs.writeFileSync(catalog.fsPath, '{ "version": 1, "policies": [{ "category": "ip_address", "sink": "disk", "retention": "P7D" }] }\n');
      // The watcher may first see the file half written; wait for the problem of the whole file.
      const problems = await diagnosticsWhen(catalog, (list) => list.some((d) => d.message.includes('policies[0].sink')), 'the catalog problem');
      assert.match(problems[0].message, /policies\[0\]\.sink: "sink" must be one of log, storage, third-party/);
      assert.equal(problems[0].range.start.line, 0);
      await diagnosticsWhen(uri, (list) => list.length === 1, 'built-in behaviour while the catalog is broken');
    } finally {
      fs.rmSync(catalog.fsPath, { force: true });
    }
  });

  test('a severity setting takes effect, and enable=false clears diagnostics', async () => {
    const uri = writeFixture('games', 'src/settings.ts', 'export function f(email: string) {\n  console.log(email);\n}\n');
    await open(uri);
    const before = await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding');
    assert.equal(before[0].severity, vscode.DiagnosticSeverity.Warning);
    const config = vscode.workspace.getConfiguration('privacyReview', folder('games').uri);
    try {
      await config.update('severity', { 'personal-data-logged': 'error' }, vscode.ConfigurationTarget.WorkspaceFolder);
      const raised = await diagnosticsWhen(uri, (list) => list[0]?.severity === vscode.DiagnosticSeverity.Error, 'the error severity');
      assert.equal(ruleOf(raised[0]), 'personal-data-logged');
      await config.update('enable', false, vscode.ConfigurationTarget.WorkspaceFolder);
      await diagnosticsWhen(uri, (list) => list.length === 0, 'diagnostics to be cleared');
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('enable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
