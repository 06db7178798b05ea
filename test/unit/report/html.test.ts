// The HTML report: self-contained (inline style and script allowed by hash, nothing fetched), a
// data map of categories × sink kinds, and every piece of scanned text escaped.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml, formatHtml, REPORT_SCRIPT } from '../../../src/report/html';
import { REPORT_CSS } from '../../../src/report/reportStyle';
import { loadCatalogText } from '../../../src/scan/catalogFile';
import { scanDirectory } from '../../../src/scan/scan';
import { cli, project } from '../scan/cliHarness';

/** out/test/unit/report → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');

const HOSTILE_DIR = '<script>alert(1)<';
const HOSTILE_FILE = `src/${HOSTILE_DIR}/script>.ts`; // the path reads "src/<script>alert(1)</script>.ts"
const QUOTED_FILE = `src/it's "quoted" & <.ts`;
const STYLE_FILE = 'src/x<' + '/style>.ts'; // the path reads "src/x</style>.ts"
const HOSTILE_CODE = "console.log('</style><script>alert(2)</script>', \"\\\"><img src=x onerror=alert(3)>\", req.ip);";

const FILES = {
  [HOSTILE_FILE]: `export function handler(req) {\n  ${HOSTILE_CODE}\n}\n`,
  [QUOTED_FILE]: "export function signup(user) {\n  localStorage.setItem('email', user.email);\n}\n",
  [STYLE_FILE]: "export const d = (user) => console.log(user.dateOfBirth);\n",
  'src/analytics.ts': 'export function track(analytics, user) {\n  analytics.identify(user.id, { phone: user.phone });\n}\n',
  'src/server.ts': "export function serve(req, logger) {\n  logger.info('request', req.ip);\n  logger.info('again', req.ip);\n}\n",
};

function htmlOf(files: Record<string, string>, ...flags: string[]): string {
  const run = cli('scan', project(files), '--format', 'html', ...flags);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return run.stdout;
}

/** Everything outside the page's own <style> and <script>: the part built from scanned text. */
function body(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<script>[\s\S]*?<\/script>/, '');
}

