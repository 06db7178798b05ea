// The editor's workspace index in a worker thread (src/editorWorker): the same results as in
// process, newer edits supersede queued older ones, edits go before a scan, and a worker that dies
// is restarted with its files — no request ever waits forever.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../src/core';
import * as os from 'node:os';
import { AnalysisWorker } from '../../../src/editorWorker/client';
import { PrefetchPlanner } from '../../../src/editorWorker/prefetch';

const USER = `export interface User {\n  id: string;\n  email: string;\n}\n`;
const USE = `import { User } from './models/user';\nexport function show(u: User) {\n  console.log(u);\n}\n`;
const findingLines = (findings: { span: { start: { line: number } }; category?: string }[]) => findings.map((finding) => `${finding.span.start.line}:${finding.category}`);

describe('workspace index in the analysis worker', function () {
  this.timeout(30_000);
  const workers: AnalysisWorker[] = [];
  const start = (options: ConstructorParameters<typeof AnalysisWorker>[0] = {}) => {
    const worker = new AnalysisWorker({ workerData: { testHooks: true }, ...options });
    workers.push(worker);
    return worker;
  };
  afterEach(() => {
    while (workers.length) workers.pop()!.dispose();
  });

  it('gives the findings the in-process index gives, and the files an edit invalidates', async () => {
    const index = start().createIndex('folder', { today: '2026-06-01' });
    await index.setFiles([
      ['models/user.ts', USER],
      ['use.ts', USE],
    ]);
    const reply = await index.analyze('use.ts', USE, 1);
    const local = new WorkspaceIndex({ today: '2026-06-01' });
    local.setFile('models/user.ts', USER);
    local.setFile('use.ts', USE);
    assert.deepEqual(reply!.result.findings, local.analyze('use.ts').findings);
    assert.deepEqual(findingLines(reply!.result.findings), ['3:email']);
    const edited = await index.analyze('models/user.ts', USER.replace('email', 'mail'), 1);
    assert.deepEqual(edited!.invalidated.sort(), ['models/user.ts', 'use.ts']);
  });

  it('indexing never replaces the text an editor set; files outside folders are analysed on their own', async () => {
    const worker = start();
    const index = worker.createIndex('folder', {});
    await index.analyze('a.ts', 'export function f(email: string) { console.log(email); }\n', 3);
    await index.setFiles([['a.ts', 'export const a = 1;\n']], false);
    assert.equal((await index.analyze('a.ts', 'export function f(email: string) { console.log(email); }\n', 3))!.result.findings.length, 1);
    const loose = worker.createIndex('loose', { standalone: true });
    const reply = await loose.analyze('/tmp/untitled.ts', 'console.log(user.phone);\n', 1);
    assert.deepEqual(findingLines(reply!.result.findings), ['1:phone_number']);
  });

  it('a queued older version of a file is answered "superseded" without work; the same version is analysed once', async () => {
    const worker = start();
    const index = worker.createIndex('folder', {});
    await index.setFiles([['models/user.ts', USER]]);
    // Keeps the worker busy while the three requests arrive (a scan of one small file was sometimes done first).
    const corpus = path.resolve(__dirname, '../../../../test/fixtures/corpus/express-api');
    const blocker = index.scan(corpus, (await worker.discover(corpus)).files);
    const older = index.analyze('use.ts', USE, 1);
    const sameA = index.analyze('use.ts', USE.replace('console.log(u)', 'console.log(u.id)'), 2);
    const sameB = index.analyze('use.ts', USE.replace('console.log(u)', 'console.log(u.id)'), 2);
    assert.equal(await older, undefined);
    const [a, b] = await Promise.all([sameA, sameB]);
    assert.deepEqual(a, b);
    assert.deepEqual(a!.result.findings, []);
    await blocker;
  });

  it('an edit is answered before a scan that was posted first finishes', async () => {
    const worker = start();
    const index = worker.createIndex('folder', {});
    const root = path.resolve(__dirname, '../../../../test/fixtures/corpus/express-api');
    const files = (await worker.discover(root)).files;
    assert.ok(files.length > 5);
    const order: string[] = [];
    const scan = index.scan(root, files).then(() => order.push('scan'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edit = index.analyze('edited.ts', 'export function f(ip: string) { console.log(ip); }\n', 1).then(() => order.push('edit'));
    await Promise.all([scan, edit]);
    assert.deepEqual(order, ['edit', 'scan']);
  });

  it('a worker that dies is restarted with its files and settings; the failure is reported once per death', async () => {
    const failures: string[] = [];
    let restarts = 0;
    const worker = start({ onFailure: (what, error) => failures.push(`${what}: ${error.message}`), onRestart: () => restarts++ });
    const index = worker.createIndex('folder', { sanitizers: ['scrub'] });
    await index.setFiles([
      ['models/user.ts', USER],
      ['use.ts', USE],
    ]);
    await index.analyze('use.ts', USE, 1);
    const firstThread = worker.threadId;
    await worker.terminateForTest();
    // The next request waits for the new worker, which has the files again (the finding needs models/user.ts).
    const after = await index.analyze('use.ts', USE.replace('console.log(u)', 'console.log(scrub(u.id), u)'), 2);
    assert.deepEqual(findingLines(after!.result.findings), ['3:email']);
    assert.notEqual(worker.threadId, firstThread);
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.equal(restarts, 1);
  });

  it('requests in flight when the worker dies are sent again; the request that kills it twice fails, the others succeed', async () => {
    const failures: string[] = [];
    const worker = start({ onFailure: (_what, error) => failures.push(error.message) });
    const index = worker.createIndex('folder', {});
    await index.setFiles([['models/user.ts', USER]]);
    const edit = index.analyze('use.ts', USE, 1);
    const crash = worker.request({ type: 'crash' });
    await assert.rejects(crash, /died twice/);
    assert.deepEqual(findingLines((await edit)!.result.findings), ['3:email']);
    assert.equal(failures.length, 2);
  });

  it('after too many deaths the worker stays down and every request fails at once, never hangs', async () => {
    const worker = start({ maxCrashes: 1, onFailure: () => undefined });
    const index = worker.createIndex('folder', {});
    await index.setFiles([['a.ts', 'export const a = 1;\n']]);
    await assert.rejects(worker.request({ type: 'crash' }), /stopped after 2 crashes/);
    assert.equal(worker.isStopped, true);
    await assert.rejects(index.analyze('a.ts', 'export const a = 2;\n', 2), /stopped after/);
  });

  it('a scan plans as the CLI does: the pre-check skips files, and a second scan takes unchanged files from the cache', async () => {
    const worker = start();
    const root = path.resolve(__dirname, '../../../../test/fixtures/corpus/express-api');
    const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-worker-cache-'));
    try {
      const files = (await worker.discover(root)).files;
      const scanOnce = async () => {
        const index = worker.createIndex('folder', { today: '2026-06-01' });
        const plan = await index.plan(root, files, { cacheDirectory });
        const analysed = plan.analyse.length ? (await index.scan(root, plan.analyse, { planned: true })).outcomes : [];
        assert.equal(await index.scanDone(), true, 'the cache is saved');
        index.dispose();
        const findings = [...plan.outcomes, ...analysed].flatMap((outcome) => ('result' in outcome ? outcome.result.findings.map((finding) => `${outcome.file}:${finding.span.start.line}:${finding.category}`) : [])).sort();
        return { plan, findings };
      };
      const first = await scanOnce();
      assert.equal(first.plan.stats.fromCache, 0);
      assert.ok(first.plan.stats.analysed > 0 && first.plan.stats.analysed < files.length, JSON.stringify(first.plan.stats));
      // The same findings as analysing every file through the index.
      const everything = worker.createIndex('everything', { today: '2026-06-01' });
      await everything.setFiles(files.map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
      const all = (await everything.scan(root, files)).outcomes.flatMap((outcome) => ('result' in outcome ? outcome.result.findings.map((finding) => `${outcome.file}:${finding.span.start.line}:${finding.category}`) : [])).sort();
      assert.deepEqual(first.findings, all);
      const second = await scanOnce();
      assert.deepEqual(second.plan.analyse, []);
      assert.equal(second.plan.stats.fromCache, files.length);
      assert.deepEqual(second.findings, first.findings);
    } finally {
      fs.rmSync(cacheDirectory, { recursive: true, force: true });
    }
  });

  it('a slow file is started before its debounce ends, a fast one when it fires', () => {
    const planner = new PrefetchPlanner();
    assert.equal(planner.startAfter('a', 300), undefined, 'nothing known yet');
    planner.record('a', 30);
    assert.equal(planner.startAfter('a', 300), undefined, 'fast: at the debounce');
    planner.record('b', 100);
    assert.equal(planner.startAfter('b', 300), 150, '1.5 × the work before the end');
    planner.record('c', 250);
    assert.equal(planner.startAfter('c', 300), 120, 'never before a pause between keystrokes');
    assert.equal(planner.startAfter('c', 100), undefined, 'a debounce shorter than that pause: at the debounce');
  });

  it('the bundled worker exists next to the extension after a build', function () {
    const bundle = path.resolve(__dirname, '../../../../dist/analysisWorker.js');
    if (!fs.existsSync(path.resolve(__dirname, '../../../../dist/extension.js'))) this.skip();
    assert.ok(fs.existsSync(bundle), 'dist/analysisWorker.js is missing: esbuild.mjs must build it');
  });
});
