// The privacy-review command, run in-process on temporary projects: exit codes, usage errors,
// output files, file selection, bad input, and catalog init/check.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, runCli } from '../../../src/cli/main';
import { parseCatalog } from '../../../src/core/catalog/load';

type Files = Record<string, string | Buffer>;
interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}
interface JsonReport {
  filesScanned: number;
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; category?: string; sinkKind?: string; message: string }[];
  skipped: { file: string; reason: string }[];
}

const temporaryDirectories: string[] = [];
function project(files: Files): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-cli-'));
  temporaryDirectories.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}
after(() => {
  for (const directory of temporaryDirectories) fs.rmSync(directory, { recursive: true, force: true });
});

function cli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false });
  return { code, stdout, stderr };
}

function scanJson(root: string, ...flags: string[]): JsonReport & { code: number } {
  const run = cli('scan', root, '--format', 'json', ...flags);
  assert.ok(run.code === EXIT_OK || run.code === EXIT_FINDINGS, `exit ${run.code}: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code };
}

const where = (report: JsonReport) => report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.category}/${finding.sinkKind ?? finding.ruleId}`);

const CLEAN = { 'src/server.ts': "console.log('listening on', port);\n" };
const LOGS_IP = { 'src/server.ts': "app.use((req, res, next) => {\n  console.log('request from', req.ip);\n  next();\n});\n" };
const catalogWith = (catalog: object) => JSON.stringify({ version: 1, ...catalog }, null, 2);

describe('privacy-review CLI', () => {
  describe('exit codes', () => {
    const cases: { name: string; files: Files; flags: string[]; code: number }[] = [
      { name: 'no findings: 0', files: CLEAN, flags: [], code: EXIT_OK },
      { name: 'a warning (default --fail-on warning): 1', files: LOGS_IP, flags: [], code: EXIT_FINDINGS },
      { name: 'only warnings with --fail-on error: 0', files: LOGS_IP, flags: ['--fail-on', 'error'], code: EXIT_OK },
      {
        name: 'an error (forbidden sink) with --fail-on error: 1',
        files: { ...LOGS_IP, 'privacy-catalog.json': catalogWith({ policies: [{ category: 'ip_address', sink: 'log', retention: 'forbidden' }] }) },
        flags: ['--fail-on', 'error'],
        code: EXIT_FINDINGS,
      },
      { name: 'findings with --fail-on none: 0', files: LOGS_IP, flags: ['--fail-on', 'none'], code: EXIT_OK },
      {
        name: 'an info finding with --fail-on warning: 0',
        files: { ...LOGS_IP, 'privacy-catalog.json': catalogWith({ severity: { 'personal-data-logged': 'info' } }) },
        flags: [],
        code: EXIT_OK,
      },
      {
        name: 'an info finding with --fail-on info: 1',
        files: { ...LOGS_IP, 'privacy-catalog.json': catalogWith({ severity: { 'personal-data-logged': 'info' } }) },
        flags: ['--fail-on', 'info'],
        code: EXIT_FINDINGS,
      },
      {
        name: 'a catalog policy covering the flow: 0',
        files: { ...LOGS_IP, 'privacy-catalog.json': catalogWith({ policies: [{ category: 'ip_address', sink: '*', retention: 'P30D' }] }) },
        flags: [],
        code: EXIT_OK,
      },
    ];
    for (const { name, files, flags, code } of cases) {
      it(name, () => {
        const run = cli('scan', project(files), ...flags);
        assert.equal(run.code, code, run.stdout + run.stderr);
        assert.equal(run.stderr, '');
      });
    }
    it('--help and --version: 0 on stdout', () => {
      assert.match(cli('--help').stdout, /^Usage: privacy-review scan/);
      assert.match(cli('--version').stdout, /^\d+\.\d+\.\d+/);
    });
  });

  describe('usage and catalog errors: exit 2, the reason on the first line of stderr, nothing on stdout', () => {
    const root = project({ ...CLEAN });
    const badCatalog = project({
      ...CLEAN,
      'privacy-catalog.json': '{\n  "version": 2,\n  "policies": [{ "category": "nope", "sink": "log", "retention": "P1D" }],\n  "maxRetention": { "email": "forever" }\n}\n',
    });
    const syntaxCatalog = project({ ...CLEAN, 'privacy-catalog.json': '{\n  "version": 1\n' });
    const cases: { name: string; argv: () => string[]; firstLine: RegExp; more?: RegExp[] }[] = [
      { name: 'an unknown command', argv: () => ['frobnicate'], firstLine: /^privacy-review: unknown command "frobnicate"$/ },
      { name: 'an unknown flag', argv: () => ['scan', root, '--bogus'], firstLine: /^privacy-review: Unknown option '--bogus'/ },
      { name: 'a bad --format', argv: () => ['scan', root, '--format', 'xml'], firstLine: /^privacy-review: --format must be one of text, json, sarif[a-z, ]* \(got "xml"\)$/ },
      { name: 'a bad --fail-on', argv: () => ['scan', root, '--fail-on', 'fatal'], firstLine: /^privacy-review: --fail-on must be one of error, warning, info, none \(got "fatal"\)$/ },
      { name: 'a bad --max-file-size', argv: () => ['scan', root, '--max-file-size', 'lots'], firstLine: /^privacy-review: --max-file-size must be a positive whole number of bytes \(got "lots"\)$/ },
      { name: 'an extra argument', argv: () => ['scan', root, 'other'], firstLine: /^privacy-review: unexpected argument "other"$/ },
      { name: 'a missing directory', argv: () => ['scan', path.join(root, 'missing')], firstLine: /^privacy-review: cannot read ".*missing": no such directory$/ },
      { name: 'a file given instead of a directory', argv: () => ['scan', path.join(root, 'src', 'server.ts')], firstLine: /^privacy-review: ".*server\.ts" is not a directory$/ },
      { name: 'catalog without init or check', argv: () => ['catalog', 'frob'], firstLine: /^privacy-review: catalog needs "init" or "check"$/ },
      {
        name: 'an invalid catalog: every problem listed with file:line:col',
        argv: () => ['scan', badCatalog],
        firstLine: /^privacy-review: invalid catalog \(3 problems\):$/,
        more: [
          /^\S*privacy-catalog\.json:2:14: version: "version" must be 1 \(got 2\)$/m,
          /^\S*privacy-catalog\.json:3:30: policies\[0\]\.category: unknown category "nope"$/m,
          /^\S*privacy-catalog\.json:4:30: maxRetention\.email: maximum retention must be an ISO-8601 duration or indefinite \(got "forever"\)$/m,
        ],
      },
      { name: 'a catalog with a JSON syntax error', argv: () => ['scan', syntaxCatalog], firstLine: /^privacy-review: invalid catalog \(1 problem\):$/, more: [/privacy-catalog\.json:3:1: JSON syntax: close brace expected$/m] },
      { name: 'a --catalog that does not exist', argv: () => ['scan', root, '--catalog', path.join(root, 'nope.json')], firstLine: /^privacy-review: invalid catalog \(1 problem\):$/, more: [/nope\.json:1:1: cannot read the catalog: ENOENT$/m] },
      { name: 'catalog check without a catalog', argv: () => ['catalog', 'check', root], firstLine: /^privacy-review: no privacy-catalog\.json in .* \(write one with: privacy-review catalog init .*\)$/ },
    ];
    for (const { name, argv, firstLine, more } of cases) {
      it(name, () => {
        const run = cli(...argv());
        assert.equal(run.code, EXIT_USAGE);
        assert.equal(run.stdout, '');
        assert.match(run.stderr.split('\n')[0], firstLine);
        for (const pattern of more ?? []) assert.match(run.stderr, pattern);
      });
    }
  });

  describe('--output', () => {
    const formats: { format: string; check: (text: string) => void }[] = [
      { format: 'json', check: (text) => assert.equal((JSON.parse(text) as JsonReport).findings.length, 1) },
      { format: 'sarif', check: (text) => assert.equal(JSON.parse(text).version, '2.1.0') },
      { format: 'text', check: (text) => assert.match(text, /src\/server\.ts\n {2}2:3 {2}warning/) },
    ];
    for (const { format, check } of formats) {
      it(`writes the ${format} report to the file, nothing to stdout, and leaves no temporary file`, () => {
        const root = project(LOGS_IP);
        const output = path.join(root, 'reports', `privacy.${format}`);
        fs.mkdirSync(path.dirname(output));
        const run = cli('scan', root, '--format', format, '--output', output);
        assert.equal(run.code, EXIT_FINDINGS);
        assert.equal(run.stdout, '');
        check(fs.readFileSync(output, 'utf8'));
        assert.deepEqual(fs.readdirSync(path.dirname(output)), [`privacy.${format}`]);
      });
    }
    it('an unwritable output path: exit 2 and no temporary file', () => {
      const root = project(LOGS_IP);
      const output = path.join(root, 'no-such-dir', 'report.json');
      const run = cli('scan', root, '--format', 'json', '--output', output);
      assert.equal(run.code, EXIT_USAGE);
      assert.match(run.stderr, /^privacy-review: cannot write ".*report\.json": ENOENT\n$/);
      assert.deepEqual(fs.readdirSync(root).sort(), ['src']);
    });
  });

  describe('which files are scanned', () => {
    const tree: Files = {
      'src/app.ts': 'console.log(req.ip);\n',
      'src/app.test.ts': 'console.log(user.email);\n',
      'scripts/seed.js': 'console.log(user.phone);\n',
      'node_modules/lib/index.js': 'console.log(req.ip);\n',
      'packages/a/node_modules/lib/index.js': 'console.log(req.ip);\n',
      'dist/app.js': 'console.log(req.ip);\n',
      'src/types.d.ts': 'declare function log(email: string): void;\nconsole.log(email);\n',
      'src/vendor/lib.min.js': 'console.log(req.ip);\n',
      'README.md': 'console.log(req.ip);\n',
    };
    const cases: { name: string; files?: Files; flags: string[]; expect: string[] }[] = [
      {
        name: 'default excludes: node_modules (at any depth), dist, *.d.ts, *.min.js, non-source files',
        flags: [],
        expect: ['scripts/seed.js:1 phone_number/log', 'src/app.test.ts:1 email/log', 'src/app.ts:1 ip_address/log'],
      },
      { name: '--include limits the scan', flags: ['--include', 'src/**'], expect: ['src/app.test.ts:1 email/log', 'src/app.ts:1 ip_address/log'] },
      { name: '--include is repeatable', flags: ['--include', 'src/app.ts', '--include', 'scripts/**'], expect: ['scripts/seed.js:1 phone_number/log', 'src/app.ts:1 ip_address/log'] },
      { name: '--exclude a glob without a slash matches at any depth', flags: ['--exclude', '*.test.ts'], expect: ['scripts/seed.js:1 phone_number/log', 'src/app.ts:1 ip_address/log'] },
      { name: '--exclude a directory', flags: ['--exclude', 'scripts/**'], expect: ['src/app.test.ts:1 email/log', 'src/app.ts:1 ip_address/log'] },
      { name: '--include and --exclude together', flags: ['--include', 'src/**', '--exclude', '**/*.test.ts'], expect: ['src/app.ts:1 ip_address/log'] },
      {
        name: 'the catalog\'s "ignore" excludes too',
        files: { ...tree, 'privacy-catalog.json': catalogWith({ ignore: ['scripts/**', '**/*.test.ts'] }) },
        flags: [],
        expect: ['src/app.ts:1 ip_address/log'],
      },
    ];
    for (const { name, files, flags, expect } of cases) {
      it(name, () => {
        const report = scanJson(project(files ?? tree), ...flags);
        assert.deepEqual(where(report).sort(), expect);
        assert.equal(report.filesScanned, expect.length);
      });
    }
  });

  describe('--logger and --sanitizer: the project\'s own loggers and sanitizers', () => {
    const wrapper: Files = {
      'src/members.js':
        "const logging = require('./logging');\nlogging.info('member joined', member.email);\nlogging.warn('bounced', normalizeCase(member.email));\n" +
        "function normalizeCase(text) {\n  return text.toLowerCase();\n}\n",
      'src/logging.js': 'module.exports = { info() {}, warn() {} };\n',
    };
    const cases: { name: string; flags: string[]; expect: string[] }[] = [
      { name: 'without flags a receiver named `logging` is not a logger', flags: [], expect: [] },
      { name: '--logger logging: its level methods write logs', flags: ['--logger', 'logging'], expect: ['src/members.js:2 email/log', 'src/members.js:3 email/log'] },
      { name: '--logger is repeatable', flags: ['--logger', 'audit', '--logger', 'logging'], expect: ['src/members.js:2 email/log', 'src/members.js:3 email/log'] },
      { name: '--sanitizer normalizeCase: what passes through it is not reported', flags: ['--logger', 'logging', '--sanitizer', 'normalizeCase'], expect: ['src/members.js:2 email/log'] },
    ];
    for (const { name, flags, expect } of cases) {
      it(name, () => assert.deepEqual(where(scanJson(project(wrapper), ...flags)).sort(), expect));
    }
    it('a cached scan without --logger is not reused by one with it', () => {
      const root = project(wrapper);
      const cache = `--cache=${path.join(root, '.cache')}`;
      assert.deepEqual(where(scanJson(root, cache)), []);
      assert.deepEqual(where(scanJson(root, cache, '--logger', 'logging')).sort(), ['src/members.js:2 email/log', 'src/members.js:3 email/log']);
    });
  });

  describe('bad input: the scan completes, good files keep their findings, bad ones are skipped with a reason', () => {
    const fiveMegabytes = 'export const table = [\n' + '  "0123456789abcdef0123456789abcdef",\n'.repeat(140_000) + '];\n';
    const oneLineGenerated = `export const blob = "${'x'.repeat(5 * 1024 * 1024)}";\n`;
    const root = project({
      'src/good.ts': "export function handler(req) {\n  console.log('from', req.ip);\n}\n",
      'src/broken.ts': 'export function (req) {\n  console.log(req.ip);\n',
      'src/empty.ts': '',
      'src/blank.ts': '\n\n   \n',
      'src/generated.js': fiveMegabytes,
      'src/one-line.js': oneLineGenerated,
      'src/binary.js': Buffer.from([0x63, 0x6f, 0x6e, 0x00, 0x01, 0x02, 0xff, 0x00]),
      'src/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('console.log(req.ip);\n', 'utf16le')]),
      'src/crlf.ts': 'const a = 1;\r\nconst b = 2;\r\nconsole.log(user.email);\r\n',
    });
    const report = scanJson(root);

    it('good files, the UTF-16 LE file (BOM) and the CRLF file keep their findings at the right lines', () => {
      assert.deepEqual(where(report), ['src/crlf.ts:3 email/log', 'src/good.ts:2 ip_address/log', 'src/utf16.ts:1 ip_address/log']);
      assert.equal(report.filesScanned, 3);
    });

    const skippedCases: { file: string; reason: RegExp }[] = [
      { file: 'src/binary.js', reason: /^binary file \(contains NUL bytes\)$/ },
      { file: 'src/blank.ts', reason: /^empty file$/ },
      { file: 'src/broken.ts', reason: /^does not parse: .+ \(1:17\)$/ },
      { file: 'src/empty.ts', reason: /^empty file$/ },
      { file: 'src/generated.js', reason: /^too large \(5\.\d MB > 2\.0 MB\)$/ },
      { file: 'src/one-line.js', reason: /^too large \(5\.0 MB > 2\.0 MB\)$/ },
    ];
    for (const { file, reason } of skippedCases) {
      it(`${file} is skipped: ${reason.source}`, () => {
        const skipped = report.skipped.find((entry) => entry.file === file);
        assert.ok(skipped, `${file} not in skipped: ${JSON.stringify(report.skipped)}`);
        assert.match(skipped.reason, reason);
      });
    }
    it('nothing else is skipped', () => assert.deepEqual(report.skipped.map((entry) => entry.file), skippedCases.map((entry) => entry.file)));

    it('with a larger --max-file-size, the one-line 5 MB file is skipped as generated', () => {
      const larger = scanJson(root, '--max-file-size', String(8 * 1024 * 1024), '--include', 'src/one-line.js', '--include', 'src/good.ts');
      assert.deepEqual(larger.skipped, [{ file: 'src/one-line.js', reason: 'minified or generated (a line longer than 5000 characters)' }]);
      assert.deepEqual(where(larger), ['src/good.ts:2 ip_address/log']);
    });

    it('the text report lists the skipped files too', () => {
      const text = cli('scan', root).stdout;
      assert.match(text, /Skipped 6 file\(s\)\n {2}src\/binary\.js {2}binary file/);
    });
  });

  describe('catalog init', () => {
    const code = {
      'src/auth.ts': "export function login(req, user) {\n  console.log('login', req.ip);\n  console.log('user', user.email);\n}\n",
      'src/analytics.ts': "export function track(user) {\n  console.log('phone', user.phone);\n}\n",
    };

    it('writes a catalog that parseCatalog accepts, one undecided policy per (category, sink)', () => {
      const root = project(code);
      const run = cli('catalog', 'init', root);
      assert.equal(run.code, EXIT_OK, run.stderr);
      assert.match(run.stdout, /^Wrote .*privacy-catalog\.json: 3 categories from 2 files\./);
      const loaded = parseCatalog(fs.readFileSync(path.join(root, 'privacy-catalog.json'), 'utf8'));
      assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems));
      assert.deepEqual(loaded.catalog.categories?.map((category) => category.id), ['email', 'ip_address', 'phone_number']);
      assert.deepEqual(
        loaded.catalog.policies?.map((policy) => `${policy.category}/${policy.sink}=${policy.retention}`),
        ['email/log=undecided', 'ip_address/log=undecided', 'phone_number/log=undecided'],
      );
      assert.match(loaded.catalog.policies?.[0].reason ?? '', /^1 flow found, e\.g\. src\/auth\.ts:3$/);
    });

    it('the written catalog declares nothing: a scan still fails, catalog check lists every undecided retention', () => {
      const root = project(code);
      cli('catalog', 'init', root);
      assert.equal(cli('scan', root).code, EXIT_FINDINGS);
      const check = cli('catalog', 'check', root, '--format', 'json');
      const report = JSON.parse(check.stdout) as JsonReport;
      assert.deepEqual(report.findings.map((finding) => finding.message), [
        'Retention for email in log sinks is still undecided.',
        'Retention for ip_address in log sinks is still undecided.',
        'Retention for phone_number in log sinks is still undecided.',
      ]);
    });

    it('an empty project gives an empty, valid catalog', () => {
      const root = project({ 'src/a.ts': "console.log('hi');\n" });
      assert.equal(cli('catalog', 'init', root).code, EXIT_OK);
      const loaded = parseCatalog(fs.readFileSync(path.join(root, 'privacy-catalog.json'), 'utf8'));
      assert.ok(loaded.ok && loaded.catalog.categories?.length === 0);
    });

    it('refuses to overwrite an existing catalog without --force, and keeps it', () => {
      const root = project({ ...code, 'privacy-catalog.json': '{ "version": 1 }\n' });
      const run = cli('catalog', 'init', root);
      assert.equal(run.code, EXIT_USAGE);
      assert.match(run.stderr, /^privacy-review: .*privacy-catalog\.json already exists \(use --force to overwrite\)\n$/);
      assert.equal(fs.readFileSync(path.join(root, 'privacy-catalog.json'), 'utf8'), '{ "version": 1 }\n');
    });

    it('overwrites with --force', () => {
      const root = project({ ...code, 'privacy-catalog.json': '{ "version": 1 }\n' });
      assert.equal(cli('catalog', 'init', root, '--force').code, EXIT_OK);
      assert.match(fs.readFileSync(path.join(root, 'privacy-catalog.json'), 'utf8'), /"retention": "undecided"/);
    });

    it('--output writes elsewhere, leaving no temporary file', () => {
      const root = project(code);
      const target = path.join(root, 'config', 'catalog.json');
      fs.mkdirSync(path.dirname(target));
      assert.equal(cli('catalog', 'init', root, '--output', target).code, EXIT_OK);
      assert.ok(parseCatalog(fs.readFileSync(target, 'utf8')).ok);
      assert.deepEqual(fs.readdirSync(path.dirname(target)), ['catalog.json']);
      assert.ok(!fs.existsSync(path.join(root, 'privacy-catalog.json')));
    });
  });

  describe('catalog check reports drift', () => {
    const root = project({
      'src/auth.ts': "export function login(req, user) {\n  console.log('login', req.ip);\n  console.log('user', user.email);\n}\n",
      'src/customer.ts': 'export interface Customer {\n  loyaltyNumber: string;\n}\n',
      'privacy-catalog.json': [
        '{',
        '  "version": 1,',
        '  "categories": [',
        '    { "id": "loyalty_id", "names": ["loyaltyNumber"], "fields": ["Customer.loyaltyNumber", "Order.memberNo"] }',
        '  ],',
        '  "policies": [',
        '    { "category": "email", "sink": "log", "retention": "undecided" },',
        '    { "category": "date_of_birth", "sink": "storage", "retention": "P1Y" },',
        '    { "category": "loyalty_id", "sink": "*", "retention": "P1Y" }',
        '  ]',
        '}',
      ].join('\n'),
    });
    const run = cli('catalog', 'check', root, '--format', 'json');
    const report = JSON.parse(run.stdout) as JsonReport;
    const cases: { name: string; expect: { ruleId: string; file: string; line: number; column: number; category: string; message: RegExp } }[] = [
      {
        name: 'a field no scanned type declares (unknown field)',
        expect: { ruleId: 'catalog-drift', file: 'privacy-catalog.json', line: 4, column: 92, category: 'loyalty_id', message: /^Field Order\.memberNo of category "loyalty_id" is not declared in any scanned file\.$/ },
      },
      {
        name: 'a retention still undecided',
        expect: { ruleId: 'catalog-drift', file: 'privacy-catalog.json', line: 7, column: 56, category: 'email', message: /^Retention for email in log sinks is still undecided\.$/ },
      },
      {
        name: 'a policy no flow uses',
        expect: { ruleId: 'catalog-drift', file: 'privacy-catalog.json', line: 8, column: 5, category: 'date_of_birth', message: /^Policy for date_of_birth in storage sinks is used by no flow in the code\.$/ },
      },
      {
        name: 'a * policy no flow uses',
        expect: { ruleId: 'catalog-drift', file: 'privacy-catalog.json', line: 9, column: 5, category: 'loyalty_id', message: /^Policy for loyalty_id in any sinks is used by no flow in the code\.$/ },
      },
      {
        name: 'a category the code has but the catalog does not declare (at its first flow)',
        expect: { ruleId: 'undeclared-personal-data', file: 'src/auth.ts', line: 2, column: 1, category: 'ip_address', message: /^IP address reaches log sinks in code, but the catalog declares no such category or policy\.$/ },
      },
    ];
    for (const { name, expect } of cases) {
      it(name, () => {
        const found = report.findings.find((finding) => finding.ruleId === expect.ruleId && expect.message.test(finding.message));
        assert.ok(found, `no finding matching ${expect.message}: ${JSON.stringify(report.findings.map((finding) => finding.message))}`);
        assert.deepEqual(
          { ruleId: found.ruleId, file: found.file, line: found.line, column: found.column, category: found.category },
          { ruleId: expect.ruleId, file: expect.file, line: expect.line, column: expect.column, category: expect.category },
        );
      });
    }
    it('nothing else: the declared field and the used policy are not drift', () => {
      assert.equal(report.findings.length, cases.length, JSON.stringify(report.findings.map((finding) => finding.message)));
      assert.equal(run.code, EXIT_FINDINGS);
    });
    it('an up-to-date catalog: exit 0', () => {
      const clean = project({
        'src/auth.ts': "export function login(req) {\n  console.log('login', req.ip);\n}\n",
        'privacy-catalog.json': catalogWith({ policies: [{ category: 'ip_address', sink: 'log', retention: 'P30D' }] }),
      });
      const check = cli('catalog', 'check', clean);
      assert.equal(check.code, EXIT_OK, check.stdout);
      assert.match(check.stdout, /✔ 0 findings/);
    });
  });
});