describe('HTML report', () => {
  const html = htmlOf(FILES);
  const rest = body(html);

  describe('hostile file names and code are escaped', () => {
    const cases: { name: string; raw: string; escaped: string }[] = [
      { name: 'a <script> element in a path', raw: '<script>alert(1)</script>', escaped: 'src/&lt;script&gt;alert(1)&lt;/script&gt;.ts:2:3' },
      { name: 'quotes and an ampersand in a path', raw: `it's "quoted" & <.ts`, escaped: 'src/it&#39;s &quot;quoted&quot; &amp; &lt;.ts:2:3' },
      { name: '</style> in a path', raw: 'x</style>', escaped: 'src/x&lt;/style&gt;.ts:1:' },
      { name: '</style> and <script> in code', raw: "'</style><script>alert(2)</script>'", escaped: '&#39;&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;&#39;' },
      { name: 'an attribute break-out in code', raw: '"><img src=x onerror=alert(3)>', escaped: '\\&quot;&gt;&lt;img src=x onerror=alert(3)&gt;' },
    ];
    for (const { name, raw, escaped } of cases) {
      it(name, () => {
        assert.ok(!rest.includes(raw), `raw text found: ${raw}`);
        assert.ok(rest.includes(escaped), `escaped text missing: ${escaped}`);
      });
    }
    it('one <script> and one <style> element in the whole page, and no element built from scanned text', () => {
      assert.equal(html.match(/<script\b/g)?.length, 1);
      assert.equal(html.match(/<style\b/g)?.length, 1);
      assert.equal(html.match(/<\/style>/g)?.length, 1);
      assert.doesNotMatch(rest, /<img\b/);
      for (const tag of tags(html)) assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `an inline event handler: ${tag}`);
    });
  });

  describe('self-contained', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const cases: { name: string; check: () => void }[] = [
      { name: "the CSP starts with default-src 'none'", check: () => assert.match(csp, /^default-src 'none'; /) },
      { name: 'the CSP allows the inline script by its hash, and only it', check: () => assert.match(csp, new RegExp(`script-src ${escapeRegExp(sha256(REPORT_SCRIPT))};`)) },
      { name: 'the CSP allows the inline style by its hash, and only it', check: () => assert.match(csp, new RegExp(`style-src ${escapeRegExp(sha256(REPORT_CSS))};`)) },
      { name: 'the script and style in the page are exactly the hashed texts', check: () => assert.ok(html.includes(`<script>${REPORT_SCRIPT}</script>`) && html.includes(`<style>${REPORT_CSS}</style>`)) },
      { name: 'no element loads anything (src, href)', check: () => tags(html).forEach((tag) => assert.doesNotMatch(tag, /\s(src|href|srcset|action)\s*=/i, tag)) },
      { name: 'the stylesheet loads nothing (url(), @import)', check: () => assert.doesNotMatch(REPORT_CSS, /url\(|@import/i) },
      { name: 'no inline style attribute (the CSP would block it)', check: () => tags(html).forEach((tag) => assert.doesNotMatch(tag, /\sstyle\s*=/i, tag)) },
    ];
    for (const { name, check } of cases) it(name, check);
  });

  describe('the data map', () => {
    const cell = (category: string, sink: string) => {
      const at = html.indexOf(`data-category="${category}" data-sink="${sink}"`);
      assert.ok(at >= 0, `no cell ${category} × ${sink}`);
      return html.slice(html.lastIndexOf('<td', at), html.indexOf('</td>', at)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    };
    const cases: { name: string; category: string; sink: string; text: string; clickable: boolean }[] = [
      { name: 'IP addresses in logs: 3 findings, no retention', category: 'ip_address', sink: 'log', text: '3 3 flows none declared', clickable: true },
      { name: 'email in storage: 1 finding', category: 'email', sink: 'storage', text: '1 1 flow none declared', clickable: true },
      { name: 'phone numbers to third parties: 1 finding', category: 'phone_number', sink: 'third-party', text: '1 1 flow none declared', clickable: true },
      { name: 'an empty cell: 0, not clickable', category: 'email', sink: 'third-party', text: '0 none declared', clickable: false },
    ];
    for (const { name, category, sink, text, clickable } of cases) {
      it(name, () => {
        assert.equal(cell(category, sink), text);
        assert.equal(new RegExp(`<button type="button" class="cell"[^>]*data-category="${category}" data-sink="${sink}"`).test(html), clickable);
      });
    }
    it('columns are the three sink kinds', () => assert.match(html, /<thead><tr><th scope="col">Personal data<\/th><th scope="col">Logs<\/th><th scope="col">Storage<\/th><th scope="col">Third parties<\/th><\/tr><\/thead>/));
    it('rows carry the fideslang key', () => assert.match(html, /<th scope="row">IP address<span class="fideslang">user\.device\.ip_address<\/span><\/th>/));
    it('every finding in the list names its cell, so a click can filter it', () => {
      const items = html.match(/<li class="finding[^>]*>/g) ?? [];
      assert.equal(items.length, 6);
      for (const item of items) assert.match(item, /data-category="[a-z_]+" data-sink="(log|storage|third-party)"/);
    });
    it('the declared retention comes from the catalog, with where it was declared as a tooltip', () => {
      const root = project({ ...FILES, 'privacy-catalog.json': JSON.stringify({ version: 1, policies: [{ category: 'ip_address', sink: 'log', retention: 'P30D', reason: 'fraud review' }, { category: 'phone_number', sink: '*', retention: 'forbidden' }] }) });
      const withCatalog = cli('scan', root, '--format', 'html').stdout;
      const at = withCatalog.indexOf('data-category="ip_address" data-sink="log"');
      const ipCell = withCatalog.slice(withCatalog.lastIndexOf('<td', at), withCatalog.indexOf('</td>', at));
      assert.match(ipCell, /<span class="retention declared" title="catalog policy \(ip_address, log\) at privacy-catalog\.json:\d+: fraud review">retention: P30D<\/span>/);
      assert.match(ipCell, /<span class="count zero">0<\/span>/);
      assert.match(withCatalog, /<span class="retention forbidden"[^>]*>retention: forbidden<\/span>/);
    });
  });

  describe('code excerpts', () => {
    it('a few lines around the sink, the sink line marked', () => {
      assert.match(html, /<span class="line"><span class="ln" aria-hidden="true">1<\/span>export function serve\(req, logger\) \{<\/span><span class="line hit"><span class="ln" aria-hidden="true">2<\/span> {2}logger\.info\(&#39;request&#39;, req\.ip\);<\/span>/);
    });
    it('--no-excerpts leaves out all code, and says so', () => {
      const shared = htmlOf(FILES, '--no-excerpts');
      assert.doesNotMatch(shared, /<pre class="excerpt">/);
      assert.ok(!shared.includes('logger.info(&#39;request&#39;'), 'no code line');
      assert.match(shared, /code excerpts omitted/);
    });
  });

  it('a clean scan says so in the map and the list', () => {
    const clean = htmlOf({ 'a.ts': "console.log('ok');\n" });
    assert.match(clean, /No personal data reaches a log, a store or a third party/);
    assert.match(clean, /<p class="empty">No findings\.<\/p>/);
  });

  it('formatHtml works on a scan result directly, with a catalog object', () => {
    const root = project(FILES);
    const catalog = loadCatalogText('{ "version": 1, "policies": [{ "category": "email", "sink": "storage", "retention": "P1Y" }] }', path.join(root, 'privacy-catalog.json'));
    const page = formatHtml(scanDirectory(root, { catalog }), { catalog });
    assert.match(page, /retention: P1Y/);
  });

  const escapeCases: [string, string][] = [
    ['<a href="x">', '&lt;a href=&quot;x&quot;&gt;'],
    ["it's & done", 'it&#39;s &amp; done'],
    ['plain', 'plain'],
  ];
  for (const [raw, escaped] of escapeCases) it(`escapeHtml(${JSON.stringify(raw)})`, () => assert.equal(escapeHtml(raw), escaped));

  it('media/report.css (for the webview) is the same stylesheet as the one inlined', () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'media', 'report.css'), 'utf8'), REPORT_CSS, 'copy REPORT_CSS from src/report/reportStyle.ts into media/report.css');
  });
});

/** Every start tag in the page. Scanned text is escaped, so a "<" in it never starts one. */
function tags(html: string): string[] {
  return html.match(/<[a-zA-Z][^<>]*>/g) ?? [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
