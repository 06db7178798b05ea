// The re-parse after an edit must give exactly the tree (and comments, and lines) a full parse of
// the new text gives. Each case says whether the edit can be re-parsed one statement alone or must
// fall back to the full parse; the sweep edits every fixture, example and source file and compares.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource, type ParsedFile, type ParseFailure } from '../../../src/core/parse';
import { reparseEdited, reparseSource, type PreviousParse } from '../../../src/core/incrementalParse';
import { WorkspaceIndex } from '../../../src/core';
import { REPO, sourceFilesUnder } from './sourceFiles';

function parsed(text: string, file: string): ParsedFile {
  const result = parseSource(text, file);
  assert.ok(result.ok, `${file} parses`);
  return result;
}

/** What a caller can see of a parse: failures compared by message and position. */
function shape(result: ParsedFile | ParseFailure): unknown {
  return result.ok ? result : { ok: false, message: result.message, position: result.position };
}

describe('incremental parse: one statement again, the same tree as a full parse', () => {
  const service = [
    "import { log } from './log';",
    '',
    '@Injectable()',
    'export class UserService {',
    '  save(email: string) {',
    '    log.info(email);',
    '  }',
    '}',
    '',
    '// @retention 30d',
    'export function audit(ip: string) {',
    '  log.info(`ip ${ip}`); // the address',
    '}',
    'const limit = 10;',
  ].join('\n');
  // name, file, text before, text after, re-parsed alone (true) or in full (false)
  const cases: [string, string, string, string, boolean][] = [
    ['a character inside a method', 'a.ts', service, service.replace('log.info(email)', 'log.info(email) '), true],
    ['a new line inside a class moves what follows down', 'a.ts', service, service.replace('    log.info(email);', '    log.info(email);\n    log.warn(email);'), true],
    ['a line taken out of a function', 'a.ts', service, service.replace('  log.info(`ip ${ip}`); // the address\n', ''), true],
    ['an edited comment inside a function', 'a.ts', service, service.replace('the address', 'the @pii address'), true],
    ['a decorated class keeps its decorator', 'a.ts', service, service.replace('save(email', 'store(email'), true],
    ['CRLF line breaks', 'a.ts', service.replaceAll('\n', '\r\n'), service.replaceAll('\n', '\r\n').replace('log.info(email)', 'log.info(email, 1)'), true],
    ['JSX in a .tsx file', 'a.tsx', 'import x from "x";\nexport function A() {\n  return <div>// text</div>;\n}\n', 'import x from "x";\nexport function A() {\n  return <div>// texts</div>;\n}\n', true],
    ['a script (no import or export) stays a script', 'a.js', 'function f() {\n  return 1;\n}\nf();\n', 'function f() {\n  return 2;\n}\nf();\n', true],
    ['an edit on the first line of a statement', 'a.ts', service, service.replace('export function audit', 'export function auditIp'), false],
    ['an edit between statements', 'a.ts', service, service.replace('}\n\n// @retention', '}\n\n\n// @retention'), false],
    ['an unclosed brace: the statement swallows the rest', 'a.ts', service, service.replace('    log.info(email);\n  }', '    log.info(email);\n  {'), false],
    ['an opened block comment', 'a.ts', service, service.replace('    log.info(email);', '    /* log.info(email);'), false],
    ['a statement that no longer closes itself (`;` taken away)', 'a.ts', 'const a = {\n  b: 1,\n};\n(f)();\n', 'const a = {\n  b: 1,\n}\n(f)();\n', false],
    ['the only export taken away: the file becomes a script', 'a.ts', 'export function f() {\n  return 1;\n}\n', 'function f() {\n  return 1;\n}\n', false],
    ['top-level await added to a script', 'a.ts', 'if (a) {\n  b();\n}\n', 'if (a) {\n  await b();\n}\n', false],
    ['a statement split in two', 'a.ts', 'function f() {\n  return 1;\n}\n', 'function f() {\n  return 1;\n}\nfunction g() {\n  return 2;\n}\n', false],
    ['a statement after it on the same line', 'a.ts', 'function f() {\n  return 1;\n} f();\n', 'function f() {\n  return 12;\n} f();\n', false],
    ['a syntax error: the full parse reports it', 'a.ts', service, service.replace('log.info(email);', 'log.info(email;'), false],
  ];
  for (const [name, file, before, after, alone] of cases) {
    it(`${name}: ${alone ? 're-parsed alone' : 'parsed in full'}, same result`, () => {
      const previous = { text: before, parsed: parsed(before, file) };
      let incremental: ParsedFile | undefined;
      try {
        incremental = reparseEdited(previous, after, file);
      } catch {
        incremental = undefined;
      }
      assert.equal(incremental !== undefined, alone);
      assert.deepStrictEqual(shape(reparseSource(previous, after, file)), shape(parseSource(after, file)));
    });
  }

  it('a deprecated property (enum `members`) reads as on a fresh parse, positions moved', () => {
    const before = 'export enum A {\n  x = 1,\n}\nexport function f() {\n  return 1;\n}\nexport enum B {\n  y = 2,\n}\n';
    const after = before.replace('return 1;', 'return 1;\n  // two lines\n');
    const reparsed = reparseEdited({ text: before, parsed: parsed(before, 'a.ts') }, after, 'a.ts');
    assert.ok(reparsed);
    const fresh = parsed(after, 'a.ts');
    const membersOf = (tree: ParsedFile) => {
      const declaration = tree.ast.body[2];
      assert.ok(declaration.type === 'ExportNamedDeclaration' && declaration.declaration?.type === 'TSEnumDeclaration');
      const quiet = process.noDeprecation;
      process.noDeprecation = true;
      try {
        return JSON.parse(JSON.stringify((declaration.declaration as unknown as { members: unknown }).members));
      } finally {
        process.noDeprecation = quiet;
      }
    };
    assert.deepStrictEqual(membersOf(reparsed), membersOf(fresh));
    assert.equal(membersOf(fresh)[0].loc.start.line, 10);
  });

  it('every parsable file of the corpora, examples and sources, under thirteen kinds of edit', function () {
    this.timeout(300_000);
    const edits = [' ', '', 'x', '\n', ';', '}', '{', '"', '/*', '`', 'await 1;\n', '\r\n', ' // @pii email\n'];
    let compared = 0;
    let alone = 0;
    const differing: string[] = [];
    for (const full of sourceFilesUnder(['test/fixtures', 'examples', 'src'])) {
      const text = fs.readFileSync(full, 'utf8');
      const before = parseSource(text, full);
      if (!before.ok) continue;
      for (const [kind, inserted] of edits.entries()) {
        // Spread over the file: a different place for each kind of edit.
        const at = Math.floor((((kind + 1) * 7919 + text.length * 31) % 1000) / 1000 * text.length);
        const after = inserted === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + inserted + text.slice(at);
        const previous: PreviousParse = { text, parsed: before };
        let reparsed: ParsedFile | undefined;
        try {
          reparsed = reparseEdited(previous, after, full);
        } catch {
          reparsed = undefined;
        }
        compared++;
        if (reparsed) alone++;
        try {
          assert.deepStrictEqual(shape(reparseSource(previous, after, full)), shape(parseSource(after, full)));
        } catch {
          differing.push(`${path.relative(REPO, full)} at ${at} ${JSON.stringify(inserted)}`);
        }
      }
    }
    // Most edits here break the syntax (a quote, a brace) and must fall back; enough must not.
    assert.ok(compared > 5000 && alone > compared / 10, `compared ${compared} edits, ${alone} re-parsed alone`);
    assert.deepStrictEqual(differing, []);
  });

  it('the workspace index after a run of edits gives what a fresh index gives', () => {
    const file = 'src/users.ts';
    const files: Record<string, string> = {
      'src/log.ts': "import pino from 'pino';\nexport const log = pino();\n",
      [file]: service.replace("'./log'", "'./log'").replace('@Injectable()\n', ''),
    };
    const index = new WorkspaceIndex({ today: '2026-06-01' });
    for (const [name, text] of Object.entries(files)) index.setFile(name, text);
    let text = files[file];
    const steps = [
      (t: string) => t.replace('log.info(email);', 'log.info(email);\n    log.warn({ email });'),
      (t: string) => t.replace('save(email: string)', 'save(email: string, phone: string)'),
      (t: string) => t.replace('log.warn({ email });', 'log.warn({ email, phone });'),
      (t: string) => t.replace('// @retention 30d\n', ''),
      (t: string) => t.replace('log.info(`ip ${ip}`);', 'log.info(`ip ${ip}`); // privacy-review-disable-line'),
    ];
    for (const step of steps) {
      text = step(text);
      index.setFile(file, text);
      const fresh = new WorkspaceIndex({ today: '2026-06-01' });
      for (const [name, body] of Object.entries({ ...files, [file]: text })) fresh.setFile(name, body);
      const findings = (of: WorkspaceIndex) => of.analyze(file).findings.map(({ span, category, sinkKind, ruleId, message }) => ({ span, category, sinkKind, ruleId, message }));
      const expected = findings(fresh);
      assert.ok(expected.length > 0, 'the file has findings to compare');
      assert.deepStrictEqual(findings(index), expected);
    }
  });
});
