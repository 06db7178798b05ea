// Reports show code only where asked: a code line with a sentinel in it reaches HTML and SARIF by
// default and no report with --no-excerpts; text and markdown never quote code lines. Hostile
// text from the catalog and from annotations is escaped in HTML and markdown like file names are.
import { strict as assert } from 'node:assert';
import { formatText, MAX_LISTED_SKIPPED } from '../../../src/report/text';
import type { ScanResult } from '../../../src/scan/scan';
import { cli, project } from '../scan/cliHarness';

const SENTINEL = 'SENTINEL-CODE-7f3a';
const FILES = {
  'src/server.ts': `export function serve(req) {\n  console.log('${SENTINEL}', req.ip);\n}\n`,
};

function report(format: string, ...flags: string[]): string {
  const run = cli('scan', project(FILES), '--format', format, '--no-cache', ...flags);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return run.stdout;
}

describe('reports do not leak what they find', () => {
  describe('code excerpts only where asked', () => {
    const cases: { format: string; byDefault: boolean }[] = [
      { format: 'html', byDefault: true },
      { format: 'sarif', byDefault: true },
      { format: 'json', byDefault: false },
      { format: 'text', byDefault: false },
      { format: 'markdown', byDefault: false },
    ];
    for (const { format, byDefault } of cases) {
      it(`${format}: ${byDefault ? 'quotes the code line by default' : 'never quotes the code line'}; nothing with --no-excerpts`, () => {
        assert.equal(report(format).includes(SENTINEL), byDefault);
        assert.ok(!report(format, '--no-excerpts').includes(SENTINEL));
      });
    }
    it('json: the expression text goes with --no-excerpts; positions and the message stay', () => {
      const full = JSON.parse(report('json')).findings[0];
      const shared = JSON.parse(report('json', '--no-excerpts')).findings[0];
      assert.equal(full.source.text, 'req.ip');
      assert.equal(shared.source.text, undefined);
      assert.deepEqual({ line: shared.source.line, column: shared.source.column }, { line: 2, column: 37 });
      assert.equal(shared.message, full.message);
    });
  });

  describe('hostile text from the catalog and annotations is escaped', () => {
    const HOSTILE_LABEL = '<img src=x onerror=alert(4)>';
    const HOSTILE_REASON = '" onmouseover="alert(5)';
    const HOSTILE_RETENTION = '<script>alert(6)</script>';
    const files = {
      'src/app.ts': [
        'export function f(req, member) {',
        "  console.log('loyalty', member.loyaltyNumber);",
        "  console.log('from', req.ip);",
        '}',
        `/** @retention ${HOSTILE_RETENTION} */`,
        'export const kept = (user) => localStorage.setItem("e", user.email);',
        '',
      ].join('\n'),
      'privacy-catalog.json': JSON.stringify({
        version: 1,
        categories: [{ id: 'loyalty_id', label: HOSTILE_LABEL, names: ['loyaltyNumber'] }],
        policies: [{ category: 'ip_address', sink: 'log', retention: 'P30D', reason: HOSTILE_REASON }],
      }),
    };
    const outputs = Object.fromEntries(['html', 'markdown'].map((format) => [format, cli('scan', project(files), '--format', format, '--no-cache').stdout]));
    const body = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<script>[\s\S]*?<\/script>/, '');

    it('the catalog label, the policy reason and the retention value reach the reports', () => {
      assert.match(outputs.html, /alert\(4\)/);
      assert.match(outputs.html, /alert\(5\)/);
      assert.match(outputs.html, /alert\(6\)/);
      assert.match(outputs.markdown, /alert\(4\)/);
    });
    it('html: none of them as markup or an attribute break-out', () => {
      const rest = body(outputs.html);
      assert.doesNotMatch(rest, /<img\b|<script\b/);
      assert.ok(!rest.includes(HOSTILE_REASON), 'the reason is escaped inside its title attribute');
      assert.ok(rest.includes('&lt;img src=x onerror=alert(4)&gt;'));
      assert.ok(rest.includes('&quot; onmouseover=&quot;alert(5)'));
      for (const tag of rest.match(/<[a-z][^>]*>/g) ?? []) {
        const attributes = [...tag.matchAll(/\s([^\s=>]+)=("[^"]*"|'[^']*'|[^\s>]+)/g)].map((match) => match[1]);
        assert.ok(attributes.every((name) => !/^on/i.test(name)), `an event handler attribute in ${tag}`);
      }
    });
    it('markdown: no raw HTML (every < escaped)', () => {
      assert.doesNotMatch(outputs.markdown, /(?<!\\)<(img|script)\b/);
      assert.ok(outputs.markdown.includes('\\<img src=x onerror=alert(4)\\>'));
    });
  });

  describe('the text summary of skipped files stays readable', () => {
    const skipped = [
      ...Array.from({ length: 150 }, (_, index) => ({ file: `gen/empty${String(index).padStart(3, '0')}.ts`, reason: 'empty file' })),
      ...Array.from({ length: 30 }, (_, index) => ({ file: `min/b${index}.js`, reason: 'minified or generated (a line longer than 5000 characters)' })),
      { file: 'z/broken.ts', reason: "does not parse: ')' expected. (2:21)" },
    ];
    const result: ScanResult = { root: '/x', filesScanned: 0, findings: [], skipped, dataFlows: [], declaredMembers: new Set(), durationMs: 1 };
    const text = formatText(result);
    it(`lists the first ${MAX_LISTED_SKIPPED}, then counts the rest by reason`, () => {
      assert.match(text, /^Skipped 181 file\(s\)$/m);
      assert.equal(text.split('\n').filter((line) => /^ {2}\S+\.(ts|js) {2}/.test(line)).length, MAX_LISTED_SKIPPED);
      assert.match(text, /^ {2}… and 81 more: 50 empty file, 30 minified or generated, 1 does not parse \(--format json lists every one\)$/m);
    });
  });
});
