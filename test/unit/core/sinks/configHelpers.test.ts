import { strict as assert } from 'node:assert';
import { parseRedactPath, pathText } from '../../../../src/core/sinks/config/redactPaths';
import { bunyanPeriodSeconds, datePatternSeconds, intervalSeconds, maxFilesDays } from '../../../../src/core/sinks/config/rotation';

describe('pino redaction paths', () => {
  const table: [string, string[] | undefined][] = [
    ['email', ['email']],
    ['user.email', ['user', 'email']],
    ['*.phone', ['*', 'phone']],
    ['user.*', ['user', '*']],
    ['a["b-c"].d', ['a', 'b-c', 'd']],
    ["headers['x-forwarded-for']", ['headers', 'x-forwarded-for']],
    ['users[*].email', ['users', '[]', 'email']],
    ['users[0].email', ['users', '[]', 'email']],
    ['req.headers.authorization', ['req', 'headers', 'authorization']],
    ['a..b', undefined],
    ['a[b]', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of table) it(`${text || '(empty)'} → ${expected ? expected.join(' / ') : 'invalid'}`, () => assert.deepEqual(parseRedactPath(text), expected));
  it('prints them back', () => {
    assert.equal(pathText(['users', '[]', 'email']), 'users[*].email');
    assert.equal(pathText(['a', 'b-c']), 'a["b-c"]');
    assert.equal(pathText([]), '(everything)');
  });
});

describe('rotation periods', () => {
  it('date patterns by their finest field', () => {
    assert.equal(datePatternSeconds('YYYY-MM-DD'), 86_400);
    assert.equal(datePatternSeconds('YYYY-MM-DD-HH'), 3_600);
    assert.equal(datePatternSeconds('yyyy-MM-dd'), 86_400);
    assert.equal(datePatternSeconds('yyyy-MM-dd-hh'), 3_600);
    assert.equal(datePatternSeconds('YYYY-MM'), 30 * 86_400);
    assert.equal(datePatternSeconds('YYYY-[week]-ww'), 7 * 86_400);
    assert.equal(datePatternSeconds('YYYY-MM-DD-HH-mm'), 60);
  });
  it('bunyan periods (m is months) and rotating-file-stream intervals (m is minutes)', () => {
    assert.equal(bunyanPeriodSeconds('1d'), 86_400);
    assert.equal(bunyanPeriodSeconds('daily'), 86_400);
    assert.equal(bunyanPeriodSeconds('2m'), 60 * 86_400);
    assert.equal(intervalSeconds('30m'), 1_800);
    assert.equal(intervalSeconds('1M'), 30 * 86_400);
    assert.equal(bunyanPeriodSeconds('soon'), undefined);
  });
  it('maxFiles as days only with a d', () => {
    assert.equal(maxFilesDays('14d'), 14);
    assert.equal(maxFilesDays('14'), undefined);
    assert.equal(maxFilesDays('20m'), undefined);
  });
});
