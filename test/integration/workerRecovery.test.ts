// A worker that dies (here: terminated) is restarted with its files and settings, the failure is
// logged and shown once, and diagnostics keep coming. Runs after the other suites (file order):
// the notification it shows would hide another suite's.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { FailureReport } from '../../src/extension/log';
import { api, cleanUp, diagnosticsWhen, open, writeFixture } from './helpers';
import { removeEmptyFixtureDirectories } from './reviewHelpers';

suite('analysis worker recovery', () => {
  suiteTeardown(() => removeEmptyFixtureDirectories('games', 'src/recovery'));
  teardown(cleanUp);

  test('a worker that dies is restarted with its files: diagnostics keep coming, the failure is reported once', async () => {
    const extension = await api();
    const reports: FailureReport[] = [];
    const subscription = extension.onDidReportFailure((report) => reports.push(report));
    try {
      const model = writeFixture('games', 'src/recovery/model.ts', 'export interface Member {\n  id: string;\n  phone: string;\n}\n');
      await open(model); // a file created after the folder was indexed joins the index when opened (or scanned)
      const uri = writeFixture('games', 'src/recovery/uses-model.ts', "import { Member } from './model';\nexport function show(m: Member) {\n  console.log(m);\n}\n");
      const editor = await open(uri);
      await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding through the imported type');
      const worker = extension.analysisWorker();
      const before = worker.threadId;
      await worker.terminateForTest();
      // An edit after the death: answered by the new worker, which has model.ts again (the finding needs it).
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '  console.info(m.phone);\n'));
      await diagnosticsWhen(uri, (list) => list.length === 2, 'the findings after the restart', 20_000);
      assert.notEqual(worker.threadId, before);
      assert.equal(reports.filter((report) => report.what === 'the analysis worker').length, 1, JSON.stringify(reports));
    } finally {
      subscription.dispose();
    }
  });
});
