// What decodeSource makes of a file's bytes: a text to analyse, or why the file is skipped. The
// line-length limit for generated code is exact, on any line, the last one included.
import { strict as assert } from 'node:assert';
import { decodeSource } from '../../../src/scan/readSource';

const line = (length: number) => `${'x'.repeat(length - 1)};`;

describe('decodeSource: the generated-code line limit', () => {
  const cases: { what: string; text: string; minified: boolean }[] = [
    { what: 'a line of exactly 5,000 characters', text: `${line(5_000)}\nconsole.log(1);\n`, minified: false },
    { what: 'a line of 5,001 characters', text: `${line(5_001)}\n`, minified: true },
    { what: 'a long line after short ones', text: `a;\nb;\n${line(5_001)}\nc;\n`, minified: true },
    { what: 'a long last line without a line end', text: `a;\n${line(5_001)}`, minified: true },
    { what: 'many short lines adding up to more than 5,000', text: 'console.log(1);\n'.repeat(1_000), minified: false },
    { what: 'a file of one short line without a line end', text: 'a;', minified: false },
  ];
  for (const { what, text, minified } of cases) {
    it(`${what}: ${minified ? 'skipped as generated' : 'read'}`, () => {
      const outcome = decodeSource(Buffer.from(text, 'utf8'));
      if (minified) assert.deepEqual(outcome, { ok: false, reason: 'minified or generated (a line longer than 5000 characters)' });
      else assert.deepEqual(outcome, { ok: true, text });
    });
  }
});

describe('decodeSource: the text of UTF-8 bytes, ASCII or not (decodeUtf8 reads ASCII as latin1)', () => {
  const cases: { what: string; text: string }[] = [
    { what: 'ASCII', text: 'const ip = req.ip;\nlogger.info(ip);\n' },
    { what: 'a Latin-1 letter in a string', text: "const greeting = 'café';\n" },
    { what: 'an arrow in a comment', text: '// ip → log\nlogger.info(ip);\n' },
    { what: 'an emoji in a template', text: 'logger.info(`\u{1F600} ${ip}`);\n' },
    { what: 'a BOM before ASCII', text: '\ufeffconst a = 1;\n' },
  ];
  for (const { what, text } of cases) {
    it(`${what}: the same text as Node's UTF-8 decoding`, () => {
      const bytes = Buffer.from(text, 'utf8');
      const expected = bytes.toString('utf8').replace(/^\ufeff/, '');
      assert.deepEqual(decodeSource(bytes), { ok: true, text: expected });
    });
  }
});
