// --baseline / --write-baseline: known findings listed but not failing, moved code staying known,
// stale entries reported, duplicates counted as a multiset.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../../src/cli/main';
import { applyBaseline, baselineOf, parseBaseline, type BaselineFile } from '../../../src/scan/baseline';
import type { FileFinding } from '../../../src/scan/scan';
import { cli, gitRepository, project, scanJson, where, writeFiles } from './cliHarness';

const LEGACY = {
  'src/server.ts': "export function serve(req) {\n  console.log('request from', req.ip);\n}\n",
  'src/users.ts': "export function save(prisma, user) {\n  return prisma.user.create({ data: { email: user.email } });\n}\n",
};

/** A project with a baseline written from LEGACY; returns the root and the baseline path. */
function baselined(files: Record<string, string> = LEGACY): { root: string; baseline: string } {
  const root = project(files);
  const baseline = path.join(root, 'privacy-baseline.json');
  const run = cli('scan', root, '--write-baseline', baseline);
  assert.equal(run.code, EXIT_OK, run.stdout + run.stderr);
  return { root, baseline };
}

describe('baseline', () => {
  describe('--write-baseline', () => {
    it('writes { version: 1, findings: [{ fingerprint, ruleId, file, category, line }] }, sorted by file', () => {
      const { baseline } = baselined();
      const written = JSON.parse(fs.readFileSync(baseline, 'utf8')) as BaselineFile;
      assert.equal(written.version, 1);
      assert.deepEqual(
        written.findings.map(({ ruleId, file, category, line }) => ({ ruleId, file, category, line })),
        [
          { ruleId: 'personal-data-logged', file: 'src/server.ts', category: 'ip_address', line: 2 },
          { ruleId: 'personal-data-stored', file: 'src/users.ts', category: 'email', line: 2 },
        ],
      );
      for (const entry of written.findings) assert.match(entry.fingerprint, /^[0-9a-f]{32}$/);
    });

    it('exits 0 (everything is now baselined), says so on stderr, and lists the findings as baselined', () => {
      const root = project(LEGACY);
      const run = cli('scan', root, '--write-baseline', path.join(root, 'b.json'));
      assert.equal(run.code, EXIT_OK);
      assert.match(run.stderr, /^Wrote .*b\.json: 2 finding\(s\) baselined\.\n$/);
      assert.match(run.stdout, /Baselined 2 finding\(s\)/);
      assert.match(run.stdout, /✔ 0 findings \(0 errors, 0 warnings\), 2 baselined in 2 files/);
    });

    it('cannot be combined with --baseline', () => {
      const root = project(LEGACY);
      const run = cli('scan', root, '--baseline', 'a.json', '--write-baseline', 'b.json');
      assert.equal(run.code, EXIT_USAGE);
      assert.match(run.stderr, /cannot be combined with --baseline or --changed-since/);
    });
  });

  describe('--baseline', () => {
    const cases: { name: string; change: Record<string, string>; code: number; fresh: string[]; baselined: string[]; stale: string[] }[] = [
      {
        name: 'the same code: nothing new, exit 0',
        change: {},
        code: EXIT_OK,
        fresh: [],
        baselined: ['src/server.ts:2 ip_address', 'src/users.ts:2 email'],
        stale: [],
      },
      {
        name: 'code moved down and re-indented: still baselined',
        change: { 'src/server.ts': "// a new header\n\nexport function serve(req) {\n  if (req) {\n        console.log('request from', req.ip);\n  }\n}\n" },
        code: EXIT_OK,
        fresh: [],
        baselined: ['src/server.ts:5 ip_address', 'src/users.ts:2 email'],
        stale: [],
      },
      {
        name: 'a new finding fails the run; the old ones stay baselined',
        change: { 'src/new.ts': "export const log = (user) => console.log(user.phone);\n" },
        code: EXIT_FINDINGS,
        fresh: ['src/new.ts:1 phone_number'],
        baselined: ['src/server.ts:2 ip_address', 'src/users.ts:2 email'],
        stale: [],
      },
      {
        name: 'a fixed finding leaves a stale entry',
        change: { 'src/users.ts': "export function save(prisma, user) {\n  return prisma.user.create({ data: { email: hash(user.email) } });\n}\n" },
        code: EXIT_OK,
        fresh: [],
        baselined: ['src/server.ts:2 ip_address'],
        stale: ['src/users.ts:2 email'],
      },
      {
        name: 'a second identical call in the same file is new (one entry covers one finding)',
        change: { 'src/server.ts': "export function serve(req) {\n  console.log('request from', req.ip);\n}\nexport function again(req) {\n  console.log('request from', req.ip);\n}\n" },
        code: EXIT_FINDINGS,
        fresh: ['src/server.ts:5 ip_address'],
        baselined: ['src/server.ts:2 ip_address', 'src/users.ts:2 email'],
        stale: [],
      },
      {
        name: 'different data at the same sink is new, and the old entry is stale',
        change: { 'src/server.ts': "export function serve(req) {\n  console.log('request from', req.ips);\n}\n" },
        code: EXIT_FINDINGS,
        fresh: ['src/server.ts:2 ip_address'],
        baselined: ['src/users.ts:2 email'],
        stale: ['src/server.ts:2 ip_address'],
      },
    ];
    for (const { name, change, code, fresh, baselined: expectBaselined, stale } of cases) {
      it(name, () => {
        const { root, baseline } = baselined();
        writeFiles(root, change);
        const report = scanJson(root, '--baseline', baseline);
        assert.equal(report.code, code);
        assert.deepEqual(where(report.findings), fresh);
        assert.deepEqual(where(report.baseline?.baselined ?? []), expectBaselined);
        assert.deepEqual((report.baseline?.stale ?? []).map((entry) => `${entry.file}:${entry.line} ${entry.category}`), stale);
        assert.equal(report.baseline?.file, baseline);
      });
    }

    it('two identical findings written to the baseline are both baselined', () => {
      const twice = { 'src/server.ts': "export function a(req) {\n  console.log(req.ip);\n}\nexport function b(req) {\n  console.log(req.ip);\n}\n" };
      const { root, baseline } = baselined(twice);
      const report = scanJson(root, '--baseline', baseline);
      assert.deepEqual(where(report.findings), []);
      assert.equal(report.baseline?.baselined.length, 2);
    });

    it('text output: baselined findings in their own section, stale entries on their own lines, counts in the summary', () => {
      const { root, baseline } = baselined();
      writeFiles(root, { 'src/users.ts': "export function save(prisma, user) {\n  return prisma.user.create({ data: { email: hash(user.email) } });\n}\n" });
      const text = cli('scan', root, '--baseline', baseline).stdout;
      assert.match(text, /^Baselined 1 finding\(s\) \(in .*privacy-baseline\.json; not failures\)\n {2}src\/server\.ts:2:3 {2}baselined {2}req\.ip \(IP address\) is logged by console\.log with no declared retention\. {2}personal-data-logged$/m);
      assert.match(text, /^Stale baseline entries: 1 in .*privacy-baseline\.json match nothing any more \(rewrite it with --write-baseline\)\n {2}src\/users\.ts {2}personal-data-stored email {2}was line 2$/m);
      assert.match(text, /✔ 0 findings \(0 errors, 0 warnings\), 1 baselined in 2 files scanned/);
    });

    it('SARIF: baselineState "unchanged" for baselined results, "new" for the rest', () => {
      const { root, baseline } = baselined();
      writeFiles(root, { 'src/new.ts': "export const log = (user) => console.log(user.phone);\n" });
      const sarif = JSON.parse(cli('scan', root, '--format', 'sarif', '--baseline', baseline).stdout);
      const states = sarif.runs[0].results.map((result: { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${result.locations[0].physicalLocation.artifactLocation.uri} ${result.baselineState}`);
      assert.deepEqual(states, ['src/new.ts new', 'src/server.ts unchanged', 'src/users.ts unchanged']);
    });

    it('SARIF without a baseline has no baselineState', () => {
      const sarif = JSON.parse(cli('scan', project(LEGACY), '--format', 'sarif').stdout);
      assert.ok(sarif.runs[0].results.every((result: object) => !('baselineState' in result)));
    });

    it('with --changed-since, legacy findings on unchanged lines are neither listed nor stale', () => {
      const root = gitRepository(LEGACY);
      const baseline = path.join(root, 'privacy-baseline.json');
      assert.equal(cli('scan', root, '--write-baseline', baseline).code, EXIT_OK);
      writeFiles(root, { 'src/new.ts': "export const log = (user) => console.log(user.phone);\n" });
      const report = scanJson(root, '--baseline', baseline, '--changed-since', 'main');
      assert.deepEqual(where(report.findings), ['src/new.ts:1 phone_number']);
      assert.deepEqual(report.baseline?.baselined, []);
      assert.deepEqual(report.baseline?.stale, []);
    });

    const errorCases: { name: string; content?: string; message: RegExp }[] = [
      { name: 'a missing baseline file', message: /^privacy-review: cannot read baseline ".*missing\.json": ENOENT$/ },
      { name: 'not JSON', content: '{ nope', message: /^privacy-review: baseline ".*" is not JSON: / },
      { name: 'a wrong version', content: '{ "version": 2, "findings": [] }', message: /^privacy-review: baseline ".*": "version" must be 1 \(got 2\) \(write one with --write-baseline\)$/ },
      { name: 'an entry without a fingerprint', content: '{ "version": 1, "findings": [{ "ruleId": "personal-data-logged", "file": "a.ts" }] }', message: /findings\[0\] needs string "fingerprint", "ruleId" and "file"/ },
    ];
    for (const { name, content, message } of errorCases) {
      it(`${name}: exit 2`, () => {
        const root = project(LEGACY);
        const file = path.join(root, content === undefined ? 'missing.json' : 'baseline.json');
        if (content !== undefined) fs.writeFileSync(file, content);
        const run = cli('scan', root, '--baseline', file);
        assert.equal(run.code, EXIT_USAGE);
        assert.equal(run.stdout, '');
        assert.match(run.stderr.split('\n')[0], message);
      });
    }
  });

  describe('applyBaseline (multiset matching)', () => {
    const finding = (file: string, line: number, text: string): FileFinding => ({
      ruleId: 'personal-data-logged',
      severity: 'warning',
      message: `${text} is logged`,
      messageData: {},
      span: { start: { line, column: 0 }, end: { line, column: 10 } },
      category: 'ip_address',
      sinkKind: 'log',
      sink: 'console.log',
      source: { span: { start: { line, column: 0 }, end: { line, column: 5 } }, text, reason: { kind: 'framework', source: 'req.ip' } },
      related: [],
      file,
    });
    const cases: { name: string; baseline: FileFinding[]; current: FileFinding[]; fresh: number[]; stale: number }[] = [
      { name: 'one entry, two identical findings: the later one is new', baseline: [finding('a.ts', 2, 'req.ip')], current: [finding('a.ts', 2, 'req.ip'), finding('a.ts', 9, 'req.ip')], fresh: [9], stale: 0 },
      { name: 'two entries, one finding left: one stale entry', baseline: [finding('a.ts', 2, 'req.ip'), finding('a.ts', 9, 'req.ip')], current: [finding('a.ts', 40, 'req.ip')], fresh: [], stale: 1 },
      { name: 'whitespace inside the source text does not matter', baseline: [finding('a.ts', 2, 'req .  ip')], current: [finding('a.ts', 5, 'req . ip')], fresh: [], stale: 0 },
      { name: 'another file is another finding', baseline: [finding('a.ts', 2, 'req.ip')], current: [finding('b.ts', 2, 'req.ip')], fresh: [2], stale: 1 },
    ];
    for (const { name, baseline, current, fresh, stale } of cases) {
      it(name, () => {
        const applied = applyBaseline(current, baselineOf(baseline));
        assert.deepEqual(applied.fresh.map((item) => item.span.start.line), fresh);
        assert.equal(applied.stale.length, stale);
        assert.equal(applied.fresh.length + applied.baselined.length, current.length);
      });
    }
    it('parseBaseline keeps the fields it knows and defaults a missing line to 0', () => {
      const parsed = parseBaseline('{ "version": 1, "findings": [{ "fingerprint": "f", "ruleId": "personal-data-logged", "file": "a.ts", "extra": 1 }] }', 'b.json');
      assert.deepEqual(parsed.findings, [{ fingerprint: 'f', ruleId: 'personal-data-logged', file: 'a.ts', line: 0 }]);
    });
  });
});
