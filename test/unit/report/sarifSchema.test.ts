// Every SARIF shape the CLI writes validates against the official SARIF 2.1.0 JSON Schema
// (test/data/sarif-schema-2.1.0.json), and carries what code scanning needs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { cli, project, writeFiles } from '../scan/cliHarness';

/** out/test/unit/report → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as object;

// The schema's three formats, checked here rather than through another package (ajv-formats).
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && canParse(value));
ajv.addFormat('uri-reference', (value: string) => !/[\s"<>\\^`{|}]/.test(value) && canParse(value, 'file:///base/'));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value));
const validate = ajv.compile(SCHEMA);

function canParse(value: string, base?: string): boolean {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
}

interface SarifResult {
  ruleId: string;
  baselineState?: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; snippet?: { text: string } }; contextRegion?: { startLine: number; endLine: number; snippet: { text: string } } } }[];
  relatedLocations: { physicalLocation: { region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; help: { text: string }; helpUri: string }[] } }; results: SarifResult[]; properties?: Record<string, unknown> }[];
}

const HANDLER = [
  'export function handler(req, res) {', // 1
  '  const who = req.ip;', // 2
  '  console.log(', // 3
  "    'request from',", // 4
  '    who,', // 5
  '  );', // 6
  '}', // 7
].join('\n') + '\n';

const PROJECT = {
  'src/handler.ts': HANDLER,
  'src/users.ts': "export function save(prisma, user) {\n  return prisma.user.create({ data: { email: user.email, phone: user.phone } });\n}\n",
  'src/odd name #1/<b>&"quote".ts': "export const f = (user) => console.log(user.email);\n",
  'src/suppressed.ts': '// privacy-review-disable-next-line personal-data-logged\nconsole.log(req.ip);\n',
  'src/retention.ts': '/** @retention forever */\nexport const keep = 1;\n',
  'src/broken.ts': 'export function (\n',
  'src/empty.ts': '',
  'privacy-catalog.json': JSON.stringify({ version: 1, maxRetention: { email: 'P30D' }, policies: [{ category: 'email', sink: 'third-party', retention: 'P1Y' }] }, null, 2),
};

function sarif(root: string, ...flags: string[]): SarifLog {
  const run = cli('scan', root, '--format', 'sarif', ...flags);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as SarifLog;
}

describe('SARIF against the SARIF 2.1.0 JSON Schema', () => {
  const root = project(PROJECT);
  const baselineRoot = project(PROJECT);
  const baselineFile = path.join(baselineRoot, 'baseline.json');
  cli('scan', baselineRoot, '--write-baseline', baselineFile);
  writeFiles(baselineRoot, { 'src/new.ts': 'export const g = (user) => console.log(user.phone);\n', 'src/users.ts': 'export const none = 1;\n' });

  const shapes: { name: string; log: () => SarifLog }[] = [
    { name: 'a scan with findings of every kind, skipped files and odd file names', log: () => sarif(root) },
    { name: 'with --no-excerpts', log: () => sarif(root, '--no-excerpts') },
    { name: 'with a baseline (new, unchanged, stale)', log: () => sarif(baselineRoot, '--baseline', baselineFile) },
    { name: 'a clean scan', log: () => sarif(project({ 'a.ts': "console.log('ok');\n" })) },
    { name: 'catalog check (findings in the catalog file)', log: () => JSON.parse(cli('catalog', 'check', root, '--format', 'sarif').stdout) as SarifLog },
  ];
  for (const { name, log } of shapes) {
    it(`is valid: ${name}`, () => {
      const value = log();
      const valid = validate(value);
      assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
    });
  }

  it('the validator really checks: a log with a bad baselineState or a missing message is invalid', () => {
    const log = sarif(root) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    const badState = structuredClone(log);
    badState.runs[0].results[0].baselineState = 'old';
    assert.equal(validate(badState), false);
    const noMessage = structuredClone(log);
    delete noMessage.runs[0].results[0].message;
    assert.equal(validate(noMessage), false);
    const badLine = structuredClone(log) as unknown as SarifLog;
    badLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(badLine), false);
  });

  describe('completeness for code scanning', () => {
    const log = sarif(root);
    const results = log.runs[0].results;
    const handler = results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'src/handler.ts');

    const cases: { name: string; check: () => void }[] = [
      { name: 'every rule has help text and a helpUri', check: () => log.runs[0].tool.driver.rules.forEach((rule) => assert.ok(rule.help.text && rule.helpUri, rule.id)) },
      { name: 'every result has a partial fingerprint', check: () => results.forEach((result) => assert.match(result.partialFingerprints['privacyReview/v1'], /^[0-9a-f]{32}:\d+$/)) },
      { name: 'category, sinkKind and fideslang on a sink result', check: () => assert.deepEqual([handler?.properties.category, handler?.properties.sinkKind, handler?.properties.fideslang], ['ip_address', 'log', 'user.device.ip_address']) },
      { name: 'the source is a related location (line 2)', check: () => assert.ok(handler?.relatedLocations.some((related) => related.physicalLocation.region.startLine === 2)) },
      { name: 'region.snippet is exactly the sink call', check: () => assert.equal(handler?.locations[0].physicalLocation.region.snippet?.text, "console.log(\n    'request from',\n    who,\n  )") },
      {
        name: 'contextRegion holds whole lines around it',
        check: () => {
          const context = handler?.locations[0].physicalLocation.contextRegion;
          assert.deepEqual([context?.startLine, context?.endLine], [1, 7]);
          assert.equal(context?.snippet.text, HANDLER.trimEnd());
        },
      },
      { name: 'an odd file name is percent-encoded', check: () => assert.ok(results.some((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'src/odd%20name%20%231/%3Cb%3E%26%22quote%22.ts')) },
      { name: 'no baselineState without a baseline', check: () => results.forEach((result) => assert.equal(result.baselineState, undefined)) },
    ];
    for (const { name, check } of cases) it(name, check);

    it('--no-excerpts leaves out every snippet and context region, and nothing else', () => {
      const shared = sarif(root, '--no-excerpts');
      const text = JSON.stringify(shared);
      assert.ok(!text.includes('"snippet"'), 'no snippet');
      assert.ok(!text.includes('"contextRegion"'), 'no contextRegion');
      assert.equal(shared.runs[0].results.length, results.length);
    });

    it('with a baseline: baselineState on every result, stale entries in run.properties', () => {
      const withBaseline = sarif(baselineRoot, '--baseline', baselineFile).runs[0];
      const states = withBaseline.results.map((result) => `${result.locations[0].physicalLocation.artifactLocation.uri} ${result.baselineState}`);
      assert.ok(states.includes('src/new.ts new'), states.join('\n'));
      assert.ok(states.includes('src/handler.ts unchanged'), states.join('\n'));
      assert.ok(withBaseline.results.every((result) => result.baselineState === 'new' || result.baselineState === 'unchanged'));
      const baseline = withBaseline.properties?.baseline as { file: string; staleEntries: { file: string }[] };
      assert.deepEqual([...new Set(baseline.staleEntries.map((entry) => entry.file))], ['src/users.ts']);
    });
  });
});
