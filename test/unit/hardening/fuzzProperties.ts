// Fuzzing with fast-check, shared by the unit suite (a bounded number of cases, fixed seed) and
// scripts/fuzz.mjs (`npm run fuzz -- --runs 5000`, random seed). Real fixture files are mutated
// (byte flips, truncations, token deletions, duplicated lines, inserted unicode) and read through
// the same decoding as a scan; catalogs are arbitrary JSON, arbitrary text, or structured and
// nearly valid. The properties: no exception escapes the engine or parseCatalog, every file
// finishes within the per-file time bound (the engine's own budget is work, src/core/budget.ts;
// this bound only catches what that misses), and what comes out is well-formed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createAnalyzer, WorkspaceIndex, type AnalysisResult } from '../../../src/core';
import { createEngineCatalog } from '../../../src/core/catalog/engineCatalog';
import { parseCatalog } from '../../../src/core/catalog/load';
import { splitLines } from '../../../src/core/parse';
import { decodeSource } from '../../../src/scan/readSource';

/** out/test/unit/hardening → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE_ROOTS = ['test/fixtures/corpus', 'test/fixtures/holdout', 'test/fixtures/holdout-2', 'examples', 'test/fixtures/bad-input'];

export interface FuzzOptions {
  /** Cases per property. */
  runs: number;
  /** Fixed for the unit suite (reproducible); random for a long run. fast-check prints it on failure. */
  seed?: number;
  /** A file taking longer than this fails the property (default 10 s: a hang, not a slow machine). */
  perFileMs?: number;
}

export interface FixtureFile {
  /** Path relative to the repository root. */
  file: string;
  bytes: Buffer;
}

let fixtureCache: FixtureFile[] | undefined;
/** Every TS/JS fixture the repository has, read once. */
export function fixtureFiles(): FixtureFile[] {
  if (fixtureCache) return fixtureCache;
  const found: FixtureFile[] = [];
  const walk = (directory: string) => {
    if (!fs.existsSync(directory)) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name)) found.push({ file: path.relative(REPO_ROOT, full).split(path.sep).join('/'), bytes: fs.readFileSync(full) });
    }
  };
  for (const root of FIXTURE_ROOTS) walk(path.join(REPO_ROOT, root));
  return (fixtureCache = found);
}

// ---- mutations ----------------------------------------------------------------------------

export type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-token'; at: number }
  | { kind: 'duplicate-line'; at: number; times: number }
  | { kind: 'insert'; at: number; text: string };

/** Characters that have broken parsers and line counters before. */
const HOSTILE_TEXT = ['\u2028', '\u2029', '\ufeff', '\u202e', '\u0000', '\ud800', '\udfff', '\r', '\r\n', '`${', '/*', '*/', '//', '"', "'", '<', '</', '{', '}', '(', ')', '[', ']', '@pii', '@retention P30D', '// privacy-review-disable-next-line', '𝒳', '\u0301'];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-token' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })) }),
);

const TOKEN = /[\p{L}\p{N}_$]+|\S/gu;

/** Applies mutations in order; positions are taken modulo the current length, so every mutation applies. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let current = Buffer.from(bytes);
  for (const mutation of mutations) {
    if (current.length === 0) break;
    if (mutation.kind === 'flip') {
      current[mutation.at % current.length] ^= mutation.xor;
      continue;
    }
    if (mutation.kind === 'truncate') {
      current = current.subarray(0, mutation.at % current.length);
      continue;
    }
    const text = current.toString('utf8');
    if (mutation.kind === 'delete-token') {
      const tokens = [...text.matchAll(TOKEN)];
      if (!tokens.length) continue;
      const token = tokens[mutation.at % tokens.length];
      current = Buffer.from(text.slice(0, token.index) + text.slice(token.index! + token[0].length));
    } else if (mutation.kind === 'duplicate-line') {
      const lines = text.split('\n');
      const at = mutation.at % lines.length;
      lines.splice(at, 0, ...Array<string>(mutation.times).fill(lines[at]));
      current = Buffer.from(lines.join('\n'));
    } else {
      const at = mutation.at % (text.length + 1);
      current = Buffer.from(text.slice(0, at) + mutation.text + text.slice(at));
    }
  }
  return current;
}

// ---- checks -------------------------------------------------------------------------------

/** What every analysis result must satisfy, whatever the input. */
export function checkResult(result: AnalysisResult, text: string): void {
  const lineCount = splitLines(text).length + text.split(/[\u2028\u2029]/).length - 1;
  if (result.parseError) {
    assert.equal(result.findings.length, 0, 'a file that was not analysed has no findings');
    assert.ok(result.parseError.message.length > 0, 'a reason');
  }
  for (const finding of result.findings) {
    assert.ok(finding.span.start.line >= 1 && finding.span.start.line <= lineCount, `finding on line ${finding.span.start.line} of ${lineCount}`);
    assert.ok(finding.message.length > 0 && !finding.message.includes('{{'), `rendered message: ${finding.message}`);
  }
}

