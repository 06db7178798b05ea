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
import { createPrecheck, decodeEscapes, selectFilesToAnalyse, SINK_WORDS, SINK_WORDS_WITH, specifiersOf } from '../../../src/scan/precheck';
import { scanDirectory, type ScanResult } from '../../../src/scan/scan';
import { importEsModule } from './cliHarness';

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
        const { generate } = await importEsModule<{ generate: (options: object) => unknown }>(path.join(repo, 'scripts/bench/generate.mjs'));
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
      { name: 'a valid @retention with no sink', text: '/** @retention P30D */\nexport interface Ticket {\n  email: string;\n}\n', analyse: false },
      { name: 'a valid @retention glued to the comment end is read as invalid (superset)', text: '/** @retention P30D*/\nexport const x = 1;\n', analyse: true },
      { name: '@pii makes any name personal data', text: '/** @pii email */\nconst contact = load();\nconsole.log(contact);\n', analyse: true },
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

  describe('the strings kept as possible module specifiers (what the scan cache stores)', () => {
    const cases: [name: string, text: string, specifiers: string[]][] = [
      ['relative, bare and scoped specifiers', "import a from './a';\nimport b from \"lodash\";\nimport c from '@scope/pkg/sub';\n", ['./a', '@scope/pkg/sub', 'lodash']],
      ['a relative path with a space stays', "import d from './my file';\n", ['./my file']],
      ['sentences and URLs are not specifiers', "log('user signed in');\nfetchFrom('https://example.com/x');\nconst sep = ' | ';\n", []],
      ['each string once', "import a from './a';\nexport * from './a';\n", ['./a']],
      ['escapes decoded first', "import a from './\\u0061';\n", ['./a']],
    ];
    for (const [name, text, specifiers] of cases) {
      it(name, () => {
        assert.deepEqual(specifiersOf(text).sort(), specifiers);
        assert.deepEqual(createPrecheck().facts(text).specifiers.sort(), specifiers);
      });
    }
  });

  describe('the sink vocabulary', () => {
    // Every identifier-like string in a sink recogniser is a method/global the pre-check knows, or
    // is listed here, for that file, as reviewed and not being one (modules, types, option keys,
    // steps of a provenance chain, configuration keys). Per file, so a word reviewed in one
    // recogniser cannot hide the same word used as a method by a new one (`session`).
    const NOT_METHODS: Record<string, string[]> = {
      'amplitude.ts': ['Identify', 'amplitude'],
      'bindings.ts': ['$transaction', 'exports', 'module', 'require', 'string', 'this', 'transaction'],
      'bullmq.ts': ['InjectQueue', 'Queue', 'age', 'bull', 'bullmq', 'defaultJobOptions', 'removeOnComplete', 'removeOnFail', 'storage'],
      'bunyan.ts': ['bunyan'],
      'cacheClients.ts': ['Keyv', 'cache', 'keyv', 'maxAge', 'ms', 'number', 'option', 's', 'stdTTL', 'storage', 'store', 'ttl'],
      'callSite.ts': ['string', 'super', 'this'],
      'config/bunyanConfig.ts': ['count', 'createLogger', 'kept', 'path', 'period', 'raw', 'stream', 'streams', 'type'],
      'config/common.ts': ['configure', 'init', 'log4js'],
      'config/fieldEdits.ts': ['delete', 'forEach', 'replace', 'replaceAll', 'undefined', 'void'],
      'config/log4jsConfig.ts': ['appender', 'appenders', 'categories', 'categoryFilter', 'configure', 'console', 'dateFile', 'daysToKeep', 'default', 'getLogger', 'kept', 'log4js', 'logLevelFilter', 'numBackups', 'pattern', 'stderr', 'stdout', 'type'],
      'config/outputs.ts': ['console', 'kept', 'unbounded'],
      'config/pinoConfig.ts': ['count', 'destination', 'fastify', 'frequency', 'kept', 'limit', 'logger', 'multistream', 'options', 'paths', 'pino', 'redact', 'stream', 'string', 'target', 'targets', 'transport'],
      'config/sentryConfig.ts': ['Sentry', 'beforeBreadcrumb', 'beforeSend', 'breadcrumbs', 'contexts', 'exception', 'extra', 'init', 'message', 'tags', 'user'],
      'config/streams.ts': ['dest', 'destination', 'interval', 'kept', 'maxFiles'],
      'config/winstonConfig.ts': ['Console', 'DailyRotateFile', 'Logger', 'MongoDB', 'Stream', 'combine', 'createLogger', 'datePattern', 'expireAfterSeconds', 'format', 'frequency', 'kept', 'maxFiles', 'stream', 'transports'],
      'consola.ts': ['consola'],
      'console.ts': ['console', 'globalThis', 'window'],
      'cookies.ts': ['Cookies', 'Res', 'context', 'cookies', 'ctx', 'expires', 'hono', 'maxAge', 'ms', 'reply', 'res', 'resp', 'response', 's', 'storage', 'this', 'value'],
      'debug.ts': ['extend', 'this'],
      'documentCookie.ts': ['document', 'expression', 'join', 'storage', 'text'],
      'drizzle.ts': ['database', 'db', 'drizzle', 'storage', 'tx'],
      'dynamodb.ts': ['DocumentClient', 'DynamoDBDocument', 'ExpressionAttributeValues', 'Item', 'N', 'PutCommand', 'PutItemCommand', 'String', 'UpdateCommand', 'UpdateItemCommand', 'dynamodb', 'new', 's', 'storage'],
      'fs.ts': ['WriteStream', 'createWriteStream', 'fs', 'open', 'promises', 'storage'],
      'genericAnalytics.ts': ['Array', 'Map', 'Object', 'Set', 'WeakMap', 'WeakSet', 'analytics'],
      'genericLogger.ts': ['logger', 'this'],
      'googleTagManager.ts': ['dataLayer'],
      'indexedDb.ts': ['IDBPDatabase', 'idb', 'indexeddb', 'objectStore', 'openDB', 'storage', 'store'],
      'knex.ts': ['knex', 'schema', 'storage'],
      'log4js.ts': ['log4js'],
      'loglevel.ts': ['loglevel'],
      'mixpanel.ts': ['mixpanel', 'people'],
      'mongoTtl.ts': ['collection', 'createIndex', 'ensureIndex', 'expireAfterSeconds', 'expires', 'index'],
      'mongodb.ts': ['Collection', 'collection', 'mongodb', 'storage'],
      'mongoose.ts': ['InjectModel', 'Model', 'model', 'models', 'mongoose', 'new', 'storage', 'this'],
      'mongooseClassSchema.ts': ['Prop'],
      'nestLogger.ts': ['ConsoleLogger', 'Logger', 'LoggerService'],
      'options.ts': ['Date', 'Math', 'ceil', 'const', 'floor', 'getTime', 'milli', 'ms', 'now', 'number', 'round', 's', 'string', 'toGMTString', 'toISOString', 'toUTCString', 'trunc'],
      'pino.ts': ['destination', 'fastify', 'pino'],
      'posthog.ts': ['people', 'posthog'],
      'prisma.ts': ['prisma', 'storage'],
      'provenance.ts': ['default', 'extends', 'globalThis', 'new', 'require', 'self', 'string', 'super', 'this', 'window'],
      'redis.ts': ['Array', 'FormData', 'Headers', 'Map', 'Object', 'Set', 'URLSearchParams', 'WeakMap', 'WeakSet', 'ioredis', 'json', 'redis', 'storage'],
      'redisExpiry.ts': ['EX', 'EXAT', 'PX', 'PXAT', 'expiration', 'expire', 'expireat', 'pexpire', 'pexpireat', 'type', 'value'],
      'segment.ts': ['analytics', 'segment'],
      'sentry.ts': ['Sentry', 'sentry'],
      'sequelize.ts': ['build', 'define', 'extends', 'models', 'sequelize', 'storage'],
      'session.ts': ['context', 'ctx', 'maxAge', 'memorystore', 'ms', 'req', 'request', 's', 'storage', 'store', 'ttl'],
      'typeorm.ts': ['EntityManager', 'InjectRepository', 'MongoRepository', 'QueryBuilder', 'Repository', 'TreeRepository', 'builder', 'connection', 'getCustomRepository', 'getManager', 'getMongoRepository', 'getRepository', 'getTreeRepository', 'manager', 'runner', 'source', 'storage', 'transaction', 'typeorm', 'withRepository'],
      'types.ts': ['unknown'],
      'webStorage.ts': ['storage'],
      'winston.ts': ['format', 'transports', 'winston'],
    };
    const sinksDirectory = path.join(repo, 'src/core/sinks');
    const walk = (directory: string): string[] =>
      fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(directory, entry.name)) : entry.name.endsWith('.ts') ? [path.join(directory, entry.name)] : [],
      );
    for (const absolute of walk(sinksDirectory).sort()) {
      const file = path.relative(sinksDirectory, absolute).split(path.sep).join('/');
      it(`src/core/sinks/${file}`, () => {
        const program = parse(fs.readFileSync(absolute, 'utf8'), { range: true, loc: true });
        const reviewed = new Set(NOT_METHODS[file] ?? []);
        const unknown = new Set<string>();
        simpleTraverse(program, {
          enter(node) {
            if (node.type !== 'Literal' || typeof node.value !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(node.value)) return;
            if (node.parent?.type === 'TSLiteralType') return; // a type (`SinkContext['resolveImport']`), not a value
            if (SINK_WORDS.has(node.value) || reviewed.has(node.value) || node.value in visitorKeys) return;
            unknown.add(node.value);
          },
        }, true);
        assert.deepEqual([...unknown], [], 'add these to SINK_WORDS in src/scan/precheck.ts if a recogniser matches them, else to NOT_METHODS here');
      });
    }

    it('conditional words name their receiver', () => {
      for (const [word, receivers] of SINK_WORDS_WITH) {
        assert.ok(SINK_WORDS.has(word), word);
        for (const receiver of receivers) assert.ok(Object.values(NOT_METHODS).some((words) => words.includes(receiver)), receiver);
      }
    });
  });
});
