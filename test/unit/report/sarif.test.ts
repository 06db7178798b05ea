// Reports of a real scan: SARIF 2.1.0 as the contract describes it, and the stylish text shape.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_IDS, ruleDocsUrl } from '../../../src/core/findings';
import { formatJson } from '../../../src/report/json';
import { formatSarif } from '../../../src/report/sarif';
import { formatText } from '../../../src/report/text';
import { loadCatalogText } from '../../../src/scan/catalogFile';
import { scanDirectory, type ScanOptions } from '../../../src/scan/scan';

type Files = Record<string, string>;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number } } }[];
  relatedLocations: { physicalLocation: { region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: { category?: string; sinkKind?: string; fideslang?: string; sinkFamily?: string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    results: SarifResult[];
  }[];
}

const temporaryDirectories: string[] = [];
function project(files: Files): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-report-'));
  temporaryDirectories.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
after(() => {
  for (const directory of temporaryDirectories) fs.rmSync(directory, { recursive: true, force: true });
});

function sarifOf(files: Files, options: ScanOptions = {}): SarifLog {
  return JSON.parse(formatSarif(scanDirectory(project(files), options))) as SarifLog;
}

const LOGIN_ROUTE = [
  "import { Router } from 'express';", // 1
  '', // 2
  'export const router = Router();', // 3
  "router.post('/login', (req, res) => {", // 4
  '  console.log(', // 5  the sink call starts here
  "    'login attempt',", // 6
  '    req.ip,', // 7
  '    req.body.email,', // 8
  '  );', // 9
  '  res.sendStatus(204);', // 10
  '});', // 11
].join('\n');

describe('SARIF report', () => {
  const sarif = sarifOf({ 'src/routes/login.ts': LOGIN_ROUTE, 'src/empty.ts': '', 'src/ok.ts': "console.log('started');\n" });
  const run = sarif.runs[0];

  it('is SARIF 2.1.0 with one run of the Privacy Review driver', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    assert.equal(run.tool.driver.name, 'Privacy Review');
  });

  it('one result per (sink call, category): a call with an IP and an email gives two', () => {
    assert.deepEqual(
      run.results.map((result) => [result.ruleId, result.properties.category, result.properties.sinkKind]),
      [
        ['personal-data-logged', 'ip_address', 'log'],
        ['personal-data-logged', 'email', 'log'],
      ],
    );
  });

  const locationCases: { name: string; check: (result: SarifResult) => void }[] = [
    { name: 'artifactLocation.uri is relative to the scanned directory, with forward slashes', check: (result) => assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/routes/login.ts') },
    { name: 'artifactLocation.uriBaseId is %SRCROOT%', check: (result) => assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%') },
    { name: 'region.startLine is the line where the multi-line sink call starts (5), not the data\'s line', check: (result) => assert.equal(result.locations[0].physicalLocation.region.startLine, 5) },
    { name: 'region.startColumn is 1-based (column 3 after two spaces)', check: (result) => assert.equal(result.locations[0].physicalLocation.region.startColumn, 3) },
    { name: 'region.endLine is the end of the call (9)', check: (result) => assert.equal(result.locations[0].physicalLocation.region.endLine, 9) },
    { name: 'the data\'s own line is a related location', check: (result) => assert.ok(result.relatedLocations.some((related) => [7, 8].includes(related.physicalLocation.region.startLine))) },
    { name: 'level is the rule severity (warning)', check: (result) => assert.equal(result.level, 'warning') },
    { name: 'ruleIndex points at the rule in the driver', check: (result) => assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId) },
    { name: 'properties.sinkFamily names the library', check: (result) => assert.equal(result.properties.sinkFamily, 'console') },
    { name: 'the message stands alone on one line', check: (result) => assert.match(result.message.text, /^[^\n]+ is logged by console\.log with no declared retention\.$/) },
  ];
  for (const { name, check } of locationCases) it(name, () => run.results.forEach(check));

  const fideslangCases = [
    { category: 'ip_address', fideslang: 'user.device.ip_address' },
    { category: 'email', fideslang: 'user.contact.email' },
  ];
  for (const { category, fideslang } of fideslangCases) {
    it(`properties.fideslang of ${category} is ${fideslang}`, () => {
      assert.equal(run.results.find((result) => result.properties.category === category)?.properties.fideslang, fideslang);
    });
  }

  it('every rule is described, with a helpUri to its docs page and a default level', () => {
    assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), RULE_IDS);
    for (const rule of run.tool.driver.rules) {
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id as (typeof RULE_IDS)[number]));
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
  });

  it('skipped files are toolExecutionNotifications with their reason and location', () => {
    const notifications = run.invocations[0].toolExecutionNotifications;
    assert.deepEqual(
      notifications.map((notification) => [notification.level, notification.message.text, notification.locations[0].physicalLocation.artifactLocation.uri]),
      [['note', 'Skipped src/empty.ts: empty file', 'src/empty.ts']],
    );
    assert.equal(run.invocations[0].executionSuccessful, true);
  });

  it('a path with spaces and # is percent-encoded in the uri', () => {
    const encoded = sarifOf({ 'my app/#1/log.ts': 'console.log(req.ip);\n' });
    assert.equal(encoded.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20app/%231/log.ts');
  });

  describe('partialFingerprints', () => {
    const fingerprints = (files: Files) => sarifOf(files).runs[0].results.map((result) => result.partialFingerprints['privacyReview/v1']);
    const original = fingerprints({ 'src/routes/login.ts': LOGIN_ROUTE });
    const cases: { name: string; text: string; same: boolean }[] = [
      { name: 'stable when the code moves down by a few lines', text: `// a header comment\n\n\n${LOGIN_ROUTE}`, same: true },
      { name: 'stable when the call is re-indented', text: LOGIN_ROUTE.replace('  console.log(', '      console.log('), same: true },
      { name: 'different when the data logged changes', text: LOGIN_ROUTE.replace('req.ip,', 'req.ips,'), same: false },
    ];
    for (const { name, text, same } of cases) {
      it(name, () => {
        const moved = fingerprints({ 'src/routes/login.ts': text });
        if (same) assert.deepEqual(moved, original);
        else assert.notDeepEqual(moved, original);
      });
    }
    it('the same call twice in a file gets two distinct fingerprints, each stable when code moves', () => {
      const twice = "function a(req) {\n  console.log(req.ip);\n}\nfunction b(req) {\n  console.log(req.ip);\n}\n";
      const first = fingerprints({ 'twice.ts': twice });
      assert.equal(first.length, 2);
      assert.equal(new Set(first).size, 2, 'code scanning would merge two alerts with one fingerprint');
      assert.deepEqual(fingerprints({ 'twice.ts': `\n\n${twice}` }), first);
    });
    it('different in another file', () => {
      assert.notDeepEqual(fingerprints({ 'src/routes/other.ts': LOGIN_ROUTE }), original);
    });
  });

  it('a catalog severity override sets the result level (error)', () => {
    const root = project({ 'a.ts': 'console.log(req.ip);\n' });
    const catalog = loadCatalogText('{ "version": 1, "severity": { "personal-data-logged": "error" } }', path.join(root, 'privacy-catalog.json'));
    const log = JSON.parse(formatSarif(scanDirectory(root, { catalog }))) as SarifLog;
    assert.deepEqual(log.runs[0].results.map((result) => result.level), ['error']);
  });
});

