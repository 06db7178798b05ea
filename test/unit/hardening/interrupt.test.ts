// SIGINT and SIGTERM stop a scan cleanly: the built CLI, on a generated tree large enough to take
// seconds, exits 130 with one line on stderr, leaves no report and no temporary file behind, and
// does so promptly (measured and printed). In this thread and on worker threads.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_INTERRUPTED } from '../../../src/cli/main';
import { temporaryDirectory } from '../scan/cliHarness';

/** out/test/unit/hardening → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const GENERATE = path.join(REPO_ROOT, 'scripts', 'bench', 'generate.mjs');
/** The scan of this tree takes about 10 s here: the signal always comes mid-scan. */
const LINES = 60_000;
const SIGNAL_AFTER_MS = 1_500;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From the signal to the exit. */
  stoppedAfterMs: number;
}

function runAndSignal(args: string[], signal: NodeJS.Signals): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalledAt = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      signalledAt = performance.now();
      child.kill(signal);
    }, SIGNAL_AFTER_MS);
    child.on('error', reject);
    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal, stdout, stderr, stoppedAfterMs: signalledAt ? performance.now() - signalledAt : -1 });
    });
  });
}

describe('interrupting the CLI', function () {
  this.timeout(120_000);
  let tree: string;
  const measured: string[] = [];

  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm test` builds first
    tree = temporaryDirectory('privacy-review-sigint-');
    execFileSync(process.execPath, [GENERATE, tree, '--lines', String(LINES)], { stdio: 'ignore' });
  });
  after(() => measured.forEach((line) => console.log(`      ${line}`)));

  const cases: { name: string; signal: NodeJS.Signals; flags: string[] }[] = [
    { name: 'SIGINT, analysis in this thread', signal: 'SIGINT', flags: ['--jobs', '0'] },
    { name: 'SIGINT, analysis on 2 worker threads', signal: 'SIGINT', flags: ['--jobs', '2'] },
    { name: 'SIGTERM (a cancelled CI job)', signal: 'SIGTERM', flags: ['--jobs', '0'] },
  ];
  for (const { name, signal, flags } of cases) {
    it(`${name}: exit 130, one line on stderr, no report, no temporary file`, async () => {
      const outputDirectory = temporaryDirectory('privacy-review-sigint-out-');
      const output = path.join(outputDirectory, 'privacy.sarif');
      const run = await runAndSignal(['scan', tree, '--format', 'sarif', '--output', output, '--no-cache', ...flags], signal);
      measured.push(`${name}: stopped ${Math.round(run.stoppedAfterMs)} ms after the signal`);
      assert.ok(run.stoppedAfterMs > 0, `the scan finished before the signal (${JSON.stringify(run)})`);
      assert.equal(run.code, EXIT_INTERRUPTED, `exit ${run.code} / ${run.signal}: ${run.stderr}`);
      assert.equal(run.stderr, 'privacy-review: interrupted; no report written\n');
      assert.equal(run.stdout, '');
      assert.deepEqual(fs.readdirSync(outputDirectory), [], 'neither the report nor a .tmp file');
    });
  }

  it('without a signal the same scan writes its report (the test tree is valid)', async function () {
    const outputDirectory = temporaryDirectory('privacy-review-sigint-out-');
    const output = path.join(outputDirectory, 'privacy.sarif');
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'scan', tree, '--format', 'sarif', '--output', output, '--no-cache', '--include', 'packages/billing/**'], { stdio: 'ignore' }).on('exit', resolve));
    assert.ok(code === 0 || code === 1, `exit ${code}`);
    assert.equal(JSON.parse(fs.readFileSync(output, 'utf8')).version, '2.1.0');
    assert.deepEqual(fs.readdirSync(outputDirectory), ['privacy.sarif']);
  });
});
