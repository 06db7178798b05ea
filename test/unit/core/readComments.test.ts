// readComments must give exactly typescript-estree's `comment: true` list (type, value, range,
// loc): each case and every file of the fixture corpora, examples and our own sources is parsed
// both ways and compared. The cases are the places where `//` and `/*` are not comments.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { readComments } from '../../../src/core/readComments';
import { REPO, sourceFilesUnder } from './sourceFiles';


function estreeComments(text: string, filePath: string): TSESTree.Comment[] | undefined {
  try {
    const ast = parse(text, { filePath, loc: true, range: true, comment: true, tokens: false, jsDocParsingMode: 'none', loggerFn: false, errorOnUnknownASTType: false });
    return ast.comments ?? [];
  } catch {
    return undefined;
  }
}

function compare(text: string, filePath: string): { expected: unknown; actual: unknown } | undefined {
  const expected = estreeComments(text, filePath);
  if (!expected) return undefined;
  const ast = parse(text, { filePath, loc: true, range: true, comment: false, tokens: false, jsDocParsingMode: 'none', loggerFn: false, errorOnUnknownASTType: false });
  const shape = (comments: TSESTree.Comment[]) => comments.map(({ type, value, range, loc }) => ({ type, value, range, loc }));
  return { expected: shape(expected), actual: shape(readComments(text, ast)) };
}

describe('readComments: the same comments as typescript-estree', () => {
  // file, text, how many comments the parser reports
  const cases: [string, string, number][] = [
    ['strings.ts', "const url = 'https://example.com/*x*/'; // trailing\nconst b = \"//\"; /* block */", 2],
    ['regex.ts', 'const slashes = /\\/\\//g; /* after a regex */ const star = /a*/; // end', 2],
    ['division.ts', 'const half = a / b /* c */ / d; // d', 2],
    ['template.ts', 'const t = `// not ${/* inside */ value} /* not */ ${x // line\n}`;', 2],
    ['jsx.tsx', 'const el = <a href="http://x">// text /* text */{/* real */}</a>; // after', 2],
    ['jsxAttributes.tsx', 'const el = <div // on the tag\n  id="x" /* between */ />;', 2],
    ['shebang.ts', '#!/usr/bin/env node // not a comment\n// a comment\nrun();', 1],
    ['tripleSlash.ts', '/// <reference types="node" />\nconst a = 1;', 1],
    ['lineBreaks.ts', '// crlf\r\nconst a = 1; // cr\rconst b = 2; // ls\u2028const c = 3;\u2029/* ps */', 4],
    ['multiline.ts', '/**\n * @retention 30d\n */\nconst a = 1;\n/* one */ /* two */', 3],
    ['typeLiteral.ts', "type Url = 'http://x' | `//${string}`; // types", 1],
    ['end.ts', 'const a = 1;\n// last line, no newline', 1],
    ['none.ts', "const text = '// only a string';", 0],
  ];
  for (const [file, text, count] of cases) {
    it(`${file}: ${count} comment${count === 1 ? '' : 's'}`, () => {
      const result = compare(text, file);
      assert.ok(result, 'the case parses');
      assert.equal((result.expected as unknown[]).length, count);
      assert.deepStrictEqual(result.actual, result.expected);
    });
  }

  it('every parsable file of the corpora, examples and sources', function () {
    this.timeout(120_000);
    let compared = 0;
    let comments = 0;
    const differing: string[] = [];
    for (const full of sourceFilesUnder(['test/fixtures', 'examples', 'src', 'scripts'])) {
      const result = compare(fs.readFileSync(full, 'utf8'), full);
      if (!result) continue;
      compared++;
      comments += (result.expected as unknown[]).length;
      try {
        assert.deepStrictEqual(result.actual, result.expected);
      } catch {
        differing.push(path.relative(REPO, full));
      }
    }
    assert.ok(compared > 300 && comments > 1000, `compared ${compared} files, ${comments} comments`);
    assert.deepStrictEqual(differing, []);
  });
});
