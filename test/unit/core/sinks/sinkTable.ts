// Runs a table of sink cases through the real parser and the sink registry.
import { strict as assert } from 'node:assert';
import { parseSource } from '../../../../src/core/parse';
import { pathText } from '../../../../src/core/sinks/config/redactPaths';
import { recognizeSinks } from '../../../../src/core/sinks';
import type { SinkKind } from '../../../../src/core/types';

export interface ExpectedSink {
  line: number;
  family: string;
  kind: SinkKind;
  /** Source text of each data argument, when the case wants to pin them down. */
  data?: string[];
  /** Retention value of a technical expiry found at the sink (e.g. 'PT1H'), or undefined for none. */
  expiry?: string;
  /** Where the expiry is configured, as `declaredBy` says it (e.g. "pino-roll limit.count 13 ('daily' files) at case.ts:3"). */
  expiryBy?: string;
  /**
   * Paths the sink's configured redaction removes, per redaction, each `path@arg` where arg is the
   * data argument's source text and path its place in the redacted object: `['user.email@{ user }']`.
   */
  redacts?: string[];
}
export interface SinkCase {
  code: string;
  /** File name (decides JSX); defaults to case.ts. */
  file?: string;
  expect: ExpectedSink[];
}

export function recognizedIn(code: string, file = 'case.ts'): ExpectedSink[] {
  const parsed = parseSource(code, file);
  if (!parsed.ok) throw new Error(`case does not parse: ${parsed.message} at ${parsed.position.line}:${parsed.position.column}`);
  return recognizeSinks(parsed.ast, code).map(({ node, match }) => ({
    line: node.loc.start.line,
    family: match.family,
    kind: match.kind,
    data: match.dataArgs.map((arg) => code.slice(arg.range[0], arg.range[1])),
    expiry: match.expiry?.value,
    expiryBy: match.expiry?.declaredBy,
    redacts: (match.redactions ?? []).flatMap((redaction) =>
      [...redaction.targets].flatMap(([arg, at]) =>
        [...redaction.paths.map(pathText), ...(redaction.keepOnly ?? []).map((entry) => `${pathText(entry.path)}{${entry.keep.join(',')}}`)].map(
          (path) => `${path}@${at.length ? `${at.join('.')}=` : ''}${code.slice(arg.range[0], arg.range[1])}`,
        ),
      ),
    ),
  }));
}

/** One `it` per case; `valid` cases expect no sink at all. */
export function runSinkTable(title: string, table: { valid: string[]; invalid: SinkCase[] }): void {
  describe(title, () => {
    for (const code of table.valid) {
      it(`no sink: ${firstLine(code)}`, () => {
        assert.deepEqual(recognizedIn(code), []);
      });
    }
    for (const testCase of table.invalid) {
      it(`sink: ${firstLine(testCase.code)}`, () => {
        const actual = recognizedIn(testCase.code, testCase.file);
        const comparable = actual.map((sink, index) => {
          const expected = testCase.expect[index];
          return {
            line: sink.line,
            family: sink.family,
            kind: sink.kind,
            ...(expected?.data ? { data: sink.data } : {}),
            ...(expected && 'expiry' in expected ? { expiry: sink.expiry } : {}),
            ...(expected && 'expiryBy' in expected ? { expiryBy: sink.expiryBy } : {}),
            ...(expected && 'redacts' in expected ? { redacts: sink.redacts } : {}),
          };
        });
        assert.deepEqual(comparable, testCase.expect);
      });
    }
  });
}

function firstLine(code: string): string {
  const line = code.trim().split('\n').find((l) => !l.trim().startsWith('import')) ?? code;
  return line.trim().slice(0, 80);
}
