// The scan cache: a warm scan gives the same results from the cache, re-analyses what changed
// and what imports it, and never trusts a stale or corrupt cache.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closureKeys, hashText, ScanCache } from '../../../src/scan/cache';
import { loadCatalogText } from '../../../src/scan/catalogFile';
import { scanDirectory, type ScanOptions, type ScanResult } from '../../../src/scan/scan';

const TODAY = '2026-01-15';
const FILES: Record<string, string> = {
  'src/lib/audit.ts': 'export function audit(event) {\n  logger.info(event);\n}\n',
  'src/models/user.ts': 'export interface User {\n  email: string;\n  phone: string;\n}\n',
  'src/services/signup.ts': "import { audit } from '../lib/audit';\nimport type { User } from '../models/user';\nexport function signup(u: User) {\n  audit(u);\n}\n",
  'src/routes/health.ts': "export function health(req) {\n  console.log('from', req.ip);\n}\n",
  'src/ui/colors.ts': "export const COLORS = ['red', 'blue'];\n",
};

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});
function project(files: Record<string, string> = FILES): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-cache-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const ENGINE = 'test-engine';
function scan(root: string, options: ScanOptions = {}, engine = ENGINE, racyMarginMs?: number): { result: ScanResult; cache: ScanCache } {
  const cache = ScanCache.open(path.join(root, '.cache'), root, { engine, catalog: options.catalog?.file, sanitizers: options.sanitizers });
  if (racyMarginMs !== undefined) cache.racyMarginMs = racyMarginMs;
  return { result: scanDirectory(root, { today: TODAY, ...options, cache }), cache };
}
const findings = (result: ScanResult) => result.findings.map((finding) => `${finding.file}:${finding.span.start.line} ${finding.ruleId} ${finding.category ?? ''}`);
const cacheFile = (root: string) => path.join(root, '.cache', fs.readdirSync(path.join(root, '.cache')).find((name) => name.endsWith('.json'))!);
const journalFile = (root: string) => cacheFile(root).replace(/\.json$/, '.journal');

describe('hashText: the digest caches were written with (crypto.hash where Node has it)', () => {
  const texts = ['', 'src/a.ts\u0000abc\n\u0001', 'const user = { email };\n'.repeat(5_000), 'naïve → 🎮 gamer', 'lone \ud800 surrogate'];
  for (const text of texts) {
    it(`${JSON.stringify(text.slice(0, 24))} (${text.length} chars)`, () => {
      assert.equal(hashText(text), createHash('sha1').update(text).digest('base64url'));
    });
  }
});