function timed<T>(perFileMs: number, what: string, body: () => T): T {
  const started = performance.now();
  const value = body();
  const elapsed = performance.now() - started;
  assert.ok(elapsed <= perFileMs, `${what} took ${Math.round(elapsed)} ms (bound ${perFileMs} ms)`);
  return value;
}

// ---- properties ---------------------------------------------------------------------------

export interface PropertyRun {
  name: string;
  run(options: FuzzOptions): void;
}

/** Fixtures are drawn by path, so a counterexample names the file instead of printing its bytes. */
const fixtureArbitrary = () => fc.constantFrom(...fixtureFiles().map((fixture) => fixture.file));
const bytesOf = (file: string) => fixtureFiles().find((fixture) => fixture.file === file)!.bytes;

/** One mutated fixture through the single-file analyzer, read as a scan reads it (BOMs, NUL check). */
export const mutatedFileProperty: PropertyRun = {
  name: 'mutated fixture files through the engine',
  run({ runs, seed, perFileMs = 10_000 }) {
    const analyzer = createAnalyzer({ today: '2025-01-01' });
    fc.assert(
      fc.property(fixtureArbitrary(), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }), (file, mutations) => {
        const decoded = decodeSource(mutate(bytesOf(file), mutations));
        if (!decoded.ok) return; // skipped with a reason, as a scan would
        const result = timed(perFileMs, file, () => analyzer.analyze(decoded.text, file));
        checkResult(result, decoded.text);
      }),
      { numRuns: runs, seed },
    );
  },
};

/** A mutated file inside its project, through the workspace index: imports, wrappers and configuration files follow it. */
export const mutatedProjectProperty: PropertyRun = {
  name: 'a mutated file inside its project through the workspace index',
  run({ runs, seed, perFileMs = 10_000 }) {
    const projects = new Map<string, FixtureFile[]>();
    for (const fixture of fixtureFiles()) {
      const key = fixture.file.split('/').slice(0, 3).join('/');
      projects.set(key, [...(projects.get(key) ?? []), fixture]);
    }
    const withNeighbours = [...projects].filter(([, files]) => files.length > 1).map(([project]) => project);
    fc.assert(
      fc.property(fc.constantFrom(...withNeighbours), fc.nat(), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }), (project, pick, mutations) => {
        const files = projects.get(project)!;
        const index = new WorkspaceIndex({ today: '2025-01-01' });
        const victim = files[pick % files.length];
        const texts = new Map<string, string>();
        for (const fixture of files) {
          const decoded = decodeSource(fixture === victim ? mutate(fixture.bytes, mutations) : fixture.bytes);
          if (decoded.ok) texts.set(fixture.file, decoded.text);
        }
        for (const [file, text] of texts) index.setFile(file, text);
        for (const [file, text] of texts) checkResult(timed(perFileMs, file, () => index.analyze(file)), text);
      }),
      { numRuns: runs, seed },
    );
  },
};

const CATEGORY_IDS = ['email', 'ip_address', 'payment_card', 'person_name', 'username', 'a', 'b', 'c', 'loyalty_id', 'constructor', '__proto__', 'toString', 'Email', ''];
const RETENTIONS = ['P30D', 'P1Y', 'PT12H', 'P0D', 'session', 'indefinite', 'forbidden', 'undecided', 'P', 'P-1D', 'P99999999999999999999Y', '', 'forever'];
const idArbitrary = fc.oneof(fc.constantFrom(...CATEGORY_IDS), fc.string({ maxLength: 8 }));
const jsonish = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null), fc.boolean());

