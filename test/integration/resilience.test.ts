// Hardening in the real extension host: an engine exception for one file is logged and shown once
// as a notification with "Show Log", and the other files keep their diagnostics; nothing a
// workspace holds (a catalog path, settings, file names) makes the extension run code.
//
// The engine throws for a file whose path ends with PRIVACY_REVIEW_TEST_FAIL_ON (src/core/faultInjection.ts).
// The suite sets it when the harness did not; an analysis worker started before that sees it only
// if it shares the host's environment, so CI sets it for the whole run:
//   PRIVACY_REVIEW_TEST_FAIL_ON=engine-failure-probe.ts node scripts/vscode-host/run-tests.mjs …
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FailureReport } from '../../src/extension/log';
import { api, cleanUp, diagnosticsWhen, folder, open, writeFixture } from './helpers';

const FAIL_ON_VARIABLE = 'PRIVACY_REVIEW_TEST_FAIL_ON';
const PROBE = 'engine-failure-probe.ts';

function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 25);
    };
    check();
  });
}

suite('resilience', () => {
  teardown(cleanUp);

  test('an engine exception for one file: logged, one notification with "Show Log", other files still analysed', async () => {
    const saved = process.env[FAIL_ON_VARIABLE];
    const setHere = saved === undefined;
    process.env[FAIL_ON_VARIABLE] ??= PROBE;
    const failOn = process.env[FAIL_ON_VARIABLE]!;
    const privacy = await api();
    const reports: FailureReport[] = [];
    const subscription = privacy.onDidReportFailure((report) => reports.push(report));
    try {
      const probe = writeFixture('games', `src/${path.basename(failOn)}`, 'export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
      const probeDocument = (await open(probe)).document;
      await until(
        () => reports.some((report) => report.what.includes(path.basename(failOn))),
        `a failure report for ${failOn}${setHere ? ` (${FAIL_ON_VARIABLE} was set by this test; an analysis worker started earlier has its own copy of the environment: set it for the whole run)` : ''}`,
      );

      const other = writeFixture('games', 'src/still-analysed.ts', 'export function g(email: string) {\n  console.log(email);\n}\n');
      await open(other);
      await diagnosticsWhen(other, (list) => list.length === 1, 'the other file to be analysed');

      // The probe fails again on every edit: logged each time, never a second notification.
      const before = reports.length;
      const probeEditor = await vscode.window.showTextDocument(probeDocument);
      await probeEditor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// edited\n'));
      await until(() => reports.length > before, 'the second failure');

      const notified = reports.filter((report) => report.notification);
      assert.equal(notified.length, 1, `expected one notification for the probe; none means an earlier, unexpected engine failure in this run already showed it (see the Privacy Review log): ${JSON.stringify(reports)}`);
      assert.match(notified[0].notification!.message, new RegExp(`^Privacy Review: analysing .*${path.basename(failOn).replace('.', '\\.')} failed; other files are still analysed\\.$`));
      assert.deepEqual(notified[0].notification!.actions, ['Show Log']);
      await vscode.commands.executeCommand('privacyReview.showOutput');

      // And the other file is still analysed after the failures: a new finding appears.
      const otherEditor = await open(other);
      await otherEditor.edit((edit) => edit.insert(new vscode.Position(2, 0), '  console.log(phoneNumber);\n'));
      await diagnosticsWhen(other, (list) => list.length === 2, 'the new finding in the other file');
    } finally {
      subscription.dispose();
      if (saved === undefined) delete process.env[FAIL_ON_VARIABLE];
      else process.env[FAIL_ON_VARIABLE] = saved;
    }
  });

  test('nothing in the workspace is run: a catalog path to a script, settings holding code, hostile file names', async () => {
    const games = folder('games');
    const marker = path.join(games.uri.fsPath, 'PWNED');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { version: 1 };\n`;
    writeFixture('games', 'evil-catalog.js', script);
    writeFixture('games', 'src/$(touch PWNED).ts', "export const f = (req) => console.log(req.ip);\n");
    const uri = writeFixture('games', 'src/runs-nothing.ts', 'export function f(email: string) {\n  console.log(email);\n}\n');
    const config = vscode.workspace.getConfiguration('privacyReview', games.uri);
    try {
      await config.update('catalogPath', 'evil-catalog.js', vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('sanitizers', ["require('child_process').execSync('touch PWNED')", '${process.exit(1)}'], vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('loggerNames', ['eval', 'constructor.constructor("return process")().exit'], vscode.ConfigurationTarget.WorkspaceFolder);
      await open(uri);
      // The .js "catalog" is read as JSONC and reported as broken; the finding stays (built-in behaviour).
      await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding under the broken catalog');
      await vscode.commands.executeCommand('privacyReview.scanWorkspace');
      assert.ok(!fs.existsSync(marker), 'something in the workspace was run');
    } finally {
      await config.update('catalogPath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('sanitizers', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('loggerNames', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      fs.rmSync(marker, { force: true });
    }
  });
});

suite('restricted mode (run with --workspace-trust; skipped in a trusted window)', () => {
  teardown(cleanUp);

  test('the extension is active and analyses, in an untrusted workspace', async function () {
    if (vscode.workspace.isTrusted) return this.skip();
    const extension = vscode.extensions.getExtension('privacy-review.privacy-review');
    assert.ok(extension);
    const privacy = await api();
    assert.ok(extension.isActive);
    assert.deepEqual((extension.packageJSON as { capabilities: { untrustedWorkspaces: { supported: unknown } } }).capabilities.untrustedWorkspaces.supported, true);
    const uri = writeFixture('games', 'src/restricted.ts', 'export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
    await open(uri);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'a diagnostic in restricted mode');
    // The shop folder's catalog is read in restricted mode too: its policy covers the same code there.
    const inShop = writeFixture('shop', 'src/restricted.ts', 'export function f(req: { ip: string }) {\n  console.log(req.ip);\n}\n');
    assert.deepEqual(await privacy.analyze(await vscode.workspace.openTextDocument(inShop)), []);
  });
});
