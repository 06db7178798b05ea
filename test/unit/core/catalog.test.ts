// privacy-catalog.json: loading and validation with exact positions, then what each key does
// to the real engine's findings.
import { strict as assert } from 'node:assert';
import { createAnalyzer, type AnalyzerOptions } from '../../../src/core';
import { createEngineCatalog } from '../../../src/core/catalog/engineCatalog';
import { parseCatalog, type CatalogProblem } from '../../../src/core/catalog/load';
import type { CatalogFile } from '../../../src/core/catalog/types';
import { runFindingTable } from './findingTable';

interface ExpectedProblem {
  line: number;
  column: number;
  path: string;
  /** A fragment of the message. */
  message: string;
}
interface LoadCase {
  name: string;
  text: string;
  /** `ok`, or every problem expected, in order. */
  expect: 'ok' | ExpectedProblem[];
}

const lines = (...text: string[]) => text.join('\n');

const loadCases: LoadCase[] = [
  // JSON syntax
  {
    name: 'a missing closing brace is reported where the input ends',
    text: lines('{', '  "version": 1,', '  "policies": []', ''),
    expect: [{ line: 4, column: 1, path: '', message: 'JSON syntax: close brace expected' }],
  },
  {
    name: 'trailing garbage after the object',
    text: lines('{ "version": 1 }', 'xyz'),
    expect: [{ line: 2, column: 1, path: '', message: 'JSON syntax: invalid symbol' }],
  },
  {
    name: 'a missing comma between properties',
    text: lines('{', '  "version": 1', '  "sanitizers": []', '}'),
    expect: [{ line: 3, column: 3, path: '', message: 'JSON syntax: comma expected' }],
  },
  { name: 'an empty file', text: '', expect: [{ line: 1, column: 1, path: '', message: 'JSON syntax: value expected' }] },
  { name: 'an array instead of an object', text: '[]', expect: [{ line: 1, column: 1, path: '', message: 'must be a JSON object' }] },
  {
    name: 'line comments, block comments and trailing commas are accepted (JSONC)',
    text: lines(
      '// the data catalog',
      '{',
      '  /* format */ "version": 1, // always 1',
      '  "policies": [',
      '    { "category": "email", "sink": "log", "retention": "P30D", },',
      '  ],',
      '}',
    ),
    expect: 'ok',
  },
  { name: 'a byte-order mark is accepted', text: '\uFEFF{ "version": 1 }', expect: 'ok' },
  {
    name: 'CRLF line ends count as one line each',
    text: '{\r\n  "version": 1,\r\n  "bogus": 1\r\n}',
    expect: [{ line: 3, column: 3, path: 'bogus', message: 'unknown key "bogus"' }],
  },
  // top level
  { name: 'wrong version', text: lines('{', '  "version": 2', '}'), expect: [{ line: 2, column: 14, path: 'version', message: '"version" must be 1 (got 2)' }] },
  { name: 'version as a string', text: '{ "version": "1" }', expect: [{ line: 1, column: 14, path: 'version', message: '(got "1")' }] },
  { name: 'no version', text: '{}', expect: [{ line: 1, column: 1, path: 'version', message: 'missing "version": 1' }] },
  {
    name: 'an unknown top-level key is reported at the key',
    text: lines('{', '  "version": 1,', '  "retention": {}', '}'),
    expect: [{ line: 3, column: 3, path: 'retention', message: 'unknown key "retention" (expected one of $schema, version' }],
  },
  {
    name: 'policies that is not an array',
    text: lines('{', '  "version": 1,', '  "policies": null', '}'),
    expect: [{ line: 3, column: 15, path: 'policies', message: '"policies" must be an array' }],
  },
  // categories
  {
    name: 'unknown category in a policy',
    text: lines('{', '  "version": 1,', '  "policies": [', '    { "category": "loyalty", "sink": "log", "retention": "P30D" }', '  ]', '}'),
    expect: [{ line: 4, column: 19, path: 'policies[0].category', message: 'unknown category "loyalty"' }],
  },
  {
    name: 'a policy may name a category defined further down',
    text: lines(
      '{',
      '  "version": 1,',
      '  "policies": [{ "category": "loyalty_id", "sink": "log", "retention": "P30D" }],',
      '  "categories": [{ "id": "loyalty_id", "names": ["loyaltyNumber"] }]',
      '}',
    ),
    expect: 'ok',
  },
  {
    name: 'unknown parent',
    text: lines('{', '  "version": 1,', '  "categories": [', '    { "id": "loyalty_id", "parent": "membership" }', '  ]', '}'),
    expect: [{ line: 4, column: 37, path: 'categories[0].parent', message: 'unknown parent category "membership"' }],
  },
  {
    name: 'parent cycle a→b→a: both are reported at their parent',
    text: lines('{', '  "version": 1,', '  "categories": [', '    { "id": "a", "parent": "b" },', '    { "id": "b", "parent": "a" }', '  ]', '}'),
    expect: [
      { line: 4, column: 28, path: 'categories[0].parent', message: 'category "a" is its own ancestor (parent cycle)' },
      { line: 5, column: 28, path: 'categories[1].parent', message: 'category "b" is its own ancestor (parent cycle)' },
    ],
  },
  {
    name: 'a category whose chain leads into a cycle is not itself on it',
    text: lines('{', '  "version": 1,', '  "categories": [', '    { "id": "c", "parent": "a" },', '    { "id": "a", "parent": "b" },', '    { "id": "b", "parent": "a" }', '  ]', '}'),
    expect: [
      { line: 5, column: 28, path: 'categories[1].parent', message: 'category "a" is its own ancestor' },
      { line: 6, column: 28, path: 'categories[2].parent', message: 'category "b" is its own ancestor' },
    ],
  },
  {
    name: 'a category that is its own parent',
    text: '{ "version": 1, "categories": [{ "id": "a", "parent": "a" }] }',
    expect: [{ line: 1, column: 55, path: 'categories[0].parent', message: 'category "a" is its own ancestor' }],
  },
  {
    name: 'a category defined twice',
    text: lines('{', '  "version": 1,', '  "categories": [', '    { "id": "a" },', '    { "id": "a" }', '  ]', '}'),
    expect: [{ line: 5, column: 13, path: 'categories[1].id', message: 'category "a" is defined twice' }],
  },
  {
    name: 'an upper-case category id',
    text: '{ "version": 1, "categories": [{ "id": "Loyalty" }] }',
    expect: [{ line: 1, column: 40, path: 'categories[0].id', message: 'must be lower case letters' }],
  },
  {
    name: 'a field not written Type.member',
    text: lines('{', '  "version": 1,', '  "categories": [{ "id": "a", "fields": ["loyaltyNumber"] }]', '}'),
    expect: [{ line: 3, column: 42, path: 'categories[0].fields[0]', message: 'field "loyaltyNumber" must be written Type.member' }],
  },
  {
    name: 'an unknown key in a category',
    text: '{ "version": 1, "categories": [{ "id": "a", "aliases": [] }] }',
    expect: [{ line: 1, column: 45, path: 'categories[0].aliases', message: 'unknown key "aliases"' }],
  },
  // policies
  {
    name: 'a bad duration',
    text: lines('{', '  "version": 1,', '  "policies": [', '    { "category": "email", "sink": "log", "retention": "30 days" }', '  ]', '}'),
    expect: [{ line: 4, column: 56, path: 'policies[0].retention', message: '"retention" must be an ISO-8601 duration (P30D), session, indefinite, forbidden or undecided (got "30 days")' }],
  },
  {
    name: 'a policy for an unknown sink',
    text: lines('{', '  "version": 1,', '  "policies": [', '    { "category": "email", "sink": "kafka", "retention": "P30D" }', '  ]', '}'),
    expect: [{ line: 4, column: 36, path: 'policies[0].sink', message: '"sink" must be one of log, storage, third-party, * (got "kafka")' }],
  },
  {
    name: 'a policy without a category',
    text: '{ "version": 1, "policies": [{ "sink": "log", "retention": "P1D" }] }',
    expect: [{ line: 1, column: 30, path: 'policies[0].category', message: 'a policy needs a "category"' }],
  },
  {
    name: 'the second bad policy is reported with its own index',
    text: lines(
      '{',
      '  "version": 1,',
      '  "policies": [',
      '    { "category": "email", "sink": "log", "retention": "P30D" },',
      '    { "category": "email", "sink": "storage", "retention": "P30X" }',
      '  ]',
      '}',
    ),
    expect: [{ line: 5, column: 60, path: 'policies[1].retention', message: '(got "P30X")' }],
  },
  // maxRetention
  {
    name: 'maxRetention with a bad value, and with session (not a length of time)',
    text: lines('{', '  "version": 1,', '  "maxRetention": { "email": "forever", "ip_address": "session" }', '}'),
    expect: [
      { line: 3, column: 30, path: 'maxRetention.email', message: 'maximum retention must be an ISO-8601 duration or indefinite (got "forever")' },
      { line: 3, column: 55, path: 'maxRetention.ip_address', message: '(got "session")' },
    ],
  },
  {
    name: 'maxRetention for an unknown category',
    text: '{ "version": 1, "maxRetention": { "loyalty": "P1D" } }',
    expect: [{ line: 1, column: 35, path: 'maxRetention.loyalty', message: 'unknown category "loyalty"' }],
  },
  // severity, string lists
  {
    name: 'severity with an unknown rule and an unknown level',
    text: '{ "version": 1, "severity": { "no-such-rule": "off", "catalog-drift": "fatal" } }',
    expect: [
      { line: 1, column: 31, path: 'severity.no-such-rule', message: 'unknown rule "no-such-rule"' },
      { line: 1, column: 71, path: 'severity.catalog-drift', message: 'severity must be one of error, warning, info, off' },
    ],
  },
  {
    name: 'an empty sanitizer name',
    text: '{ "version": 1, "sanitizers": ["scrub", ""] }',
    expect: [{ line: 1, column: 41, path: 'sanitizers[1]', message: 'must be a non-empty string' }],
  },
  // nesting
  {
    name: 'a 10,000-level nested catalog is a problem at the first bracket too deep, not a stack overflow',
    text: `{ "version": 1, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`,
    expect: [{ line: 1, column: 85, path: '', message: 'nested more than 64 levels deep' }],
  },
  {
    name: 'a quote in a comment does not hide deep nesting from the depth check',
    text: `// it's "quoted\n{ "version": 1, "x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)} }`,
    expect: [{ line: 2, column: 337, path: '', message: 'nested more than 64 levels deep' }],
  },
  { name: 'brackets in a comment do not count as nesting', text: `// ${'['.repeat(100)}\n{ "version": 1 }`, expect: 'ok' },
];

