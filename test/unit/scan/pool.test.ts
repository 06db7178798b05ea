// The worker pool: the same results as one thread, results streamed, a crashed worker reported as
// skipped files (never a hung scan), cancellation, and the default that keeps it off where it does not pay.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { batchesFor, jobsFor, MIN_LINES_FOR_WORKERS } from '../../../src/scan/pool';
import { scanDirectory, scanDirectoryAsync } from '../../../src/scan/scan';

const repo = path.resolve(__dirname, '../../../..');
const corpus = path.join(repo, 'test/fixtures/corpus');
const TODAY = '2026-01-15';

describe('worker pool', () => {
  it('two workers give the same findings as one thread', async () => {
    const inProcess = scanDirectory(corpus, { today: TODAY });
    const pooled = await scanDirectoryAsync(corpus, { today: TODAY, jobs: 2 });
    assert.equal(pooled.stats?.jobs, 2);
    assert.deepEqual(pooled.findings, inProcess.findings);
    assert.deepEqual(pooled.skipped, inProcess.skipped);
    assert.equal(pooled.filesScanned, inProcess.filesScanned);
  }).timeout(60_000);

  it('also without the pre-check (every file analysed in the workers)', async () => {
    const inProcess = scanDirectory(corpus, { today: TODAY, precheck: false });
    const pooled = await scanDirectoryAsync(corpus, { today: TODAY, jobs: 2, precheck: false });
    assert.deepEqual(pooled.findings, inProcess.findings);
  }).timeout(60_000);

  it('extra logger names and sanitizers reach the workers', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-pool-'));
    try {
      fs.writeFileSync(path.join(root, 'members.js'), "logging.info('joined', member.email);\nlogging.warn('bounced', normalizeCase(member.email));\nfunction normalizeCase(text) {\n  return text.toLowerCase();\n}\n");
      fs.writeFileSync(path.join(root, 'signup.js'), "logging.info('signup', user.phone);\n");
      const options = { today: TODAY, loggerNames: ['logging'], sanitizers: ['normalizeCase'] };
      const pooled = await scanDirectoryAsync(root, { ...options, jobs: 2 });
      assert.equal(pooled.stats?.jobs, 2);
      assert.deepEqual(pooled.findings.map((finding) => `${finding.file}:${finding.span.start.line} ${finding.category}/${finding.sinkKind}`), ['members.js:1 email/log', 'signup.js:1 phone_number/log']);
      assert.deepEqual(pooled.findings, scanDirectory(root, options).findings);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }).timeout(60_000);

  it('a worker that crashes: its unanswered files are skipped with the reason, the rest is complete, the scan ends', async () => {
    const inProcess = scanDirectory(corpus, { today: TODAY });
    const victim = 'express-api/src/routes/auth.ts';
    assert.ok(inProcess.findings.some((finding) => finding.file === victim), 'the victim file has findings');
    const pooled = await scanDirectoryAsync(corpus, { today: TODAY, jobs: 2, workerInit: { crashOnFile: victim } });
    const crashed = pooled.skipped.filter((entry) => entry.reason.startsWith('worker crashed'));
    assert.ok(crashed.some((entry) => entry.file === victim), JSON.stringify(pooled.skipped));
    const lost = new Set(crashed.map((entry) => entry.file));
    // Every other file's findings are there, exactly.
    assert.deepEqual(
      pooled.findings.filter((finding) => !lost.has(finding.file)),
      inProcess.findings.filter((finding) => !lost.has(finding.file)),
    );
  }).timeout(60_000);

  it('cancellation rejects promptly with an AbortError', async () => {
    const controller = new AbortController();
    const scan = scanDirectoryAsync(corpus, { today: TODAY, jobs: 2, signal: controller.signal });
    controller.abort();
    await assert.rejects(scan, (error: Error) => error.name === 'AbortError');
  }).timeout(60_000);

  it('the default keeps the pool off on small trees and on 2 cores (the bench found no gain there)', () => {
    assert.equal(jobsFor(10_000, 8), 0);
    assert.equal(jobsFor(MIN_LINES_FOR_WORKERS * 4, 2), 0);
    assert.equal(jobsFor(MIN_LINES_FOR_WORKERS * 4, 8), 4);
    assert.equal(jobsFor(MIN_LINES_FOR_WORKERS * 4, 4), 3);
  });

  it('batches are closed under imports: a file travels with what it imports', () => {
    const texts = new Map([
      ['a.ts', 'x\n'],
      ['b.ts', 'y\n'],
      ['c.ts', 'z\n'],
      ['d.ts', 'w\n'],
    ]);
    const imports = new Map([['a.ts', ['b.ts']], ['b.ts', []], ['c.ts', []], ['d.ts', ['b.ts']]]);
    const batches = batchesFor(['a.ts', 'c.ts'], imports, texts, 1);
    const withA = batches.find((batch) => batch.analyse.includes('a.ts'))!;
    assert.ok(withA.files.includes('b.ts'));
    assert.ok(!withA.files.includes('d.ts'));
    assert.equal(batches.length, 2);
  });

  it('the bundled worker exists next to the CLI after a build', function () {
    const bundle = path.join(repo, 'dist/worker.js');
    if (!fs.existsSync(path.join(repo, 'dist/cli.js'))) this.skip();
    assert.ok(fs.existsSync(bundle), 'run node esbuild.mjs');
  });
});
