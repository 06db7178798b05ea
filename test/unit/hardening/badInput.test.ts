// The bad-input corpus: every hostile file ends in its findings or in a skipped notice with the
// reason, the scan always finishes, and no file costs another its findings. Small fixtures are
// committed in test/fixtures/bad-input (byte-exact); large or system-dependent ones are made here.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanDirectory, type ScanOptions, type ScanResult } from '../../../src/scan/scan';
import { cli, project, temporaryDirectory } from '../scan/cliHarness';

/** out/test/unit/hardening → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad-input');
const GOOD_FILE = fs.readFileSync(path.join(FIXTURES, 'good.ts'), 'utf8');
const GOOD_FINDINGS = ['3 ip_address/log', '4 email/storage'];
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const IS_WINDOWS = process.platform === 'win32';

/** Per file: its findings as "line category/sink", or "skipped: reason". */
function outcomes(result: ScanResult): Map<string, string[] | string> {
  const map = new Map<string, string[] | string>();
  for (const finding of result.findings) {
    const list = (map.get(finding.file) as string[] | undefined) ?? [];
    list.push(`${finding.span.start.line} ${finding.category}/${finding.sinkKind ?? finding.ruleId}`);
    map.set(finding.file, list);
  }
  for (const skipped of result.skipped) {
    const findings = map.get(skipped.file);
    map.set(skipped.file, findings ? `${findings} + skipped: ${skipped.reason}` : `skipped: ${skipped.reason}`);
  }
  return map;
}