describe('catalog loading', () => {
  for (const { name, text, expect } of loadCases) {
    it(name, () => {
      const loaded = parseCatalog(text);
      if (expect === 'ok') {
        assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('\n'));
        return;
      }
      assert.ok(!loaded.ok, 'the catalog was accepted');
      assert.deepEqual(loaded.problems.map(summarize), expect.map(({ line, column, path }) => ({ line, column, path })));
      loaded.problems.forEach((problem, index) => assert.ok(problem.message.includes(expect[index].message), `"${problem.message}" lacks "${expect[index].message}"`));
    });
  }

  it('the loaded catalog is the file\'s value, and locate() points into the file', () => {
    const loaded = parseCatalog(lines('{', '  "version": 1,', '  "policies": [', '    { "category": "email", "sink": "log", "retention": "P30D" }', '  ]', '}'));
    assert.ok(loaded.ok);
    assert.deepEqual(JSON.parse(JSON.stringify(loaded.catalog)), { version: 1, policies: [{ category: 'email', sink: 'log', retention: 'P30D' }] });
    assert.deepEqual(loaded.locate(['policies', 0, 'retention']), { line: 4, column: 56 });
  });

  it('a huge catalog (20,000 categories and 20,000 policies) loads, and its engine answers', function () {
    const count = 20_000;
    const catalog: CatalogFile = {
      version: 1,
      categories: Array.from({ length: count }, (_, index) => ({ id: `custom_${index}`, parent: index ? `custom_${index - 1}` : 'email', names: [`thing${index}`] })),
      policies: Array.from({ length: count }, (_, index) => ({ category: `custom_${index}`, sink: 'log' as const, retention: 'P30D' })),
    };
    const text = JSON.stringify(catalog, null, 2);
    const started = performance.now();
    const loaded = parseCatalog(text);
    const loadedMs = performance.now() - started;
    assert.ok(loaded.ok);
    const engine = createEngineCatalog(loaded.catalog);
    assert.equal(engine.lineage(`custom_${count - 1}`).length, count + 1, 'a 20,000-deep parent chain ends at the built-in category');
    assert.equal(engine.policyFor('custom_0', 'storage'), undefined);
    const engineMs = performance.now() - started - loadedMs;
    // Measured, not asserted: wall-clock limits make flaky tests. A quadratic loader took minutes here.
    this.test!.title += ` [${(text.length / 1024 / 1024).toFixed(1)} MB: parse ${Math.round(loadedMs)} ms, engine ${Math.round(engineMs)} ms]`;
  });
});

