// Baselines for legacy code: findings already known are listed but do not fail a run; entries
// that no longer match anything are reported as stale so the file can be pruned.
import * as fs from 'node:fs';
import { fingerprint } from '../report/fingerprint';
import type { FileFinding } from './scan';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Independent of line numbers: see report/fingerprint.ts. */
  fingerprint: string;
  ruleId: string;
  file: string;
  category?: string;
  /** Where it was when the baseline was written: for people reading the file, never for matching. */
  line: number;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** What a run did with a baseline; the reports print it. */
export interface BaselineOutcome {
  /** The baseline file as given on the command line. */
  file: string;
  /** Findings that match an entry: listed, not failures. */
  baselined: FileFinding[];
  /** Entries that match no finding of this run. */
  stale: BaselineEntry[];
}

export class BaselineError extends Error {}

export function baselineOf(findings: readonly FileFinding[]): BaselineFile {
  const entries = findings.map((finding) => ({
    fingerprint: fingerprint(finding),
    ruleId: finding.ruleId,
    file: finding.file,
    ...(finding.category ? { category: finding.category } : {}),
    line: finding.span.start.line,
  }));
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: BASELINE_VERSION, findings: entries };
}

/** 2-space JSON with a trailing newline, entries sorted by file and line, so diffs of the file stay small. */
export function formatBaseline(findings: readonly FileFinding[]): string {
  return `${JSON.stringify(baselineOf(findings), null, 2)}\n`;
}

export function readBaseline(file: string): BaselineFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read baseline "${file}": ${(error as { code?: string }).code ?? String(error)}`);
  }
  return parseBaseline(text, file);
}

export function parseBaseline(text: string, file: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline "${file}" is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problem = (what: string) => new BaselineError(`baseline "${file}": ${what} (write one with --write-baseline)`);
  if (!isObject(data)) throw problem('expected an object { "version": 1, "findings": [...] }');
  if (data.version !== BASELINE_VERSION) throw problem(`"version" must be ${BASELINE_VERSION} (got ${JSON.stringify(data.version)})`);
  if (!Array.isArray(data.findings)) throw problem('"findings" must be an array');
  const findings = data.findings.map((entry: unknown, index: number): BaselineEntry => {
    if (!isObject(entry) || typeof entry.fingerprint !== 'string' || typeof entry.ruleId !== 'string' || typeof entry.file !== 'string') {
      throw problem(`findings[${index}] needs string "fingerprint", "ruleId" and "file"`);
    }
    return {
      fingerprint: entry.fingerprint,
      ruleId: entry.ruleId,
      file: entry.file,
      ...(typeof entry.category === 'string' ? { category: entry.category } : {}),
      line: typeof entry.line === 'number' ? entry.line : 0,
    };
  });
  return { version: BASELINE_VERSION, findings };
}

/**
 * Matches findings to entries as multisets: two identical findings in a file against one entry
 * leave one of them new (the later one in file order, so the earlier keeps its identity).
 */
export function applyBaseline(findings: readonly FileFinding[], baseline: BaselineFile): { fresh: FileFinding[]; baselined: FileFinding[]; stale: BaselineEntry[] } {
  const unmatched = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const list = unmatched.get(entry.fingerprint) ?? [];
    list.push(entry);
    unmatched.set(entry.fingerprint, list);
  }
  const baselined: FileFinding[] = [];
  for (const finding of [...findings].sort(byFileOrder)) {
    const entries = unmatched.get(fingerprint(finding));
    if (entries?.length) {
      entries.shift();
      baselined.push(finding);
    }
  }
  const baselinedSet = new Set(baselined);
  const keep = (wanted: boolean) => findings.filter((finding) => baselinedSet.has(finding) === wanted);
  const stale = [...unmatched.values()].flat().sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { fresh: keep(false), baselined: keep(true), stale };
}

function byFileOrder(a: FileFinding, b: FileFinding): number {
  return a.file.localeCompare(b.file) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
