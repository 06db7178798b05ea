// Table-driven engine tests: real parser, real engine, expected (line, category, sink kind) per case.
import { strict as assert } from 'node:assert';
import { createAnalyzer, type AnalyzerOptions, type WorkspaceIndex } from '../../../src/core';

export interface ExpectedFinding {
  line: number;
  category?: string;
  /** Sink kind, or the rule id for findings without a sink. */
  sink: string;
}
export interface FindingCase {
  name?: string;
  code: string;
  file?: string;
  expect: ExpectedFinding[];
}

export function findingsIn(code: string, file = 'case.ts', options: AnalyzerOptions = {}): ExpectedFinding[] {
  const result = createAnalyzer({ today: '2026-06-01', ...options }).analyze(code, file);
  if (result.parseError) throw new Error(`case does not parse: ${result.parseError.message}`);
  return result.findings.map((finding) => ({
    line: finding.span.start.line,
    ...(finding.category ? { category: finding.category } : {}),
    sink: finding.sinkKind ?? finding.ruleId,
  }));
}

export function runFindingTable(title: string, cases: FindingCase[], options: AnalyzerOptions = {}): void {
  describe(title, () => {
    for (const testCase of cases) {
      it(testCase.name ?? firstCodeLine(testCase.code), () => {
        const sort = (list: ExpectedFinding[]) =>
          [...list].sort((a, b) => a.line - b.line || (a.category ?? '').localeCompare(b.category ?? '') || a.sink.localeCompare(b.sink));
        assert.deepEqual(sort(findingsIn(testCase.code, testCase.file, options)), sort(testCase.expect));
      });
    }
  });
}

function firstCodeLine(code: string): string {
  const lines = code.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('import') && !line.startsWith('//') && !line.startsWith('/*') && !line.startsWith('*'));
  return (lines[lines.length - 1] ?? code).slice(0, 90);
}

/** Findings of one file of a workspace index, sorted, as (line, category, sink kind or rule id). */
export function workspaceFindingsOf(index: WorkspaceIndex, file: string): ExpectedFinding[] {
  const result = index.analyze(file);
  assert.equal(result.parseError, undefined, `${file}: ${result.parseError?.message}`);
  return result.findings
    .map((finding) => ({ line: finding.span.start.line, ...(finding.category ? { category: finding.category } : {}), sink: finding.sinkKind ?? finding.ruleId }))
    .sort((a, b) => a.line - b.line || (a.category ?? '').localeCompare(b.category ?? ''));
}