interface RuleCase {
  name: string;
  code: string;
  expect: { line: number; category?: string; rule: string }[];
}

function runRuleTable(title: string, cases: RuleCase[], options: AnalyzerOptions): void {
  describe(title, () => {
    for (const { name, code, expect } of cases) {
      it(name, () => {
        const result = createAnalyzer({ today: '2026-06-01', ...options }).analyze(code, 'case.ts');
        assert.equal(result.parseError, undefined);
        const found = result.findings.map((finding) => ({ line: finding.span.start.line, ...(finding.category ? { category: finding.category } : {}), rule: finding.ruleId }));
        assert.deepEqual(found, expect);
      });
    }
  });
}

function summarize(problem: CatalogProblem) {
  return { line: problem.line, column: problem.column, path: problem.path };
}

// ---------------------------------------------------------------- semantics through the engine

const log = (line: number, category: string) => ({ line, category, sink: 'log' });
const withCatalog = (file: Omit<CatalogFile, 'version'>) => {
  const loaded = parseCatalog(JSON.stringify({ version: 1, ...file }));
  if (!loaded.ok) throw new Error(`test catalog is invalid: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  return { catalog: createEngineCatalog(loaded.catalog) };
};

runFindingTable(
  'catalog names and fields add detection',
  [
    { name: 'names: loyaltyNumber is the custom category', code: `console.log(loyaltyNumber);`, expect: [log(1, 'loyalty_id')] },
    { name: 'names match word by word in any case style', code: `console.log(customer.member_no, MEMBER_NO_VALUE);`, expect: [log(1, 'loyalty_id')] },
    { name: 'fields: Customer.cardRef is the custom category', code: `interface Customer { cardRef: string }\nfunction f(c: Customer) {\n  console.log(c.cardRef);\n}`, expect: [log(3, 'loyalty_id')] },
    { name: 'fields: the same member of another type is not', code: `interface Order { cardRef: string }\nfunction f(o: Order) {\n  console.log(o.cardRef);\n}`, expect: [] },
    { name: 'built-in detection still works next to catalog names', code: `console.log(user.email, loyaltyNumber);`, expect: [log(1, 'email'), log(1, 'loyalty_id')] },
    { name: 'a name that only contains a catalog word is not it', code: `console.log(loyaltyProgramName);`, expect: [] },
  ],
  withCatalog({ categories: [{ id: 'loyalty_id', label: 'Loyalty number', names: ['loyaltyNumber', 'memberNo'], fields: ['Customer.cardRef'] }] }),
);

runFindingTable('without a catalog, catalog names are not personal data', [{ code: `console.log(loyaltyNumber);`, expect: [] }]);

runFindingTable(
  'policies declare retention per (category, sink kind)',
  [
    { name: '(email, log) covers an email in a log', code: `console.log(user.email);`, expect: [] },
    { name: '(email, storage) does not cover a log', code: `console.log(user.phone);`, expect: [log(1, 'phone_number')] },
    { name: '(ip_address, *) covers every sink kind', code: `console.log(req.ip);`, expect: [] },
    { name: 'another category is not covered', code: `console.log(user.dateOfBirth);`, expect: [log(1, 'date_of_birth')] },
    { name: 'undecided declares nothing', code: `console.log(user.gamertag);`, expect: [log(1, 'username')] },
  ],
  withCatalog({
    policies: [
      { category: 'email', sink: 'log', retention: 'P30D' },
      { category: 'phone_number', sink: 'storage', retention: 'P1Y' },
      { category: 'ip_address', sink: '*', retention: 'P7D' },
      { category: 'username', sink: 'log', retention: 'undecided' },
    ],
  }),
);

runFindingTable(
  'a child category inherits its parent\'s policies',
  [
    { name: 'work_email inherits (email, log)', code: `console.log(workEmail);`, expect: [] },
    { name: 'grandchild inherits through two levels', code: `console.log(billingContactEmail);`, expect: [] },
    { name: 'a category without a parent inherits nothing', code: `console.log(loyaltyNumber);`, expect: [log(1, 'loyalty_id')] },
  ],
  withCatalog({
    categories: [
      { id: 'work_email', parent: 'email', names: ['workEmail'] },
      { id: 'billing_contact_email', parent: 'work_email', names: ['billingContactEmail'] },
      { id: 'loyalty_id', names: ['loyaltyNumber'] },
    ],
    policies: [{ category: 'email', sink: 'log', retention: 'P30D' }],
  }),
);

runFindingTable(
  'a child category is reported as itself when nothing covers it',
  [{ name: 'workEmail is work_email, not email', code: `console.log(workEmail, user.email);`, expect: [log(1, 'email'), log(1, 'work_email')] }],
  withCatalog({ categories: [{ id: 'work_email', parent: 'email', names: ['workEmail'] }] }),
);

// forbidden-sink findings carry their sink kind too, so these tables name the rule as well.
runRuleTable(
  'forbidden sinks',
  [
    { name: 'a flow into a forbidden sink', code: `console.log(user.ssn);`, expect: [{ line: 1, category: 'government_id', rule: 'forbidden-sink' }] },
    { name: 'a @retention above the sink does not lift it', code: `// @retention P1D fraud review\nconsole.log(user.ssn);`, expect: [{ line: 2, category: 'government_id', rule: 'forbidden-sink' }] },
    {
      name: 'a @retention on the declaration does not lift it',
      code: `interface K {\n  /** @retention P1D */\n  ssn: string;\n}\nfunction f(k: K) {\n  console.log(k.ssn);\n}`,
      expect: [{ line: 6, category: 'government_id', rule: 'forbidden-sink' }],
    },
    { name: 'a @retention on the enclosing function does not lift it', code: `/** @retention P7D */\nfunction f(k) {\n  console.log(k.ssn);\n}`, expect: [{ line: 3, category: 'government_id', rule: 'forbidden-sink' }] },
    { name: 'a sanitized value is not a flow', code: `console.log(redactSsn(user.ssn));`, expect: [] },
    { name: 'forbidden for log only: other data is unaffected', code: `console.log(user.email);`, expect: [{ line: 1, category: 'email', rule: 'personal-data-logged' }] },
    { name: 'every name of the category is forbidden (passportNumber)', code: `console.log(passportNumber);`, expect: [{ line: 1, category: 'government_id', rule: 'forbidden-sink' }] },
  ],
  withCatalog({ policies: [{ category: 'government_id', sink: 'log', retention: 'forbidden' }] }),
);

