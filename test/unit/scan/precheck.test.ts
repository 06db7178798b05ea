// The text pre-check loses nothing: the engine's results with and without it are identical on
// every corpus and on a generated monorepo; the sink vocabulary covers every recogniser.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { createAnalyzer } from '../../../src/core';
import { ModuleResolver } from '../../../src/core/workspace/resolve';
import { findCatalog } from '../../../src/scan/catalogFile';
import { catalogDrift } from '../../../src/cli/catalogCommands';
import { createPrecheck, decodeEscapes, selectFilesToAnalyse, SINK_WORDS, SINK_WORDS_WITH } from '../../../src/scan/precheck';
import { scanDirectory, type ScanResult } from '../../../src/scan/scan';

const repo = path.resolve(__dirname, '../../../..');
const TODAY = '2026-01-15';

/** Everything a scan reports that a file's analysis decides. */
function comparable(result: ScanResult) {
  return {
    findings: result.findings.map((finding) => JSON.stringify(finding)),
    dataFlows: result.dataFlows.map((flow) => JSON.stringify(flow)),
    filesScanned: result.filesScanned,
  };
}

function assertSameWithAndWithout(root: string): ScanResult {
  const catalog = findCatalog(root);
  const withPrecheck = scanDirectory(root, { catalog, today: TODAY });
  const without = scanDirectory(root, { catalog, today: TODAY, precheck: false });
  assert.deepEqual(comparable(withPrecheck), comparable(without), `findings differ with the pre-check in ${path.relative(repo, root)}`);
  // Nothing the pre-check skips had a syntax error either (or the counts above would differ).
  assert.deepEqual(withPrecheck.skipped, without.skipped);
  if (catalog) assert.deepEqual(catalogDrift(withPrecheck, catalog), catalogDrift(without, catalog), 'catalog drift differs');
  return withPrecheck;
}

const roots: string[] = [];
for (const base of ['test/fixtures/corpus', 'test/fixtures/holdout', 'test/fixtures/workspace', 'examples']) {
  const absolute = path.join(repo, base);
  if (!fs.existsSync(absolute)) continue;
  roots.push(absolute);
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) if (entry.isDirectory()) roots.push(path.join(absolute, entry.name));
}

