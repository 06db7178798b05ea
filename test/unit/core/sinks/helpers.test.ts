// The shared helpers of the sink recognisers: name words, option values, durations.
import { strict as assert } from 'node:assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseSource } from '../../../../src/core/parse';
import { createSinkContext } from '../../../../src/core/sinks';
import { nameWords } from '../../../../src/core/sinks/names';
import { durationTextSeconds, numberValue, secondsFromNow } from '../../../../src/core/sinks/options';

/** Evaluates the initializer of the last `const` in `code` with `evaluate`. */
function lastInit<T>(code: string, evaluate: (node: TSESTree.Node, context: ReturnType<typeof createSinkContext>) => T): T {
  const parsed = parseSource(code, 'case.ts');
  if (!parsed.ok) throw new Error(parsed.message);
  const last = parsed.ast.body[parsed.ast.body.length - 1] as TSESTree.VariableDeclaration;
  return evaluate(last.declarations[0].init!, createSinkContext(parsed.ast, code));
}

describe('sinks: helpers', () => {
  const words: [string, string[]][] = [
    ['requestLogger', ['request', 'logger']],
    ['HTTPLog', ['http', 'log']],
    ['audit_log', ['audit', 'log']],
    ['catalog', ['catalog']],
    ['AUDIT_LOG', ['audit', 'log']],
    ['redisClient2', ['redis', 'client2']],
  ];
  for (const [name, expected] of words) {
    it(`nameWords(${name})`, () => assert.deepEqual(nameWords(name), expected));
  }

  const numbers: [string, number | undefined][] = [
    ['const x = 60 * 60 * 24;', 86_400],
    ['const HOUR = 3600;\nconst x = 2 * HOUR;', 7_200],
    ['const TTL = { session: 900 } as const;\nconst x = TTL.session;', 900],
    ["const x = ms('2h');", 7_200_000],
    ['const x = config.ttl;', undefined],
    ['const x = 10 / 0;', undefined],
  ];
  for (const [code, expected] of numbers) {
    it(`numberValue: ${code.split('\n').pop()}`, () => assert.equal(lastInit(code, numberValue), expected));
  }

  const fromNow: [string, number | undefined][] = [
    ['const x = Date.now() + 60_000;', 60],
    ['const x = new Date(Date.now() + 3600 * 1000);', 3_600],
    ['const x = Math.floor(Date.now() / 1000) + 86400;', 86_400],
    ['const x = new Date(Date.now() + 1000).toUTCString();', 1],
    ['const x = user.expiresAt;', undefined],
    ['const x = new Date(2030, 0, 1);', undefined],
  ];
  for (const [code, expected] of fromNow) {
    it(`secondsFromNow: ${code}`, () => assert.equal(lastInit(code, secondsFromNow), expected));
  }

  const texts: [string, number | undefined][] = [
    ['1h', 3_600],
    ['7d', 604_800],
    ['30 days', 2_592_000],
    ['500ms', 0.5],
    ['2 weeks', 1_209_600],
    ['3600', undefined],
    ['soon', undefined],
  ];
  for (const [text, expected] of texts) {
    it(`durationTextSeconds('${text}')`, () => assert.equal(durationTextSeconds(text), expected));
  }
});