runRuleTable(
  'a child category\'s own forbidden policy wins over the parent\'s retention',
  [
    { name: 'recovery_email is forbidden in logs', code: `console.log(recoveryEmail);`, expect: [{ line: 1, category: 'recovery_email', rule: 'forbidden-sink' }] },
    { name: 'email itself keeps its retention', code: `console.log(user.email);`, expect: [] },
  ],
  withCatalog({
    categories: [{ id: 'recovery_email', parent: 'email', names: ['recoveryEmail'] }],
    policies: [
      { category: 'email', sink: 'log', retention: 'P30D' },
      { category: 'recovery_email', sink: 'log', retention: 'forbidden' },
    ],
  }),
);

runFindingTable(
  'maxRetention',
  [
    { name: '@retention longer than the maximum, reported at the declaration line', code: `/** @retention P1Y */\nfunction f(req) {\n  console.log(req.ip);\n}`, expect: [{ line: 1, category: 'ip_address', sink: 'retention-exceeds-maximum' }] },
    { name: 'indefinite exceeds any duration', code: `/** @retention indefinite */\nfunction f(req) {\n  console.log(req.ip);\n}`, expect: [{ line: 1, category: 'ip_address', sink: 'retention-exceeds-maximum' }] },
    { name: 'equal to the maximum is fine', code: `/** @retention P90D */\nfunction f(req) {\n  console.log(req.ip);\n}`, expect: [] },
    { name: 'shorter is fine', code: `// @retention PT12H\nconsole.log(req.ip);`, expect: [] },
    {
      name: 'on an interface member, at the member\'s JSDoc line',
      code: `interface U {\n  id: string;\n  /** @retention P2Y */\n  dateOfBirth: string;\n}\nfunction f(u: U) { console.log(u.dateOfBirth); }`,
      expect: [{ line: 3, category: 'date_of_birth', sink: 'retention-exceeds-maximum' }],
    },
    { name: 'a child category inherits the parent\'s maximum', code: `// @retention P1Y\nconsole.log(lastLoginIp);`, expect: [{ line: 1, category: 'login_ip', sink: 'retention-exceeds-maximum' }] },
    { name: 'no maximum for the category', code: `// @retention indefinite\nconsole.log(user.email);`, expect: [] },
  ],
  withCatalog({
    categories: [{ id: 'login_ip', parent: 'ip_address', names: ['lastLoginIp'] }],
    maxRetention: { ip_address: 'P90D', date_of_birth: 'P1Y' },
  }),
);