/** A catalog that is valid, or nearly: the shape is right, the values are drawn from edge cases. */
export const nearValidCatalogArbitrary = fc.record(
  {
    version: fc.oneof(fc.constant(1), jsonish),
    categories: fc.array(
      fc.record(
        {
          id: idArbitrary,
          label: fc.oneof(fc.string({ maxLength: 10 }), jsonish),
          parent: idArbitrary,
          names: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }), jsonish),
          fields: fc.oneof(fc.array(fc.oneof(fc.constantFrom('User.email', 'Order.memberNo', 'a.b', '.', 'x'), fc.string({ maxLength: 8 })), { maxLength: 3 }), jsonish),
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 8 },
    ),
    policies: fc.array(
      fc.record({ category: idArbitrary, sink: fc.oneof(fc.constantFrom('log', 'storage', 'third-party', '*', 'LOG'), jsonish), retention: fc.oneof(fc.constantFrom(...RETENTIONS), jsonish), reason: fc.oneof(fc.string({ maxLength: 10 }), jsonish) }, { requiredKeys: [] }),
      { maxLength: 8 },
    ),
    maxRetention: fc.dictionary(idArbitrary, fc.oneof(fc.constantFrom(...RETENTIONS), jsonish), { maxKeys: 4 }),
    sanitizers: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), jsonish),
    ignore: fc.oneof(fc.array(fc.constantFrom('**', '*.ts', '[', '{a,b}', '!x', '', '../**'), { maxLength: 3 }), jsonish),
    severity: fc.dictionary(fc.constantFrom('personal-data-logged', 'forbidden-sink', 'nope', 'constructor'), fc.constantFrom('error', 'warning', 'info', 'off', 'fatal')),
  },
  { requiredKeys: [] },
);

/** Text edits that keep a catalog nearly JSON: comments, trailing commas, a deleted character. */
const textEditArbitrary = fc.oneof(
  fc.constant((text: string) => text),
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1)),
  fc.nat().map((at) => (text: string) => `${text.slice(0, at % (text.length + 1))}/* ${'['.repeat(at % 100)} */${text.slice(at % (text.length + 1))}`),
  fc.constant((text: string) => text.replace(/}$/, ',}')),
  fc.constant((text: string) => `\ufeff${text}`),
);

const SAMPLE = "export function handler(req, user, analytics) {\n  console.log(req.ip, user.email);\n  localStorage.setItem('x', user.loyaltyNumber);\n  analytics.track(user.customerId, { phone: user.phone });\n}\n";

function checkCatalogText(text: string, perFileMs: number): void {
  const loaded = timed(perFileMs, 'parseCatalog', () => parseCatalog(text));
  if (!loaded.ok) {
    assert.ok(loaded.problems.length > 0);
    for (const problem of loaded.problems) assert.ok(problem.line >= 1 && problem.column >= 1 && problem.message, JSON.stringify(problem));
    return;
  }
  const engine = createEngineCatalog(loaded.catalog);
  const result = timed(perFileMs, 'analysis with the catalog', () => createAnalyzer({ catalog: engine, today: '2025-01-01' }).analyze(SAMPLE, 'sample.ts'));
  checkResult(result, SAMPLE);
}

export const catalogProperty: PropertyRun = {
  name: 'catalogs: arbitrary JSON, arbitrary text, and nearly valid ones',
  run({ runs, seed, perFileMs = 10_000 }) {
    const anyJson = fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? 'null');
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    const nearlyValid = fc.tuple(nearValidCatalogArbitrary, textEditArbitrary).map(([catalog, edit]) => edit(JSON.stringify(catalog, null, 2)));
    fc.assert(
      fc.property(fc.oneof({ arbitrary: anyJson, weight: 1 }, { arbitrary: anyText, weight: 1 }, { arbitrary: nearlyValid, weight: 4 }), (text) => checkCatalogText(text, perFileMs)),
      { numRuns: runs, seed },
    );
  },
};

export const PROPERTIES: PropertyRun[] = [mutatedFileProperty, mutatedProjectProperty, catalogProperty];
