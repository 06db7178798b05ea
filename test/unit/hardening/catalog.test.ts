// Hostile catalogs: huge, cyclic, nested 10,000 levels deep, not JSON, not a file. parseCatalog
// never throws and says where the problem is; the CLI exits 2 with the reason on its first line;
// a huge valid catalog still scans.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../../../src/core';
import { parseCatalog } from '../../../src/core/catalog/load';
import { EXIT_USAGE } from '../../../src/cli/main';
import { loadCatalogText } from '../../../src/scan/catalogFile';
import { cli, project } from '../scan/cliHarness';

const LOGS_EMAIL = { 'src/app.ts': 'export function signup(user) {\n  console.log(user.email);\n}\n' };
const catalog = (body: object) => JSON.stringify({ version: 1, ...body });

/** A chain of `length` custom categories under `email`; with `loop`, the last one's parent is the first. */
function chain(length: number, loop = false) {
  return Array.from({ length }, (_, index) => ({
    id: `custom_${index}`,
    label: `Custom ${index}`,
    parent: index === 0 ? (loop ? `custom_${length - 1}` : 'email') : `custom_${index - 1}`,
    names: [`customField${index}`],
    fields: [`Type${index}.member${index}`],
  }));
}

describe('hostile catalogs', () => {
  describe('parseCatalog reports, never throws', () => {
    const nested = (open: string, close: string) => `{ "version": 1, "categories": ${open.repeat(10_000)}${close.repeat(10_000)} }`;
    const cases: { name: string; text: string; expect: RegExp[] }[] = [
      { name: '10,000 nested arrays', text: nested('[', ']'), expect: [/^1:94 : nested more than 64 levels deep$/] }, // the 65th bracket
      { name: '10,000 nested objects', text: nested('{ "a": ', '}'), expect: [/^1:\d+ : nested more than 64 levels deep$/] },
      { name: '10,000 nested, mixed, on many lines', text: `{\n  "version": 1,\n  "x": ${'[{"a":\n'.repeat(5_000)}1${'}]'.repeat(5_000)}\n}`, expect: [/^34:2 : nested more than 64 levels deep$/] },
      { name: 'a parent cycle of one', text: catalog({ categories: [{ id: 'a', parent: 'a' }] }), expect: [/^1:\d+ categories\[0\]\.parent: category "a" is its own ancestor \(parent cycle\)$/] },
      {
        name: 'a parent cycle of two',
        text: catalog({ categories: [{ id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }] }),
        expect: [/categories\[0\]\.parent: category "a" is its own ancestor/, /categories\[1\]\.parent: category "b" is its own ancestor/],
      },
      { name: 'a parent cycle through 10,000 categories: every one reported', text: catalog({ categories: chain(10_000, true) }), expect: Array.from({ length: 10_000 }, (_, index) => new RegExp(`categories\\[${index}\\]\\.parent: category "custom_${index}" is its own ancestor`)) },
      { name: 'a chain leading into a cycle: only the cycle is reported', text: catalog({ categories: [{ id: 'x', parent: 'a' }, { id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }] }), expect: [/categories\[1\]\.parent: .*"a"/, /categories\[2\]\.parent: .*"b"/] },
      { name: 'brackets inside strings and comments do not count as nesting', text: `// ${'['.repeat(10_000)}\n${catalog({ sanitizers: ['{'.repeat(10_000)] })}`, expect: [] },
      { name: 'an unterminated comment', text: '{ "version": 1 /* ', expect: [/JSON syntax: unexpected end of comment/, /JSON syntax: close brace expected/] },
      { name: 'a NUL byte', text: '{ "version": 1,\u0000 }', expect: [/^1:16 : JSON syntax: invalid symbol$/] },
      { name: 'an array at the root', text: '[]', expect: [/^1:1 : the catalog must be a JSON object$/] },
      { name: 'null', text: 'null', expect: [/^1:1 : the catalog must be a JSON object$/] },
      { name: 'empty', text: '', expect: [/^1:1 : JSON syntax: value expected$/] },
      { name: 'a number too large for a double', text: '{ "version": 1e999 }', expect: [/version: "version" must be 1/] },
      {
        name: 'prototype names as keys and ids',
        text: catalog({ __proto__: { polluted: true }, categories: [{ id: '__proto__' }, { id: 'constructor', parent: 'tostring' }] } as object),
        expect: [/categories\[0\]\.id: category id "__proto__" must be/, /categories\[1\]\.parent: unknown parent category "tostring"/],
      },
    ];
    for (const { name, text, expect } of cases) {
      it(name, () => {
        const loaded = parseCatalog(text);
        const problems = loaded.ok ? [] : loaded.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`.replace(/ : /, ' : '));
        if (!expect.length) return assert.ok(loaded.ok, problems.join('\n'));
        assert.equal(problems.length, expect.length, problems.slice(0, 5).join('\n'));
        expect.forEach((pattern, index) => assert.match(problems[index], pattern));
      });
    }
    it('UTF-16 read as UTF-8 (NULs everywhere): JSON syntax problems only', () => {
      const loaded = parseCatalog(Buffer.from('{ "version": 1 }', 'utf16le').toString('utf8'));
      assert.ok(!loaded.ok && loaded.problems.length > 0 && loaded.problems.every((problem) => problem.message.startsWith('JSON syntax: ')));
    });
    it('nothing was polluted', () => assert.equal(({} as { polluted?: boolean }).polluted, undefined));
  });

  describe('a huge valid catalog (20,000 categories, each a child of the one before)', function () {
    this.timeout(60_000);
    const categories = chain(20_000);
    const text = catalog({
      categories,
      policies: categories.map((category) => ({ category: category.id, sink: 'storage', retention: 'P30D', reason: 'x'.repeat(40) })),
      maxRetention: Object.fromEntries(categories.map((category) => [category.id, 'P1Y'])),
      sanitizers: categories.map((_, index) => `mask${index}`),
    });
    let loadMs = 0;
    let loaded: ReturnType<typeof loadCatalogText>;
    before(() => {
      const started = performance.now();
      loaded = loadCatalogText(text, '/project/privacy-catalog.json');
      loadMs = performance.now() - started;
    });
    after(() => console.log(`      ${(text.length / 1024 / 1024).toFixed(1)} MB catalog loaded in ${Math.round(loadMs)} ms`));

    it('loads, and the deepest category inherits along the whole chain', () => {
      assert.equal(loaded.engine.lineage('custom_19999').length, 20_001);
      assert.equal(loaded.engine.lineage('custom_19999').at(-1), 'email');
    });
    it('policies and maximum retention resolve on it', () => {
      assert.equal(loaded.engine.policyFor('custom_19999', 'storage')?.value, 'P30D');
      assert.equal(loaded.engine.maxRetentionFor('custom_19999')?.value, 'P1Y');
    });
    it('the engine analyses with it', () => {
      const result = createAnalyzer({ catalog: loaded.engine }).analyze("export function f(user) {\n  console.log(user.customField7, user.email);\n}\n", 'x.ts');
      assert.deepEqual(result.findings.map((finding) => `${finding.span.start.line} ${finding.category}`).sort(), ['2 custom_0', '2 email']);
    });
  });

  describe('the CLI: exit 2, the reason on the first line of stderr, nothing on stdout', () => {
    const cases: { name: string; files: () => Record<string, string>; setup?: (root: string) => void; argv?: (root: string) => string[]; firstLine: RegExp }[] = [
      { name: 'a parent cycle', files: () => ({ ...LOGS_EMAIL, 'privacy-catalog.json': catalog({ categories: [{ id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }] }) }), firstLine: /^privacy-review: invalid catalog \(2 problems\):$/ },
      { name: '10,000 levels of nesting', files: () => ({ ...LOGS_EMAIL, 'privacy-catalog.json': `{ "version": 1, "categories": ${'['.repeat(10_000)}${']'.repeat(10_000)} }` }), firstLine: /^privacy-review: invalid catalog \(1 problem\):$/ },
      { name: 'a cycle through 10,000 categories', files: () => ({ ...LOGS_EMAIL, 'privacy-catalog.json': catalog({ categories: chain(10_000, true) }) }), firstLine: /^privacy-review: invalid catalog \(10000 problems\):$/ },
      { name: 'a directory named privacy-catalog.json', files: () => LOGS_EMAIL, setup: (root) => fs.mkdirSync(path.join(root, 'privacy-catalog.json')), firstLine: /^privacy-review: invalid catalog: .*privacy-catalog\.json is not a regular file$/ },
      {
        name: '--catalog naming a directory',
        files: () => LOGS_EMAIL,
        argv: (root) => ['scan', root, '--catalog', path.join(root, 'src')],
        firstLine: /^privacy-review: invalid catalog: .*src is not a regular file$/,
      },
      ...(process.platform === 'win32'
        ? []
        : [
            {
              name: 'a named pipe called privacy-catalog.json (reading it would block forever)',
              files: () => LOGS_EMAIL,
              setup: (root: string) => execFileSync('mkfifo', [path.join(root, 'privacy-catalog.json')]),
              firstLine: /^privacy-review: invalid catalog: .*privacy-catalog\.json is not a regular file$/,
            },
          ]),
    ];
    for (const { name, files, setup, argv, firstLine } of cases) {
      it(name, () => {
        const root = project(files());
        setup?.(root);
        const run = cli(...(argv?.(root) ?? ['scan', root]));
        assert.equal(run.code, EXIT_USAGE);
        assert.equal(run.stdout, '');
        assert.match(run.stderr.split('\n')[0], firstLine);
      });
    }
  });
});