/** What the scan says about `file`, and a check that good.ts beside it kept its findings. */
function scanWithNeighbour(files: Record<string, string | Buffer>, options: ScanOptions & { root?: string } = {}): { result: ScanResult; of: (file: string) => string[] | string | undefined } {
  const root = options.root ?? temporaryDirectory('privacy-review-bad-');
  for (const [file, content] of Object.entries({ 'good.ts': GOOD_FILE, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  const result = scanDirectory(root, { precheck: true, ...options });
  const map = outcomes(result);
  assert.deepEqual(map.get('good.ts'), GOOD_FINDINGS, 'the good file beside the bad ones keeps its findings');
  return { result, of: (file) => map.get(file) };
}

const skipped = (reason: RegExp) => (outcome: string[] | string | undefined) => assert.match(String(outcome), new RegExp(`^skipped: ${reason.source}$`));
const findings = (expected: string[]) => (outcome: string[] | string | undefined) => assert.deepEqual(outcome, expected);

describe('bad input: the scan finishes, other files keep their findings, skipped files say why', () => {
  describe('test/fixtures/bad-input (committed, byte-exact)', () => {
    const result = scanDirectory(FIXTURES);
    const map = outcomes(result);
    const cases: { file: string; what: string; expect: (outcome: string[] | string | undefined) => void }[] = [
      { file: 'good.ts', what: 'the reference file', expect: findings(GOOD_FINDINGS) },
      { file: 'crlf.ts', what: 'Windows line endings: findings on the right lines', expect: findings(['3 email/log']) },
      { file: 'cr-only.ts', what: 'old Mac line endings (CR only)', expect: findings(['3 email/log']) },
      { file: 'mixed-endings.ts', what: 'CRLF and LF mixed', expect: findings(['4 ip_address/log']) },
      { file: 'utf8-bom.ts', what: 'UTF-8 with a byte-order mark', expect: findings(['3 email/log']) },
      { file: 'utf16le-bom.ts', what: 'UTF-16 LE with a BOM', expect: findings(['3 email/log']) },
      { file: 'utf16be-bom.ts', what: 'UTF-16 BE with a BOM', expect: findings(['3 email/log']) },
      { file: 'utf16le-no-bom.ts', what: 'UTF-16 without a BOM reads as NUL bytes', expect: skipped(/binary file \(contains NUL bytes\)/) },
      { file: 'latin1.js', what: 'Latin-1 (invalid UTF-8) is read with replacement characters; lines unchanged', expect: findings(['4 phone_number/log']) },
      { file: 'nul-bytes.js', what: 'NUL bytes', expect: skipped(/binary file \(contains NUL bytes\)/) },
      { file: 'empty.ts', what: 'an empty file', expect: skipped(/empty file/) },
      { file: 'blank.ts', what: 'only whitespace', expect: skipped(/empty file/) },
      { file: 'bundle.js', what: 'a minified bundle (one line over 5,000 characters)', expect: skipped(/minified or generated \(a line longer than 5000 characters\)/) },
      { file: 'short-lines.min-style.js', what: 'minified code in lines under the limit is analysed', expect: findings(['2 ip_address/log']) },
      { file: 'syntax-error.ts', what: 'a syntax error, with its position', expect: skipped(/does not parse: '\)' expected\. \(2:21\)/) },
      { file: 'no-words-syntax-error.ts', what: 'a syntax error in a file the pre-check passes over is not reported', expect: (outcome) => assert.equal(outcome, undefined) },
    ];
    for (const { file, what, expect } of cases) it(`${file}: ${what}`, () => expect(map.get(file)));
    it('every fixture has a case', () => {
      const listed = new Set(cases.map((entry) => entry.file));
      assert.deepEqual(fs.readdirSync(FIXTURES).filter((file) => /\.(ts|js)$/.test(file) && !listed.has(file)), []);
    });
    it('the text summary lists each skipped file with its reason', () => {
      const text = cli('scan', FIXTURES, '--no-cache').stdout;
      assert.match(text, /^Skipped 6 file\(s\)$/m);
      for (const entry of result.skipped) assert.ok(text.includes(`  ${entry.file}  ${entry.reason}`), entry.file);
    });
    it('--no-precheck parses every file, and reports the syntax error the pre-check passed over', () => {
      const all = outcomes(scanDirectory(FIXTURES, { precheck: false }));
      assert.match(String(all.get('no-words-syntax-error.ts')), /^skipped: does not parse: .* \(1:\d+\)$/);
      for (const [file, outcome] of map) assert.deepEqual(all.get(file), outcome, file);
    });
  });

  describe('syntax errors at every line: the error position is reported, the neighbour is intact', () => {
    const lines = [
      "import { Request } from 'express';",
      '',
      '/** Someone who signed up. */',
      'interface Member {',
      '  email: string;',
      '}',
      '',
      'export function handler(req: Request, member: Member) {',
      '  const from = req.ip;',
      '  if (from) {',
      "    console.log('request from', from);",
      '  }',
      '  return `${member.email}`;',
      '}',
    ];
    const files: Record<string, string> = {};
    lines.forEach((_, index) => (files[`broken-${index + 1}.ts`] = lines.map((line, at) => (at === index ? `) ${line}` : line)).join('\n')));
    const { of } = scanWithNeighbour(files, { precheck: false });
    lines.forEach((_, index) => {
      const line = index + 1;
      const message = line === 5 || line === 6 ? 'Property or signature expected.' : 'Declaration or statement expected.';
      it(`a stray ")" at the start of line ${line}`, () => skipped(new RegExp(`does not parse: ${message.replace('.', '\\.')} \\(${line}:1\\)`))(of(`broken-${line}.ts`)));
    });
  });

  describe('large, long and deep files (generated)', () => {
    const NESTING = 10_000;
    // One level per line, so no line looks minified and the nesting itself is what is tested.
    const deep = (open: string, inner: string, close: string) => `${`${open}\n`.repeat(NESTING)}${inner}${`\n${close}`.repeat(NESTING)}`;
    const nested: Record<string, string> = {
      'parens.ts': `console.log(${deep('(', 'req.ip', ')')});\n`,
      'arrays.ts': `export const a = ${deep('[', 'req.ip', ']')};\n`,
      'objects.ts': `export const o = ${deep('{ a:', 'req.ip', '}')};\n`,
      'calls.ts': `console.log(${deep('f(', 'req.ip', ')')});\n`,
      'blocks.ts': `${deep('{', 'console.log(req.ip);', '}')}\n`,
      'arrows.ts': `export const f = ${deep('() =>', 'console.log(req.ip)', '')};\n`,
      'ifs.ts': `${deep('if (a)', 'console.log(req.ip);', '')}\n`,
      'ternaries.ts': `console.log(${deep('a ? b :', 'req.ip', '')});\n`,
      'concatenation.ts': `console.log(${deep('req.ip +', '1', '')});\n`,
      'members.ts': `console.log(req${deep('', '', '.ip')});\n`,
      'functions.ts': `${deep('function f() {', 'console.log(req.ip);', '}')}\n`,
      'types.ts': `type T = ${deep('Array<', 'string', '>')};\nconsole.log(req.ip);\n`,
      'templates.ts': `console.log(${deep('`${', 'req.ip', '}`')});\n`,
      'jsx.tsx': `export const C = () => ${deep('<div>', '{req.ip}', '</div>')};\n`,
    };
    const twentyMegabytes = `export const table = [\n${'  "0123456789abcdef0123456789abcdef",\n'.repeat(552_000)}];\n`;
    const { of, result } = scanWithNeighbour({
      ...nested,
      'huge.ts': twentyMegabytes,
      'one-line.ts': `export const blob = "${'x'.repeat(50_000)}"; console.log(req.ip);\n`,
      // Deeper than the walker follows (400), shallow enough for the parser: the rest of the file still counts.
      'deep-but-parses.ts': `console.log('hello', user.email);\nexport const a = ${'['.repeat(500)}req.ip${']'.repeat(500)};\n`,
      // Each statement would double the value's markers were they not deduplicated: 2^40 entries.
      'doubling.ts': `export function f(p) {\n  let x = p;\n${'  x = x + x;\n'.repeat(40)}  console.log(x);\n}\nf(req.ip);\n`,
    }, { precheck: false }); // most have no sink word: the pre-check would pass over them unparsed
    it('a 20 MB file is skipped as too large', () => skipped(/too large \(20\.0 MB > 2\.0 MB\)/)(of('huge.ts')));
    it('a 50,000-character line is skipped as generated', () => skipped(/minified or generated \(a line longer than 5000 characters\)/)(of('one-line.ts')));
    for (const file of Object.keys(nested)) {
      it(`${NESTING.toLocaleString('en-US')} levels of ${file.replace(/\.tsx?$/, '')}: skipped as too deeply nested, no RangeError`, () => skipped(/too deeply nested for the parser/)(of(file)));
    }
    it('500 levels: partly analysed, listed with the reason, and the findings above the deep part kept', () => {
      assert.equal(of('deep-but-parses.ts'), '1 email/log + skipped: partly analysed: code nested more than 400 levels deep was not followed');
    });
    it('a value that doubles 40 times: analysed, in well under a second', () => {
      assert.deepEqual(of('doubling.ts'), ['45 ip_address/log']);
    });
    it('the good file is counted as scanned, every bad one as skipped', () => {
      assert.equal(result.skipped.length, Object.keys(nested).length + 3); // + huge, one-line, and the partly analysed one
      assert.equal(result.filesScanned, 3); // good.ts, doubling.ts and the partly analysed file
    });
  });

  describe('the tree changes between discovery and reading', () => {
    const neighbourAnd = (change: (absolute: string) => void) => {
      const root = temporaryDirectory('privacy-review-midscan-');
      return scanWithNeighbour({ 'victim.ts': "console.log('from', req.ip);\n" }, { root, beforeRead: (file) => file === 'victim.ts' && change(path.join(root, file)) });
    };
    it('a file that vanishes: "cannot read: ENOENT"', () => skipped(/cannot read: ENOENT/)(neighbourAnd((file) => fs.rmSync(file)).of('victim.ts')));
    it('a file that loses read permission: EACCES, or (as root, where chmod does not deny reads) analysed', () => {
      const { of } = neighbourAnd((file) => fs.chmodSync(file, 0o000));
      if (IS_ROOT || IS_WINDOWS) assert.deepEqual(of('victim.ts'), ['1 ip_address/log']);
      else skipped(/cannot read: EACCES/)(of('victim.ts'));
    });
    it('a file replaced by a directory: skipped, not a regular file', () => {
      skipped(/not a regular file \(a directory\)|cannot read: EISDIR/)(neighbourAnd((file) => (fs.rmSync(file), fs.mkdirSync(file))).of('victim.ts'));
    });
    (IS_WINDOWS ? it.skip : it)('a file replaced by a named pipe: skipped at once (a read would block forever)', () => {
      skipped(/not a regular file \(a named pipe\)/)(neighbourAnd((file) => (fs.rmSync(file), execFileSync('mkfifo', [file]))).of('victim.ts'));
    });
    it('a file that grows past the size limit after discovery: skipped as too large', () => {
      const root = temporaryDirectory('privacy-review-grow-');
      const grown = scanWithNeighbour({ 'victim.ts': 'console.log(req.ip);\n' }, { root, maxFileBytes: 1024, beforeRead: (file) => file === 'victim.ts' && fs.appendFileSync(path.join(root, file), '//'.repeat(2048)) });
      skipped(/too large \(4 KB > 1 KB\)/)(grown.of('victim.ts'));
    });
    (IS_ROOT || IS_WINDOWS ? it.skip : it)('a directory without read permission: listed as unreadable, the rest scanned', () => {
      const root = temporaryDirectory('privacy-review-dir-');
      fs.mkdirSync(path.join(root, 'locked'));
      fs.writeFileSync(path.join(root, 'locked', 'a.ts'), 'console.log(req.ip);\n');
      fs.chmodSync(path.join(root, 'locked'), 0o000);
      try {
        skipped(/cannot read directory: EACCES/)(scanWithNeighbour({}, { root }).of('locked'));
      } finally {
        fs.chmodSync(path.join(root, 'locked'), 0o755);
      }
    });
  });

  (IS_WINDOWS ? describe.skip : describe)('symbolic links are not followed', () => {
    const root = temporaryDirectory('privacy-review-links-');
    const outside = project({ 'secret.ts': 'console.log(user.ssn);\n' }, 'privacy-review-outside-');
    fs.mkdirSync(path.join(root, 'src'));
    fs.symlinkSync('.', path.join(root, 'src', 'self'));
    fs.symlinkSync('..', path.join(root, 'src', 'parent'));
    fs.symlinkSync(root, path.join(root, 'src', 'root'));
    fs.symlinkSync('b.ts', path.join(root, 'src', 'a.ts'));
    fs.symlinkSync('a.ts', path.join(root, 'src', 'b.ts'));
    fs.symlinkSync('nowhere.ts', path.join(root, 'src', 'dangling.ts'));
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src', 'outside.ts'));
    fs.symlinkSync(outside, path.join(root, 'src', 'outside-dir'));
    const { result, of } = scanWithNeighbour({}, { root });
    for (const link of ['a.ts', 'b.ts', 'dangling.ts', 'outside.ts']) it(`src/${link} is listed as a link, not read`, () => skipped(/symbolic link \(not followed\)/)(of(`src/${link}`)));
    it('directory links (to itself, its parent, the root, outside) are not entered: nothing from them is scanned', () => {
      assert.deepEqual(result.findings.map((finding) => finding.file), ['good.ts', 'good.ts']);
      assert.deepEqual(result.skipped.map((entry) => entry.file), ['src/a.ts', 'src/b.ts', 'src/dangling.ts', 'src/outside.ts']);
    });
  });
});