describe('JSON report', () => {
  it('lists findings with 1-based columns, and skipped files with reasons', () => {
    const report = JSON.parse(formatJson(scanDirectory(project({ 'src/routes/login.ts': LOGIN_ROUTE, 'src/empty.ts': '' }))));
    assert.deepEqual(
      report.findings.map((finding: { file: string; line: number; column: number; category: string; sinkKind: string }) => [finding.file, finding.line, finding.column, finding.category, finding.sinkKind]),
      [
        ['src/routes/login.ts', 5, 3, 'ip_address', 'log'],
        ['src/routes/login.ts', 5, 3, 'email', 'log'],
      ],
    );
    assert.deepEqual(report.skipped, [{ file: 'src/empty.ts', reason: 'empty file' }]);
    assert.deepEqual(report.summary.byCategory, { email: 1, ip_address: 1 });
  });
});

describe('text report (stylish)', () => {
  const root = project({
    'src/routes/login.ts': LOGIN_ROUTE,
    'src/billing.ts': "export function charge(card) {\n  console.info('charging', card.cardNumber);\n}\n",
    'src/empty.ts': '',
  });
  const text = formatText(scanDirectory(root), { color: false });
  const lines = text.split('\n');

  const cases: { name: string; check: () => void }[] = [
    { name: 'a header line per file, files in order', check: () => assert.deepEqual(lines.filter((line) => /^src\//.test(line)), ['src/billing.ts', 'src/routes/login.ts']) },
    {
      name: 'a row per finding: line:col, severity, message, rule id',
      check: () => {
        const rows = lines.filter((line) => /^ {2}\d+:\d+ /.test(line));
        assert.equal(rows.length, 3);
        for (const row of rows) assert.match(row, /^ {2}\d+:\d+ +warning {2}.+ with no declared retention\. {2}personal-data-logged$/);
        assert.match(rows[0], /^ {2}2:3 +warning {2}card\.cardNumber \(Payment card number\) is logged by console\.info/);
        assert.ok(rows.slice(1).every((row) => row.startsWith('  5:3 ')), 'the multi-line call is reported where it starts');
      },
    },
    { name: 'skipped files are listed with their reason', check: () => assert.ok(text.includes('Skipped 1 file(s)\n  src/empty.ts  empty file\n')) },
    { name: 'a summary line with totals by severity and files', check: () => assert.match(text, /\n✖ 3 findings \(0 errors, 3 warnings\) in 2 files scanned, 1 skipped, \d+ ms\n/) },
    { name: 'a summary line with counts per category, most first', check: () => assert.match(text, /\n {2}by category: email 1, ip_address 1, payment_card 1\n$/) },
    { name: 'no colour codes when color is off', check: () => assert.ok(!text.includes('\u001b[')) },
  ];
  for (const { name, check } of cases) it(name, check);

  it('colour codes when color is on', () => {
    assert.ok(formatText(scanDirectory(root), { color: true }).includes('\u001b[33mwarning\u001b[0m'));
  });

  it('a clean scan says so', () => {
    assert.match(formatText(scanDirectory(project({ 'a.ts': "console.log('ok');\n" })), { color: false }), /^✔ 0 findings \(0 errors, 0 warnings\) in 1 file scanned, 0 skipped, \d+ ms\n$/);
  });

  it('an info finding (catalog severity) is shown as info, and counted', () => {
    const infoRoot = project({ 'a.ts': 'console.log(req.ip);\n' });
    const catalog = loadCatalogText('{ "version": 1, "severity": { "personal-data-logged": "info" } }', path.join(infoRoot, 'privacy-catalog.json'));
    const infoText = formatText(scanDirectory(infoRoot, { catalog }), { color: false });
    assert.match(infoText, /^ {2}1:1 {2}info {2}/m);
    assert.match(infoText, /1 finding \(0 errors, 0 warnings, 1 info\)/);
  });
});
