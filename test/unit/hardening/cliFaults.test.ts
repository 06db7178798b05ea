// The CLI contract under faults, beyond test/unit/cli/cli.test.ts: every usage error exits 2 with
// the reason on the first line of stderr; an engine exception costs one file, not the run; output
// files are written atomically on the asynchronous path the executable takes, too.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_FINDINGS, EXIT_USAGE, runCliAsync } from '../../../src/cli/main';
import { FAIL_ON_VARIABLE } from '../../../src/core/faultInjection';
import { cli, project, temporaryDirectory, type CliRun } from '../scan/cliHarness';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const FILES = {
  'src/app.ts': "export function handler(req) {\n  console.log('from', req.ip);\n}\n",
  'src/boom.ts': 'export function signup(user) {\n  console.log(user.email);\n}\n',
  'src/other.ts': 'export function call(user) {\n  console.log(user.phone);\n}\n',
};

async function cliAsync(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCliAsync(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false });
  return { code, stdout, stderr };
}

describe('the CLI under faults', () => {
  describe('usage errors not covered elsewhere: exit 2, the reason first, nothing on stdout', () => {
    const root = project(FILES);
    const cases: { name: string; argv: () => string[]; firstLine: RegExp }[] = [
      { name: '--jobs not a number', argv: () => ['scan', root, '--jobs', 'many'], firstLine: /^privacy-review: --jobs must be a whole number, 0 or more, or "auto" \(got "many"\)$/ },
      { name: '--jobs negative', argv: () => ['scan', root, '--jobs=-1'], firstLine: /^privacy-review: --jobs must be a whole number, 0 or more, or "auto" \(got "-1"\)$/ },
      { name: 'a flag without its value', argv: () => ['scan', root, '--format'], firstLine: /^privacy-review: Option '--format <value>' argument missing$/ },
      { name: '--max-file-size 0', argv: () => ['scan', root, '--max-file-size', '0'], firstLine: /^privacy-review: --max-file-size must be a positive whole number of bytes \(got "0"\)$/ },
      { name: '--write-baseline with --baseline', argv: () => ['scan', root, '--write-baseline', 'a.json', '--baseline', 'b.json'], firstLine: /^privacy-review: --write-baseline records every finding; it cannot be combined with --baseline or --changed-since$/ },
      { name: 'a --baseline that does not exist', argv: () => ['scan', root, '--baseline', path.join(root, 'missing.json')], firstLine: /^privacy-review: cannot read baseline ".*missing\.json": ENOENT$/ },
      { name: '--changed-since outside a git repository', argv: () => ['scan', root, '--changed-since', 'main'], firstLine: /^privacy-review: ".*" is not in a git repository \(--changed-since needs one\)$/ },
      { name: '--output naming a directory', argv: () => ['scan', root, '--output', path.join(root, 'src')], firstLine: /^privacy-review: cannot write ".*src": EISDIR$/ },
      { name: 'a device given as the directory', argv: () => ['scan', '/dev/null'], firstLine: /^privacy-review: "\/dev\/null" is not a directory$/ },
      { name: 'catalog init with an extra argument', argv: () => ['catalog', 'init', root, 'extra'], firstLine: /^privacy-review: unexpected argument "extra"$/ },
      { name: 'no command', argv: () => [], firstLine: /^privacy-review: Usage: privacy-review scan \[dir\] \[options\]$/ },
    ];
    for (const { name, argv, firstLine } of cases) {
      it(name, () => {
        const run = cli(...argv());
        assert.equal(run.code, EXIT_USAGE, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr.split('\n')[0], firstLine);
      });
    }
    (IS_ROOT || process.platform === 'win32' ? it.skip : it)('an unreadable root directory', () => {
      const locked = temporaryDirectory('privacy-review-locked-');
      fs.chmodSync(locked, 0o000);
      try {
        const run = cli('scan', locked);
        assert.equal(run.code, EXIT_USAGE);
        assert.match(run.stderr, /^privacy-review: cannot read ".*": EACCES\n$/);
      } finally {
        fs.chmodSync(locked, 0o755);
      }
    });
    it('the help documents skipped files, the pre-check and exit code 130', () => {
      const help = cli('--help').stdout;
      assert.match(help, /The pre-check does not parse a file whose text has\s+no personal-data word and no sink word, so its syntax errors are not reported; --no-precheck\s+parses, and reports, every file\./);
      assert.match(help, /130 interrupted \(SIGINT\/SIGTERM: the scan stops, no report file is written\)/);
    });
  });

  describe(`an engine exception for one file (${FAIL_ON_VARIABLE}): that file is skipped with the reason, the rest is reported`, () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env[FAIL_ON_VARIABLE];
      process.env[FAIL_ON_VARIABLE] = 'src/boom.ts';
    });
    afterEach(() => {
      if (saved === undefined) delete process.env[FAIL_ON_VARIABLE];
      else process.env[FAIL_ON_VARIABLE] = saved;
    });
    const expectReport = (run: CliRun) => {
      assert.equal(run.code, EXIT_FINDINGS, run.stderr);
      const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; category: string }[]; skipped: { file: string; reason: string }[] };
      assert.deepEqual(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.category}`), ['src/app.ts:2 ip_address', 'src/other.ts:2 phone_number']);
      assert.deepEqual(report.skipped, [{ file: 'src/boom.ts', reason: 'internal error: injected engine failure for src/boom.ts (PRIVACY_REVIEW_TEST_FAIL_ON)' }]);
    };
    it('in this thread', () => expectReport(cli('scan', project(FILES), '--format', 'json', '--no-cache')));
    it('on worker threads (which inherit the environment)', async () => expectReport(await cliAsync('scan', project(FILES), '--format', 'json', '--no-cache', '--jobs', '2')));
  });

  describe('output on the asynchronous path (what the executable runs)', () => {
    it('the report is written whole, and no temporary file is left', async () => {
      const root = project(FILES);
      const output = path.join(temporaryDirectory('privacy-review-out-'), 'privacy.sarif');
      const run = await cliAsync('scan', root, '--format', 'sarif', '--output', output, '--no-cache');
      assert.equal(run.code, EXIT_FINDINGS, run.stderr);
      assert.equal(JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results.length, 3);
      assert.deepEqual(fs.readdirSync(path.dirname(output)), ['privacy.sarif']);
    });
    it('a report that cannot be written: exit 2, one line, no temporary file, an existing report untouched', async () => {
      const root = project(FILES);
      const directory = temporaryDirectory('privacy-review-out-');
      fs.mkdirSync(path.join(directory, 'privacy.sarif'));
      const run = await cliAsync('scan', root, '--format', 'sarif', '--output', path.join(directory, 'privacy.sarif'), '--no-cache');
      assert.equal(run.code, EXIT_USAGE);
      assert.match(run.stderr, /^privacy-review: cannot write ".*privacy\.sarif": EISDIR\n$/);
      assert.deepEqual(fs.readdirSync(directory), ['privacy.sarif']);
    });
  });
});
