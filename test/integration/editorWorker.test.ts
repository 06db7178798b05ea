// The editor path in the real extension host: analysis runs in the analysis worker (a worker
// thread of the extension host process), typing in a 3,000-line file holds the extension host
// thread only a few milliseconds per edit, and a scan leaves the index analysed for the files it
// opens next. (A worker that dies: workerRecovery.test.ts, run last, as it shows a notification.)
import { strict as assert } from 'node:assert';
import { threadId } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Validation } from '../../src/extension/validator';
import { api, cleanUp, diagnosticsWhen, open, writeFixture } from './helpers';
import { removeEmptyFixtureDirectories } from './reviewHelpers';

/** A 3,000-line service file: classes with injected loggers and repositories, as in a product. */
function bigService(lines = 3_000): string {
  const parts = [`import { PrismaClient } from '@prisma/client';\n\nconst prisma = new PrismaClient();\n\ninterface Customer {\n  id: string;\n  email: string;\n  phoneNumber: string;\n  postalCode: string;\n}\n`];
  for (let index = 0; parts.join('').split('\n').length < lines; index++) {
    parts.push(
      `\nexport class Service${index} {\n  constructor(private readonly logger: Console) {}\n\n  async register(customer: Customer, req: { ip: string }): Promise<void> {\n    this.logger.info('registered', customer.id);\n    const total = ${index} * 2 + customer.id.length;\n    if (total > 10) {\n      this.logger.debug('large', total);\n    }\n    await prisma.customer.create({ data: { id: customer.id, total } });\n  }\n\n  lookup(id: string): string {\n    return id.trim().toLowerCase();\n  }\n}\n`,
    );
  }
  // One finding at the end, so each edit has diagnostics to produce.
  parts.push(`\nexport function audit(customer: Customer) {\n  console.log(customer.email);\n}\n`);
  return parts.join('');
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

suite('analysis worker', () => {
  suiteTeardown(() => removeEmptyFixtureDirectories('games', 'src/perf'));
  teardown(cleanUp);

  test('files are analysed in a worker thread of the extension host, not on its own thread', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/perf/where.ts', 'export function f(email: string) {\n  console.log(email);\n}\n');
    await open(uri);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding');
    const worker = extension.analysisWorker();
    assert.equal(threadId, 0, 'the tests run on the extension host thread');
    assert.ok(worker.threadId !== undefined && worker.threadId > 0, `analysis worker thread ${worker.threadId}`);
    const stats = await worker.stats();
    assert.ok(Object.keys(stats.indexes).some((key) => key.startsWith('games#')), JSON.stringify(stats.indexes));
  });

  test('typing in a 3,000-line file holds the extension host thread only briefly per edit', async function () {
    this.timeout(120_000);
    const extension = await api();
    const text = bigService();
    const uri = writeFixture('games', 'src/perf/big-service.ts', text);
    const editor = await open(uri);
    const lineCount = editor.document.lineCount;
    assert.ok(lineCount >= 3_000, `${lineCount} lines`);
    await diagnosticsWhen(uri, (list) => list.length >= 1, 'the first analysis of the big file', 60_000);

    // The default debounce (the fixture workspace sets 50 ms to keep other suites quick).
    const settings = vscode.workspace.getConfiguration('privacyReview', uri);
    await settings.update('debounceMs', 300, vscode.ConfigurationTarget.WorkspaceFolder);
    const validations: Validation[] = [];
    const subscription = extension.onDidValidate((validation) => {
      if (validation.uri.toString() === uri.toString()) validations.push(validation);
    });
    try {
      // Bursts of one-character edits 120 ms apart; the validation after each burst's debounce is measured.
      for (let burst = 0; burst < 12; burst++) {
        for (let key = 0; key < 3; key++) {
          const line = 20 + ((burst * 7 + key) % (lineCount - 40));
          await editor.edit((edit) => edit.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), ' '));
          await new Promise((resolve) => setTimeout(resolve, 120));
        }
        const version = editor.document.version;
        const deadline = Date.now() + 20_000;
        while (!validations.some((validation) => validation.version === version) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.ok(validations.some((validation) => validation.version === version), `no validation of version ${version}`);
      }
    } finally {
      subscription.dispose();
      await settings.update('debounceMs', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    const blocked = validations.map((validation) => validation.blockedMs);
    const waited = validations.map((validation) => validation.latencyMs);
    const work = validations.map((validation) => validation.durationMs);
    console.log(
      `      ${lineCount}-line file, ${validations.length} validations: extension host blocked p50 ${percentile(blocked, 50).toFixed(2)} ms, p95 ${percentile(blocked, 95).toFixed(2)} ms, max ${Math.max(...blocked).toFixed(2)} ms; ` +
        `debounce → diagnostics p50 ${percentile(waited, 50).toFixed(0)} ms, p95 ${percentile(waited, 95).toFixed(0)} ms; worker analysis p50 ${percentile(work, 50).toFixed(0)} ms, p95 ${percentile(work, 95).toFixed(0)} ms; ` +
        `started early ${validations.filter((validation) => validation.startedEarly).length}`,
    );
    assert.ok(percentile(blocked, 95) < 20, `the extension host thread was blocked ${percentile(blocked, 95).toFixed(1)} ms (p95) per validation`);
  });

  test('after a scan, opening a scanned file analyses nothing again', async () => {
    const extension = await api();
    const uri = writeFixture('games', 'src/perf/scanned.ts', "import { saveProfile } from '../review/profile';\nexport function g(user: { email: string; phone: string }) {\n  console.log(user.email);\n  return saveProfile;\n}\n");
    await extension.scanWorkspace();
    const games = async () => Object.entries((await extension.analysisWorker().stats()).indexes).find(([key]) => key.startsWith('games#'))![1] as { analysed: number };
    const before = await games();
    await open(uri);
    await diagnosticsWhen(uri, (list) => list.length === 1, 'the finding of the opened file');
    assert.equal((await games()).analysed, before.analysed, 'the scan had analysed it (and what it imports) already');
  });

});