describe('pre-check', () => {
  describe('identical results with and without it', () => {
    for (const root of roots) {
      it(path.relative(repo, root), () => {
        assertSameWithAndWithout(root);
      });
    }

    it('a generated monorepo (cross-file types, wrappers, routes, jobs): identical, and it skips files', async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-precheck-'));
      try {
        // tsc turns import() into require(); the generator is an ES module.
        const load = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ generate: (options: object) => unknown }>;
        const { generate } = await load(path.join(repo, 'scripts/bench/generate.mjs'));
        generate({ out: root, lines: 6_000, seed: 11 });
        const result = assertSameWithAndWithout(root);
        assert.ok(result.stats && result.stats.skippedByPrecheck > result.stats.files / 4, `skipped only ${result.stats?.skippedByPrecheck} of ${result.stats?.files}`);
        assert.ok(result.findings.length > 20);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }).timeout(120_000);
  });

  describe('single files', () => {
    const precheck = createPrecheck();
    const cases: { name: string; text: string; analyse: boolean }[] = [
      { name: 'an invalid @retention with no sink still has its finding', text: '/** @retention forever */\nexport const kept = 1;\n', analyse: true },
      { name: 'a suppression comment alone', text: '// privacy-review-disable-next-line\nfoo();\n', analyse: true },
      { name: 'personal data and a logger', text: 'export function f(user) {\n  logger.info(user.email);\n}\n', analyse: true },
      { name: 'a string key', text: "console.log(body['first-name']);\n", analyse: true },
      { name: 'an escaped identifier', text: 'console.log(user.\\u0065mail);\n', analyse: true },
      { name: 'a line continuation inside a key', text: "console.log(body['e\\\nmail']);\n", analyse: true },
      { name: 'a client-IP header', text: "console.log(req.headers['forwarded']);\n", analyse: true },
      { name: 'a catalog-free clean logger call', text: "console.log('listening on', port);\n", analyse: false },
      { name: 'personal data with no sink', text: 'export interface User {\n  email: string;\n  phone: string;\n}\n', analyse: false },
      { name: 'Array#push is not a sink without dataLayer', text: 'const emails: string[] = [];\nemails.push(user.email);\n', analyse: false },
      { name: 'dataLayer.push is', text: 'window.dataLayer.push({ email: user.email });\n', analyse: true },
      { name: 'the import keyword is not mixpanel.import', text: "import { email } from './x';\nexport const a = email;\n", analyse: false },
      { name: '`ip` inside another word is not an IP', text: "console.log(shipping, recipe, ipcRenderer);\n", analyse: false },
    ];
    for (const { name, text, analyse } of cases) {
      it(`${name}: ${analyse ? 'analysed' : 'skipped'}`, () => {
        assert.equal(precheck.mayHaveFindings(text), analyse);
        // And the engine agrees: a skipped file has no finding.
        if (!analyse) assert.deepEqual(createAnalyzer({ today: TODAY }).analyze(text, 'a.ts').findings, []);
      });
    }

    it('an @retention forever comment with no sink is analysed and has an invalid-retention finding', () => {
      const text = '// @retention forever\nexport const x = 1;\n';
      assert.ok(precheck.mayHaveFindings(text));
      assert.deepEqual(createAnalyzer().analyze(text, 'a.ts').findings.map((finding) => finding.ruleId), ['invalid-retention']);
    });

    it('needsIndex: declarations of personal data matter to an index even without a sink', () => {
      assert.equal(precheck.needsIndex('export interface User {\n  email: string;\n}\n'), true);
      assert.equal(precheck.needsIndex('export function audit(event) {\n  logger.info(event);\n}\n'), true);
      assert.equal(precheck.needsIndex("export const COLORS = ['red', 'blue'];\n"), false);
      assert.equal(precheck.needsIndex('const total = 1 + 2;\n'), false);
    });

    it('catalog names and fields are personal data too', () => {
      const withCatalog = createPrecheck({ catalog: { extraNames: [{ category: 'loyalty', names: ['memberNo'] }], fields: new Map([['Card.tier', 'loyalty']]) } });
      assert.equal(withCatalog.mayHaveFindings('logger.info(card.memberNo);\n'), true);
      assert.equal(createPrecheck().mayHaveFindings('logger.info(card.memberNo);\n'), false);
      assert.equal(withCatalog.verdict('export interface Card {\n  tier: string;\n}\n').reason, 'catalog-field');
    });

    it('decodes escapes as the parser does', () => {
      assert.equal(decodeEscapes('a\\u0065b\\x41\\u{1F600}'), 'aebA\u{1F600}');
      assert.equal(decodeEscapes("'first\\\nname'"), "'firstname'");
      assert.equal(decodeEscapes("'a\\nb\\''"), "'a b '");
    });
  });

  describe('across files', () => {
    it('a file with neither personal data nor a sink of its own is analysed when its imports bring both', () => {
      const files = new Map([
        ['lib/audit.ts', 'export function audit(event) {\n  logger.info(event);\n}\n'],
        ['models/user.ts', 'export interface User {\n  email: string;\n}\n'],
        ['services/signup.ts', "import { audit } from '../lib/audit';\nimport type { User } from '../models/user';\nexport function signup(u: User) {\n  audit(u);\n}\n"],
        ['services/plain.ts', "import { audit } from '../lib/audit';\nexport function ping(count: number) {\n  audit(count);\n}\n"],
        ['ui/colors.ts', "export const COLORS = ['red'];\n"],
      ]);
      const resolver = new ModuleResolver((file) => files.has(file));
      const selection = selectFilesToAnalyse(createPrecheck(), { files, resolve: (from, specifier) => resolver.resolve(from, specifier) });
      assert.deepEqual([...selection.analyse], ['services/signup.ts']);
      assert.equal(selection.reasons.get('models/user.ts'), 'no-sink');
      assert.equal(selection.reasons.get('services/plain.ts'), 'no-personal-data');
      assert.equal(selection.reasons.get('lib/audit.ts'), 'no-personal-data');
      assert.deepEqual(selection.imports.get('services/signup.ts')?.sort(), ['lib/audit.ts', 'models/user.ts']);
    });
  });

  describe('the sink vocabulary', () => {
    // Every identifier-like string in a sink recogniser is a method/global the pre-check knows, or
    // is listed here as not being one (modules, types, option keys, steps of a provenance chain).
    // A new recogniser with a new method name fails here until SINK_WORDS has it.
    const NOT_METHODS = new Set([
      '$transaction', 'Array', 'Collection', 'ConsoleLogger', 'Cookies', 'Date', 'EX', 'EXAT', 'EntityManager', 'FormData', 'Headers',
      'IDBPDatabase', 'Identify', 'InjectModel', 'InjectQueue', 'InjectRepository', 'Logger', 'LoggerService', 'Map', 'Math', 'Model',
      'MongoRepository', 'Object', 'PX', 'PXAT', 'Prop', 'QueryBuilder', 'Queue', 'Repository', 'Res', 'Sentry', 'Set', 'TreeRepository',
      'URLSearchParams', 'WeakMap', 'WeakSet', 'WriteStream', 'age', 'amplitude', 'analytics', 'build', 'builder', 'bull', 'bullmq', 'bunyan',
      'ceil', 'collection', 'connection', 'consola', 'console', 'const', 'context', 'cookies', 'createIndex', 'createWriteStream', 'ctx',
      'dataLayer', 'database', 'db', 'default', 'defaultJobOptions', 'define', 'destination', 'document', 'drizzle', 'ensureIndex',
      'expiration', 'expire', 'expireAfterSeconds', 'expireat', 'expires', 'expression', 'extend', 'extends', 'fastify', 'floor', 'format',
      'fs', 'getCustomRepository', 'getManager', 'getMongoRepository', 'getRepository', 'getTime', 'getTreeRepository', 'globalThis', 'hono',
      'idb', 'index', 'indexeddb', 'ioredis', 'join', 'json', 'knex', 'log4js', 'logger', 'loglevel', 'manager', 'maxAge', 'milli',
      'mixpanel', 'model', 'models', 'mongodb', 'mongoose', 'ms', 'new', 'now', 'number', 'objectStore', 'open', 'openDB', 'people',
      'pexpire', 'pexpireat', 'pino', 'posthog', 'prisma', 'promises', 'redis', 'removeOnComplete', 'removeOnFail', 'reply', 'require',
      'res', 'resp', 'response', 'round', 'runner', 's', 'schema', 'segment', 'self', 'sentry', 'sequelize', 'session', 'source', 'storage',
      'store', 'string', 'super', 'text', 'this', 'toGMTString', 'toISOString', 'toUTCString', 'transaction', 'transports', 'trunc', 'tx',
      'type', 'typeorm', 'unknown', 'value', 'window', 'winston', 'withRepository',
    ]);
    const sinksDirectory = path.join(repo, 'src/core/sinks');
    for (const file of fs.readdirSync(sinksDirectory).filter((name) => name.endsWith('.ts')).sort()) {
      it(`src/core/sinks/${file}`, () => {
        const program = parse(fs.readFileSync(path.join(sinksDirectory, file), 'utf8'), { range: true, loc: true });
        const unknown: string[] = [];
        simpleTraverse(program, {
          enter(node) {
            if (node.type !== 'Literal' || typeof node.value !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(node.value)) return;
            if (node.parent?.type === 'TSLiteralType') return; // a type (`SinkContext['resolveImport']`), not a value
            if (SINK_WORDS.has(node.value) || NOT_METHODS.has(node.value) || node.value in visitorKeys) return;
            unknown.push(node.value);
          },
        }, true);
        assert.deepEqual(unknown, [], 'add these to SINK_WORDS in src/scan/precheck.ts (or, if they are not methods, to NOT_METHODS here)');
      });
    }

    it('conditional words name their receiver', () => {
      for (const [word, receivers] of SINK_WORDS_WITH) {
        assert.ok(SINK_WORDS.has(word), word);
        for (const receiver of receivers) assert.ok(NOT_METHODS.has(receiver), receiver);
      }
    });
  });
});