runFindingTable(
  'catalog sanitizers end a flow',
  [
    { name: 'a same-file helper listed as a sanitizer', code: `function toPublicProfile(e) { return e; }\nconsole.log(toPublicProfile(user.email));`, expect: [] },
    { name: 'a listed method name, whatever its object', code: `console.log(util.format('%s', user.email));`, expect: [] },
    { name: 'through a variable', code: `function toPublicProfile(u) { return u.email; }\nconst shown = toPublicProfile(user);\nconsole.log(shown);`, expect: [] },
    { name: 'an unlisted helper does not', code: `function toProfile(e) { return e; }\nconsole.log(toProfile(user.email));`, expect: [log(2, 'email')] },
  ],
  withCatalog({ sanitizers: ['toPublicProfile', 'format'] }),
);

runFindingTable('without the catalog, the same helpers carry the data', [
  { code: `function toPublicProfile(e) { return e; }\nconsole.log(toPublicProfile(user.email));`, expect: [log(2, 'email')] },
  { code: `console.log(util.format('%s', user.email));`, expect: [log(1, 'email')] },
]);

runFindingTable(
  'severity overrides',
  [
    { name: 'off drops the rule\'s findings', code: `console.log(user.email);`, expect: [] },
    { name: 'other rules keep theirs', code: `/** @retention forever */\nconst x = 1;`, expect: [{ line: 1, sink: 'invalid-retention' }] },
  ],
  withCatalog({ severity: { 'personal-data-logged': 'off' } }),
);

describe('severity overrides set the finding\'s severity', () => {
  const cases: { name: string; severity: Record<string, string>; expect: string[] }[] = [
    { name: 'default is the rule\'s own', severity: {}, expect: ['warning'] },
    { name: 'error raises it', severity: { 'personal-data-logged': 'error' }, expect: ['error'] },
    { name: 'info lowers it', severity: { 'personal-data-logged': 'info' }, expect: ['info'] },
    { name: 'off drops it', severity: { 'personal-data-logged': 'off' }, expect: [] },
  ];
  for (const { name, severity, expect } of cases) {
    it(name, () => {
      const analyzer = createAnalyzer({ ...withCatalog({ severity: severity as CatalogFile['severity'] }), today: '2026-06-01' });
      assert.deepEqual(analyzer.analyze('console.log(user.email);', 'case.ts').findings.map((finding) => finding.severity), expect);
    });
  }
});
