import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, cleanUp, describeDiagnostic, diagnosticsWhen, open, writeFixture } from './helpers';
import { ids, mustFind, nodeAt, profileUri, removeEmptyFixtureDirectories, snapshot } from './reviewHelpers';

const PROFILE = 'games/src/review/profile.ts';

suite('workspace scan', () => {
  suiteTeardown(() => removeEmptyFixtureDirectories('games', 'src/bulk', 'src/closed'));
  teardown(cleanUp);

  test('Scan Workspace fills the Personal Data tree: category → sink kind → file → finding, with counts', async () => {
    const summary = await (await api()).scanWorkspace();
    assert.equal(summary.cancelled, false);
    assert.equal(summary.error, undefined);
    assert.ok(summary.filesScanned >= 4 && summary.filesScanned === summary.filesTotal - summary.skipped, JSON.stringify(summary));
    const tree = await snapshot();

    const email = mustFind(tree, 'Email address');
    assert.match(email.description, /^\d+ findings?$/);
    const emailLogs = mustFind(tree, 'Email address', 'Logs');
    assert.deepEqual(
      emailLogs.children.filter((file) => ['profile.ts', 'checkout.ts'].includes(file.label)).map((file) => [file.label, file.description]),
      [
        ['checkout.ts', 'shop/src · 1'],
        ['profile.ts', 'games/src/review · 1'],
      ],
    );
    const emailFinding = mustFind(tree, 'Email address', 'Logs', PROFILE).children;
    assert.deepEqual(emailFinding.map((finding) => [finding.label, finding.description]), [['user.email → console.log', 'line 6']]);
    assert.deepEqual(mustFind(tree, 'Email address', 'Logs', 'shop/src/checkout.ts').children.map((finding) => finding.label), ['customer.email → logger.info']);

    assert.deepEqual(mustFind(tree, 'Phone number', 'Storage', PROFILE).children.map((finding) => [finding.label, finding.description]), [['user.phone → prisma.profile.create', 'line 7']]);
    assert.deepEqual(mustFind(tree, 'IP address', 'Storage', PROFILE).children.map((finding) => [finding.label, finding.description]), [['req.ip → localStorage.setItem', 'line 8']]);
    // Covered flows are not findings: the @retention comment above line 10, the shop catalog's IP policy.
    assert.equal(nodeAt(tree, 'Phone number', 'Logs', PROFILE), undefined);
    assert.equal(nodeAt(tree, 'IP address', 'Logs', 'shop/src/checkout.ts'), undefined);

    // Counts add up at every level, and the total matches the summary and the leaves.
    const leaves = ids(tree).filter((id) => id.includes('/finding:'));
    assert.equal(leaves.length, summary.findings);
    for (const category of tree) {
      const below = ids([category]).filter((id) => id.includes('/finding:')).length;
      assert.equal(category.description, `${below} finding${below === 1 ? '' : 's'}`, category.label);
    }
  });

  test('a closed file gets Problems entries from the scan; opening it hands over to the live validator', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/closed/profile-copy.ts', fs.readFileSync(profileUri().fsPath, 'utf8'));
    await extension.scanWorkspace();
    const expected = [
      '6:personal-data-logged:user.email (Email address) is logged by console.log with no declared retention.',
      '7:personal-data-stored:user.phone (Phone number) is stored by prisma.profile.create with no declared retention.',
      '8:personal-data-stored:req.ip (IP address) is stored by localStorage.setItem with no declared retention.',
    ];
    assert.deepEqual(extension.scanDiagnostics(uri).map(describeDiagnostic), expected);
    assert.deepEqual((await diagnosticsWhen(uri, (list) => list.length === 3, 'the scan diagnostics')).map(describeDiagnostic), expected);

    await open(uri);
    // Once open, the file's diagnostics are the validator's: the same three, never six.
    await diagnosticsWhen(uri, () => extension.scanDiagnostics(uri).length === 0 && extension.lastResult(vscode.window.activeTextEditor!.document) !== undefined, 'the live validator to take over');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Privacy Review').map(describeDiagnostic), expected);
  });

  test('cancelling stops the scan between files and keeps the previous results', async () => {
    const extension = await api();
    for (let index = 0; index < 12; index++) writeFixture('games', `src/bulk/cancel-${index}.ts`, `export function f${index}(email: string) {\n  console.log(email);\n}\n`);
    const before = await extension.scanWorkspace();
    const treeBefore = await snapshot();
    const statusBefore = extension.statusBarText();
    const source = new vscode.CancellationTokenSource();
    const cancelled = await extension.scanWorkspace({
      token: source.token,
      onProgress: (done) => {
        if (done === 1) source.cancel();
      },
    });
    assert.equal(cancelled.cancelled, true);
    assert.equal(cancelled.filesScanned, 1, 'no file is analysed after the cancellation');
    assert.ok(cancelled.filesTotal >= 12);
    assert.equal(cancelled.findings, before.findings, 'the previous results stay');
    assert.deepEqual(await snapshot(), treeBefore);
    assert.equal(extension.statusBarText(), statusBefore);
  });

  test('the scan yields to the event loop between slices, so the extension host stays responsive', async () => {
    const extension = await api();
    for (let index = 0; index < 40; index++) writeFixture('games', `src/bulk/yield-${index}.ts`, `export function g${index}(user: { phone: string }) {\n  console.log(user.phone);\n}\n`);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      const summary = await extension.scanWorkspace({ sliceMs: 2 });
      assert.ok(summary.yields > 1, `yielded ${summary.yields} times`);
    } finally {
      clearInterval(ticker);
    }
    assert.ok(ticks > 0, 'timers ran while the scan was going on');
  });

  test('the status bar item shows the total and scans on click', async () => {
    const extension = await api();
    const summary = await vscode.commands.executeCommand<{ findings: number }>('privacyReview.scanWorkspace');
    assert.equal(extension.statusBarText(), `$(shield) Privacy: ${summary.findings} finding${summary.findings === 1 ? '' : 's'}`);
    const uri = writeFixture('games', 'src/bulk/status.ts', 'export function h(email: string) {\n  console.log(email);\n}\n');
    const again = await vscode.commands.executeCommand<{ findings: number }>('privacyReview.scanWorkspace');
    assert.equal(again.findings, summary.findings + 1);
    assert.equal(extension.statusBarText(), `$(shield) Privacy: ${again.findings} findings`);
    assert.ok(extension.scanDiagnostics(uri).length === 1);
  });

  test('a multi-root workspace scans every folder with its own catalog', async () => {
    const code = 'export function seen(req: { ip: string }) {\n  console.log(req.ip);\n}\n';
    writeFixture('shop', 'src/multi-scan.ts', code);
    writeFixture('games', 'src/multi-scan.ts', code);
    await (await api()).scanWorkspace();
    const tree = await snapshot();
    assert.ok(nodeAt(tree, 'IP address', 'Logs', 'games/src/multi-scan.ts'), 'games has no catalog: reported');
    assert.equal(nodeAt(tree, 'IP address', 'Logs', 'shop/src/multi-scan.ts'), undefined, 'shop declares P30D for IPs in logs');
  });
});