describe('scan cache', () => {
  it('a warm scan answers every file from the cache, with the same results', () => {
    const root = project();
    const cold = scan(root);
    assert.equal(cold.result.stats?.fromCache, 0);
    const warm = scan(root);
    assert.deepEqual(findings(warm.result), findings(cold.result));
    assert.deepEqual(warm.result.findings, cold.result.findings);
    assert.equal(warm.result.stats?.fromCache, Object.keys(FILES).length);
    assert.equal(warm.result.stats?.analysed, 0);
    assert.ok(findings(cold.result).includes('src/services/signup.ts:4 personal-data-logged email'), findings(cold.result).join('\n'));
  });

  it('editing a file re-analyses it and the files that import it, nothing else', () => {
    const root = project();
    scan(root);
    fs.writeFileSync(path.join(root, 'src/models/user.ts'), 'export interface User {\n  /** @retention P30D */\n  email: string;\n  phone: string;\n}\n');
    const warm = scan(root);
    assert.equal(warm.result.stats?.fromCache, 3); // audit, health, colors
    assert.deepEqual(findings(warm.result), findings(scan(project({ ...FILES, 'src/models/user.ts': fs.readFileSync(path.join(root, 'src/models/user.ts'), 'utf8') }), {}, 'other').result));
    assert.ok(!findings(warm.result).includes('src/services/signup.ts:4 personal-data-logged email'));
    assert.ok(findings(warm.result).includes('src/services/signup.ts:4 personal-data-logged phone_number'));
  });

  it('a deleted file drops out of the results and of the cache', () => {
    const root = project();
    scan(root);
    fs.rmSync(path.join(root, 'src/routes/health.ts'));
    const warm = scan(root);
    assert.ok(!findings(warm.result).some((finding) => finding.startsWith('src/routes/health.ts')));
    assert.ok(!fs.readFileSync(cacheFile(root), 'utf8').includes('health.ts'));
  });

  for (const [name, corrupt] of [
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['valid JSON of the wrong shape', () => '{"format":1,"entries":null}'],
    ['entries with wrong types', (text: string) => text.replace(/"findings":\[/g, '"findings":7,"x":[')],
    ['a forged result for the current content', (text: string) => text.replace(/"findings":\[\]/, '"findings":[{"ruleId":"forged"}]').replace(/"key":"[^"]+"/g, '"key":"wrong"')],
  ] as const) {
    it(`a corrupt cache (${name}) is discarded or not trusted: results stay correct`, () => {
      const root = project();
      const cold = scan(root).result;
      fs.writeFileSync(cacheFile(root), corrupt(fs.readFileSync(cacheFile(root), 'utf8')));
      const again = scan(root).result;
      assert.deepEqual(again.findings, cold.findings);
      // And the next run has a sound cache again.
      assert.deepEqual(scan(root).result.findings, cold.findings);
    });
  }

  it('another engine, catalog or option empties the cache (stale)', () => {
    const root = project();
    scan(root);
    const otherEngine = scan(root, {}, 'engine-2');
    assert.equal(otherEngine.cache.discarded, 'stale');
    assert.equal(otherEngine.result.stats?.fromCache, 0);
    const catalog = loadCatalogText(JSON.stringify({ version: 1, policies: [{ category: 'ip_address', sink: 'log', retention: 'P7D' }] }), path.join(root, 'privacy-catalog.json'));
    const withCatalog = scan(root, { catalog }, 'engine-2');
    assert.equal(withCatalog.cache.discarded, 'stale');
    assert.ok(!findings(withCatalog.result).some((finding) => finding.includes('ip_address')));
    const withSanitizer = scan(root, { catalog, sanitizers: ['audit'] }, 'engine-2');
    assert.equal(withSanitizer.cache.discarded, 'stale');
  });

  it('a file with an until= suppression is re-analysed on another day', () => {
    const root = project({ 'a.ts': "// privacy-review-disable-next-line -- legacy until=2026-01-20\nconsole.log(req.ip);\n" });
    assert.deepEqual(findings(scan(root).result), []);
    const later = scanDirectory(root, { today: '2026-02-01', cache: ScanCache.open(path.join(root, '.cache'), root, { engine: ENGINE }) });
    assert.deepEqual(findings(later), ['a.ts:1 suppression-expired ', 'a.ts:2 personal-data-logged ip_address']);
  });

  it('an unwritable cache directory only costs speed', () => {
    const root = project();
    fs.writeFileSync(path.join(root, 'blocker'), 'a file where the cache directory should be');
    const cache = ScanCache.open(path.join(root, 'blocker', 'cache'), root, { engine: ENGINE });
    const result = scanDirectory(root, { today: TODAY, cache });
    assert.equal(cache.save(), false);
    assert.ok(result.findings.length > 0);
  });

  it('the CLI default: on when node_modules exists, in node_modules/.cache/privacy-review', () => {
    const root = project();
    scanDirectory(root, { useCache: 'if-node-modules' });
    assert.equal(fs.existsSync(path.join(root, 'node_modules')), false);
    fs.mkdirSync(path.join(root, 'node_modules'));
    scanDirectory(root, { useCache: 'if-node-modules' });
    assert.equal(fs.readdirSync(path.join(root, 'node_modules/.cache/privacy-review')).length, 1);
  });

  it('a file that configures a library for the process (session middleware) is read by every file: editing it re-analyses them', () => {
    const app = (cookie: string) => `import session from 'express-session';\nexport function setup(app) {\n  app.use(session({ secret: 's'${cookie} }));\n}\n`;
    const root = project({
      'src/app.ts': app(', cookie: { maxAge: 3600000 }'),
      'src/routes/user.ts': 'export function remember(req) {\n  req.session.email = req.body.email;\n}\n',
    });
    const withExpiry = scan(root).result;
    fs.writeFileSync(path.join(root, 'src/app.ts'), app(''));
    const warm = scan(root).result;
    const fresh = scanDirectory(root, { today: TODAY });
    assert.deepEqual(findings(warm), findings(fresh));
    assert.notDeepEqual(findings(withExpiry), findings(fresh), 'the configuration changes the result (else this test proves nothing)');
  });

  it('closure keys: a change reaches importers through cycles, not unrelated files', () => {
    const hashes = new Map([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1']]);
    const imports = new Map([['a', ['b']], ['b', ['c']], ['c', ['b']], ['d', []]]);
    const before = closureKeys(hashes, imports);
    const after = closureKeys(new Map([...hashes, ['c', '2']]), imports);
    assert.notEqual(before.get('a'), after.get('a'));
    assert.notEqual(before.get('b'), after.get('b'));
    assert.equal(before.get('d'), after.get('d'));
  });

  describe('journal: a scan that changed a few entries appends them instead of writing the whole file', () => {
    // Files enough that one file's entry is well under JOURNAL_LIMIT of the cache file.
    const fillers = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`src/ui/palette${index}.ts`, `export const PALETTE_${index} = ['red', 'blue', 'green'];\n`]));
    const USER = 'src/models/user.ts';
    const edited = (kind: string) => `export interface User {\n  email: string;\n  ${kind}: string;\n}\n`;

    it('one edited file: the cache file stays as it was, the journal holds the change, the next scan reads it back', () => {
      const root = project({ ...FILES, ...fillers });
      assert.equal(scan(root).cache.journaled, 0);
      const written = fs.readFileSync(cacheFile(root), 'utf8');
      fs.writeFileSync(path.join(root, USER), edited('ip'));
      const warm = scan(root);
      assert.ok(warm.cache.journaled > 0 && warm.cache.journaled <= 3, `journaled ${warm.cache.journaled}`); // user.ts and its importer signup.ts
      assert.equal(fs.readFileSync(cacheFile(root), 'utf8'), written);
      const again = scan(root);
      assert.equal(again.result.stats?.analysed, 0);
      assert.deepEqual(again.result.findings, warm.result.findings);
      assert.deepEqual(findings(again.result), findings(scanDirectory(root, { today: TODAY })));
      assert.ok(findings(again.result).includes('src/services/signup.ts:4 personal-data-logged ip_address'), findings(again.result).join('\n'));
    });

    it('a cache kept open across scans (the editor worker) journals from its second save on', () => {
      const root = project({ ...FILES, ...fillers });
      const cache = ScanCache.open(path.join(root, '.cache'), root, { engine: ENGINE });
      scanDirectory(root, { today: TODAY, cache }); // the scan saves its cache
      assert.equal(cache.journaled, 0); // nothing on disk yet: the whole file
      fs.writeFileSync(path.join(root, USER), edited('ip'));
      const warm = scanDirectory(root, { today: TODAY, cache });
      assert.ok(cache.journaled > 0);
      assert.deepEqual(scan(root).result.findings, warm.findings);
    });

    it('past JOURNAL_LIMIT of the cache file the whole file is written again, and the journal goes', () => {
      const root = project({ ...FILES, ...fillers });
      scan(root);
      fs.writeFileSync(path.join(root, USER), edited('ip'));
      assert.ok(scan(root).cache.journaled > 0);
      for (const file of Object.keys(fillers)) fs.writeFileSync(path.join(root, file), `${fs.readFileSync(path.join(root, file), 'utf8')}export const LOG = (req) => console.log(req.ip);\n`);
      const many = scan(root);
      assert.equal(many.cache.journaled, 0);
      assert.ok(!fs.existsSync(journalFile(root)));
      const again = scan(root);
      assert.equal(again.result.stats?.analysed, 0);
      assert.deepEqual(again.result.findings, many.result.findings);
      assert.equal(again.result.findings.filter((finding) => finding.file.startsWith('src/ui/palette')).length, Object.keys(fillers).length);
    });

    for (const [name, spoil] of [
      ['a line cut short', (text: string) => text.slice(0, -20)],
      ['forged entries written against another cache file', (text: string) => text.replace(/"generation":"[^"]+"/g, '"generation":"another"').replace(/"findings":\[/g, '"findings":[{"ruleId":"forged"},')],
      ['garbage', () => '\u0000{"generation":\n[1,2]\nnull\n'],
    ] as const) {
      it(`a journal holding ${name} costs a re-analysis, never a wrong result`, () => {
        const root = project({ ...FILES, ...fillers });
        scan(root);
        fs.writeFileSync(path.join(root, USER), edited('ip'));
        const warm = scan(root);
        assert.ok(warm.cache.journaled > 0);
        fs.writeFileSync(journalFile(root), spoil(fs.readFileSync(journalFile(root), 'utf8')));
        const again = scan(root);
        assert.ok((again.result.stats?.analysed ?? 0) > 0); // signup.ts's entry is lost: analysed again
        assert.deepEqual(again.result.findings, warm.result.findings);
        assert.equal(scan(root).result.stats?.analysed, 0); // and remembered again
      });
    }
  });

  describe('stat shortcut: an unchanged stat spares the read', () => {
    // The test's files are milliseconds young, and Date.now() can lag a file's ctime within one
    // millisecond: a negative margin lets every stat be trusted.
    const trusting = (root: string, options: ScanOptions = {}) => scan(root, options, ENGINE, -1_000).result;

    it('a warm scan with every stat unchanged reads no file, with the same results', () => {
      const root = project();
      const cold = trusting(root);
      const warm = trusting(root);
      assert.deepEqual(warm.findings, cold.findings);
      assert.equal(warm.stats?.fromCache, Object.keys(FILES).length);
      assert.equal(warm.stats?.unread, Object.keys(FILES).length);
    });

    it('an edited file is read and re-analysed with what it imports and what imports it; the rest stays unread', () => {
      const root = project();
      trusting(root);
      fs.writeFileSync(path.join(root, 'src/models/user.ts'), 'export interface User {\n  email: string;\n  ip: string;\n}\n');
      const warm = trusting(root);
      assert.deepEqual(findings(warm), findings(scanDirectory(root, { today: TODAY })));
      assert.ok(findings(warm).includes('src/services/signup.ts:4 personal-data-logged ip_address'), findings(warm).join('\n'));
      assert.equal(warm.stats?.unread, 2); // health, colors; audit is read for signup's analysis
    });

    it('same size and mtime with new content: the ctime gives the edit away', () => {
      const root = project();
      const file = path.join(root, 'src/ui/colors.ts');
      const mtime = 1_700_000_000; // whole seconds: utimes sets them exactly
      fs.utimesSync(file, mtime, mtime);
      const before = fs.statSync(file);
      trusting(root);
      while (Date.now() < before.ctimeMs + 20); // past one tick of a coarse file-system clock
      fs.writeFileSync(file, `${'console.log(req.ip); //'.padEnd(before.size - 1, '-')}\n`);
      fs.utimesSync(file, mtime, mtime);
      assert.equal(fs.statSync(file).size, before.size);
      assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
      const warm = trusting(root);
      assert.deepEqual(findings(warm), findings(scanDirectory(root, { today: TODAY })));
      assert.ok(findings(warm).some((finding) => finding.startsWith('src/ui/colors.ts:1 personal-data-logged')), findings(warm).join('\n'));
    });

    it('a file added to the tree can change what an unchanged file imports: remembered imports are not reused', () => {
      const root = project({ ...FILES, 'src/services/notify.ts': "import { send } from './helpers';\nexport function notify(email: string) {\n  send(email);\n}\n" });
      const before = trusting(root);
      assert.ok(!findings(before).some((finding) => finding.startsWith('src/services/notify.ts')));
      fs.writeFileSync(path.join(root, 'src/services/helpers.ts'), 'export function send(value) {\n  console.log(value);\n}\n');
      const after = trusting(root);
      assert.ok(findings(after).includes('src/services/notify.ts:3 personal-data-logged email'), findings(after).join('\n'));
      assert.deepEqual(findings(after), findings(scanDirectory(root, { today: TODAY })));
      assert.equal(trusting(root).stats?.unread, Object.keys(FILES).length + 2);
    });

    it('a file changed within the racy margin of its read is read again next time', () => {
      const root = project();
      const margin = 60_000; // every file here is younger than that, however slow the machine
      scan(root, {}, ENGINE, margin);
      const warm = scan(root, {}, ENGINE, margin).result;
      assert.equal(warm.stats?.fromCache, Object.keys(FILES).length);
      assert.equal(warm.stats?.unread, 0);
    });

    it('a file gone by the time the analysis needs its text is skipped with why, and the scan completes', () => {
      const root = project();
      trusting(root);
      fs.appendFileSync(path.join(root, 'src/services/signup.ts'), '// edited\n');
      let deleted = false;
      const warm = trusting(root, {
        // The first progress report comes after the plan and before the analysis.
        onProgress: () => {
          if (!deleted) fs.rmSync(path.join(root, 'src/lib/audit.ts'));
          deleted = true;
        },
      });
      assert.ok(deleted);
      assert.deepEqual(
        warm.skipped.map((skip) => `${skip.file}: ${skip.reason}`),
        ['src/lib/audit.ts: cannot read: ENOENT'],
      );
      assert.ok(findings(warm).includes('src/routes/health.ts:2 personal-data-logged ip_address'));
      const next = trusting(root);
      assert.deepEqual(next.skipped, []);
      assert.deepEqual(findings(next), findings(scanDirectory(root, { today: TODAY })));
    });
  });
});
