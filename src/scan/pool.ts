// How a scan runs its files: the plan (pre-check over the import graph, cache keys) and the
// executors — in this thread, or on worker threads where that measurably pays.
//
// Workers pay little on a 2-core machine: V8 already uses the second core for compilation and
// GC, each worker loads TypeScript again (~0.5 s) and keeps its own heap. scripts/bench/run.mjs
// measures it; `jobsFor` turns the evidence into the default (see its comment). Both executors
// work on import-closed groups of files, each with its own workspace index, so memory holds one
// group's analyses at a time and results equal those of one index over the whole tree.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mayConfigureProcess, type WorkspaceIndex } from '../core';
import type { PathMapping } from '../core/workspace/resolve';
import { closureKeys, hashText, type FileOutcome, type RememberedSource, type ScanCache, type SourceTraits } from './cache';
import { createPrecheck, resolveSpecifiers, selectFilesToAnalyse, specifiersOf, type PrecheckOptions, type PrecheckReason, type TextFacts } from './precheck';

/** What a file contributed: a result (`partial`: why part of the file was not analysed), or why it has none. */
export type Outcome = ({ kind: 'ok'; partial?: string } & FileOutcome) | { kind: 'failed'; reason: string };

export const EMPTY_OUTCOME: Outcome = Object.freeze({ kind: 'ok', findings: [], dataFlows: [], declaredMembers: [] }) as Outcome;

/** One file through the workspace index; an engine bug becomes a reason, never an exception. */
export function analyseOutcome(index: WorkspaceIndex, file: string): Outcome {
  try {
    const analysis = index.analyze(file);
    return {
      kind: 'ok',
      findings: analysis.findings,
      dataFlows: analysis.dataFlows,
      declaredMembers: analysis.declaredMembers,
      ...(analysis.parseError ? { parseError: analysis.parseError } : {}),
      ...(analysis.partial ? { partial: analysis.partial.reason } : {}),
    };
  } catch (error) {
    return { kind: 'failed', reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---- the plan ---------------------------------------------------------------------------------

export interface PlanOptions {
  /** false: analyse every file (`--no-precheck`). */
  precheck: boolean;
  cache?: ScanCache;
  catalog?: PrecheckOptions['catalog'];
  /** Suppressions with `until=` expire: a file that has one is cached for one day. */
  today?: string;
  resolve(fromFile: string, specifier: string): string | undefined;
  /** With a cache: treeIdentity of the files and path mapping `resolve` works over, so imports can be remembered. */
  tree?: string;
}

export interface Plan {
  /** Files to analyse now (neither skipped by the pre-check nor answered by the cache). */
  analyse: string[];
  /** Results known without analysis: from the cache, or empty by the pre-check. */
  known: Map<string, Outcome>;
  /** Cache key (content + imports) per file, when a cache is used. */
  keys: Map<string, string>;
  contentHashes: Map<string, string>;
  imports: Map<string, string[]>;
  /**
   * Files that configure a library for the whole process (Sentry.init, log4js.configure, a session
   * middleware): the engine reads them for any file's sinks, imported or not, so every group of
   * files carries them and every cache key covers them.
   */
  configuring: string[];
  reasons: Map<string, PrecheckReason>;
  stats: { files: number; skippedByPrecheck: number; fromCache: number; analysed: number };
}

/**
 * The texts of a scan's files by root-relative path: a Map, or SourceTexts, which reads a file
 * when first asked and knows from the cache what it did not read (src/scan/sourceTexts.ts).
 */
export interface ScanTexts {
  readonly size: number;
  keys(): IterableIterator<string>;
  has(file: string): boolean;
  get(file: string): string | undefined;
  /** Content hash, facts and traits of a file not read while planning (its stat is unchanged). */
  remembered?(file: string): RememberedSource | undefined;
  /** The stat a file was read with, and when the files were read: for the cache's stat shortcut. */
  statOf?(file: string): fs.Stats | undefined;
  readonly readAtMs?: number;
}

export function planScan(texts: ScanTexts, options: PlanOptions): Plan {
  const { cache } = options;
  const contentHashes = new Map<string, string>();
  const known = new Map<string, Outcome>();
  const stats = { files: texts.size, skippedByPrecheck: 0, fromCache: 0, analysed: 0 };
  if (!options.precheck && !cache) {
    // Every file is analysed; the import graph still splits the work into independent groups.
    const imports = new Map<string, string[]>();
    const configuring: string[] = [];
    for (const file of texts.keys()) {
      const text = texts.get(file)!;
      imports.set(file, resolveSpecifiers(file, specifiersOf(text), options.resolve));
      if (mayConfigureProcess(text)) configuring.push(file);
    }
    stats.analysed = texts.size;
    return { analyse: [...texts.keys()], known, keys: new Map(), contentHashes, imports, configuring, reasons: new Map(), stats };
  }
  const precheck = createPrecheck({ catalog: options.catalog });
  // Facts and traits of unchanged files come from the cache: a warm scan tokenizes only what
  // changed, and with SourceTexts does not even read what is unchanged.
  const facts = new Map<string, TextFacts>();
  const traits = new Map<string, SourceTraits>();
  for (const file of texts.keys()) {
    const remembered = texts.remembered?.(file);
    if (remembered) {
      contentHashes.set(file, remembered.content);
      facts.set(file, remembered.facts);
      traits.set(file, remembered.traits);
      continue;
    }
    const text = texts.get(file)!;
    const fileTraits = { configures: mayConfigureProcess(text), until: text.includes('until=') };
    traits.set(file, fileTraits);
    if (!cache) {
      facts.set(file, precheck.facts(text));
      continue;
    }
    const hash = hashText(text);
    contentHashes.set(file, hash);
    let fileFacts = cache.facts(file, hash);
    if (!fileFacts) {
      fileFacts = precheck.facts(text);
      cache.setFacts(file, hash, fileFacts);
    }
    facts.set(file, fileFacts);
    const stat = texts.statOf?.(file);
    if (stat && texts.readAtMs !== undefined) cache.setSource(file, hash, stat, texts.readAtMs, fileTraits);
  }
  const configuring = [...texts.keys()].filter((file) => traits.get(file)!.configures);
  const tree = options.tree;
  if (cache && tree) cache.useTree(tree);
  const importsOf = (file: string, fileFacts: TextFacts): string[] => {
    const hash = contentHashes.get(file)!;
    const remembered = cache!.imports(file, hash);
    if (remembered) return remembered;
    const resolved = resolveSpecifiers(file, fileFacts.specifiers, options.resolve);
    cache!.setImports(file, hash, resolved);
    return resolved;
  };
  const selection = selectFilesToAnalyse(precheck, { files: texts, resolve: options.resolve, facts: (file) => facts.get(file)!, ...(cache && tree ? { imports: importsOf } : {}) });
  const keys = cache ? closureKeys(contentHashes, selection.imports) : new Map<string, string>();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const configuration = cache ? hashText(configuring.map((file) => `${file}\u0000${contentHashes.get(file)}`).join('\n')) : '';
  for (const [file, key] of keys) keys.set(file, `${key}+${configuration}${traits.get(file)!.until ? `@${today}` : ''}`);
  const analyse: string[] = [];
  for (const file of texts.keys()) {
    const key = keys.get(file);
    const hit = cache && key ? cache.outcome(file, contentHashes.get(file)!, key) : undefined;
    if (hit) {
      known.set(file, { kind: 'ok', ...hit });
      stats.fromCache++;
    } else if (options.precheck && !selection.analyse.has(file)) {
      known.set(file, EMPTY_OUTCOME);
      stats.skippedByPrecheck++;
      if (cache && key) cache.setOutcome(file, contentHashes.get(file)!, key, outcomeForCache(EMPTY_OUTCOME)!);
    } else {
      analyse.push(file);
    }
  }
  stats.analysed = analyse.length;
  return { analyse, known, keys, contentHashes, imports: selection.imports, configuring, reasons: selection.reasons, stats };
}

/** Remembers an analysed file's result, unless it failed (an engine error is retried next time). */
export function remember(plan: Plan, cache: ScanCache | undefined, file: string, outcome: Outcome): void {
  const key = plan.keys.get(file);
  const stored = outcomeForCache(outcome);
  if (cache && key && stored) cache.setOutcome(file, plan.contentHashes.get(file)!, key, stored);
}

function outcomeForCache(outcome: Outcome): FileOutcome | undefined {
  // A partly analysed file is rare and its note is not in the cache's format: analysed again next time.
  if (outcome.kind !== 'ok' || outcome.partial) return undefined;
  return { findings: outcome.findings, dataFlows: outcome.dataFlows, declaredMembers: outcome.declaredMembers, ...(outcome.parseError ? { parseError: outcome.parseError } : {}) };
}

/**
 * Analyses in this thread, one import-closed group at a time, each with its own workspace index:
 * the groups share nothing, so the results are the same as one index over the tree, and memory
 * holds one group's analyses at a time instead of the whole tree's.
 */
export function runInProcess(
  analyse: readonly string[],
  imports: ReadonlyMap<string, readonly string[]>,
  everywhere: readonly string[],
  texts: ScanTexts,
  createIndex: () => WorkspaceIndex,
  onOutcome: (file: string, outcome: Outcome) => void,
  signal?: AbortSignal,
): void {
  for (const [file, outcome] of inProcessOutcomes(analyse, imports, everywhere, texts, createIndex)) {
    if (signal?.aborted) throw abortError();
    onOutcome(file, outcome);
  }
}

/**
 * The same, giving the event loop a turn every few milliseconds, so a signal handler (the CLI's
 * SIGINT) or an abort can stop the scan between two files instead of after the last one.
 */
export async function runInProcessAsync(
  analyse: readonly string[],
  imports: ReadonlyMap<string, readonly string[]>,
  everywhere: readonly string[],
  texts: ScanTexts,
  createIndex: () => WorkspaceIndex,
  onOutcome: (file: string, outcome: Outcome) => void,
  signal?: AbortSignal,
): Promise<void> {
  let turnAt = performance.now();
  for (const [file, outcome] of inProcessOutcomes(analyse, imports, everywhere, texts, createIndex)) {
    if (performance.now() - turnAt > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turnAt = performance.now();
    }
    if (signal?.aborted) throw abortError();
    onOutcome(file, outcome);
  }
}

function* inProcessOutcomes(
  analyse: readonly string[],
  imports: ReadonlyMap<string, readonly string[]>,
  everywhere: readonly string[],
  texts: ScanTexts,
  createIndex: () => WorkspaceIndex,
): Generator<[string, Outcome]> {
  for (const batch of batchesFor(analyse, imports, texts, IN_PROCESS_BATCH_LINES, everywhere)) {
    const index = createIndex();
    for (const file of batch.files) index.setFile(file, texts.get(file)!);
    for (const file of batch.analyse) yield [file, analyseOutcome(index, file)];
  }
}

const YIELD_EVERY_MS = 25;

export function abortError(): Error {
  return Object.assign(new Error('scan cancelled'), { name: 'AbortError' });
}

/** Lines per in-process group: small enough to bound memory, large enough that index setup is noise. */
const IN_PROCESS_BATCH_LINES = 20_000;

// ---- workers ----------------------------------------------------------------------------------

/**
 * Below this many lines to analyse, workers are not started by default: each loads TypeScript and
 * warms up again, and the issue measured 2 workers slower than one thread below ~65k lines.
 */
export const MIN_LINES_FOR_WORKERS = 150_000;

/**
 * The default number of workers (`--jobs auto`). Evidence from scripts/bench/run.mjs on the 2-core
 * reference machine: on the 200k-line generated tree 2 workers took 1.44× the floor against 1.07×
 * in one thread, on the 500k-line tree 1.10× against 1.11×, for 566–663 MB instead of 379–460 MB
 * peak RSS; the issue measured 1.07–1.16× on real trees. So: none on 2 cores or fewer, none on small trees; on more cores one
 * per core beyond the main thread, at most 4 (not measured here: check with `npm run bench -- --jobs N`).
 * `--jobs N` overrides it.
 */
export function jobsFor(linesToAnalyse: number, cores = os.availableParallelism?.() ?? os.cpus().length): number {
  if (linesToAnalyse < MIN_LINES_FOR_WORKERS || cores <= 2) return 0;
  return Math.min(4, cores - 1);
}

export interface WorkerInit {
  catalog?: { path: string; text: string };
  sanitizers?: string[];
  loggerNames?: string[];
  today?: string;
  pathMapping?: PathMapping;
  /** Tests only: the worker exits when it reaches this file. */
  crashOnFile?: string;
}

export type WorkerRequest = { type: 'batch'; id: number; files: [string, string][]; analyse: string[] };
export type WorkerReply = { type: 'result'; batch: number; file: string; outcome: Outcome } | { type: 'done'; batch: number };

export interface PoolOptions {
  jobs: number;
  init: WorkerInit;
  /** Receives each file's outcome as soon as it is known (streamed). */
  onOutcome: (file: string, outcome: Outcome) => void;
  signal?: AbortSignal;
  /** dist/worker.js next to this file, unless given. */
  workerScript?: string;
  /** Lines per batch; batches are whole import-closed groups, so a big group is one batch. */
  batchLines?: number;
}

/** Groups of files closed under imports (weakly connected), each with the files it must analyse. */
export function batchesFor(
  analyse: readonly string[],
  imports: ReadonlyMap<string, readonly string[]>,
  texts: ScanTexts,
  batchLines: number,
  /** Files every batch carries (Plan.configuring). */
  everywhere: readonly string[] = [],
): { files: string[]; analyse: string[]; lines: number }[] {
  // Everything the analysed files may read, through imports.
  const needed = new Set<string>();
  const queue = [...analyse];
  while (queue.length) {
    const file = queue.pop()!;
    if (needed.has(file) || !texts.has(file)) continue;
    needed.add(file);
    for (const target of imports.get(file) ?? []) if (!needed.has(target)) queue.push(target);
  }
  const parent = new Map<string, string>();
  const find = (file: string): string => {
    let root = file;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let current = file; current !== root; ) {
      const next = parent.get(current)!;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  for (const file of needed) parent.set(file, file);
  for (const file of needed) for (const target of imports.get(file) ?? []) if (needed.has(target)) parent.set(find(file), find(target));
  const groups = new Map<string, { files: string[]; analyse: string[]; lines: number }>();
  const toAnalyse = new Set(analyse);
  for (const file of needed) {
    const root = find(file);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { files: [], analyse: [], lines: 0 }));
    group.files.push(file);
    if (toAnalyse.has(file)) {
      group.analyse.push(file);
      group.lines += lineCount(texts.get(file)!);
    }
  }
  // Largest groups first, packed into batches of about batchLines.
  const sorted = [...groups.values()].filter((group) => group.analyse.length).sort((a, b) => b.lines - a.lines);
  const batches: { files: string[]; analyse: string[]; lines: number }[] = [];
  let current: { files: string[]; analyse: string[]; lines: number } | undefined;
  for (const group of sorted) {
    if (!current || current.lines + group.lines > batchLines) batches.push((current = { files: [], analyse: [], lines: 0 }));
    current.files.push(...group.files);
    current.analyse.push(...group.analyse);
    current.lines += group.lines;
  }
  for (const batch of batches) {
    const present = new Set(batch.files);
    for (const file of everywhere) if (!present.has(file) && texts.has(file)) batch.files.push(file);
  }
  return batches;
}

export function lineCount(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/**
 * Runs batches on `jobs` workers, streaming outcomes. A worker that dies loses only the files of
 * its batch not yet answered: they are reported as failed (skipped), and a new worker takes the
 * remaining batches. Never hangs: every batch ends in 'done' or a worker exit.
 */
export function runInWorkers(batches: { files: string[]; analyse: string[] }[], texts: ScanTexts, options: PoolOptions): Promise<void> {
  const script = options.workerScript ?? path.join(__dirname, 'worker.js');
  if (!fs.existsSync(script)) return Promise.reject(new Error(`worker script not found: ${script}`));
  return new Promise<void>((resolve, reject) => {
    const pending = batches.map((batch, id) => ({ id, ...batch }));
    const workers = new Set<Worker>();
    let finished = 0;
    let settled = false;
    let respawns = 0;

    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      workers.clear();
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => settle(abortError());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);

    const start = () => {
      const worker = new Worker(script, { workerData: options.init });
      workers.add(worker);
      let batch: (typeof pending)[number] | undefined;
      let answered = new Set<string>();
      const next = () => {
        batch = pending.shift();
        answered = new Set();
        if (!batch) {
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        const request: WorkerRequest = { type: 'batch', id: batch.id, files: batch.files.map((file) => [file, texts.get(file)!]), analyse: batch.analyse };
        worker.postMessage(request);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (settled || !batch || reply.batch !== batch.id) return;
        if (reply.type === 'result') {
          answered.add(reply.file);
          options.onOutcome(reply.file, reply.outcome);
        } else {
          finished++;
          if (finished === batches.length) settle();
          else next();
        }
      });
      const died = (reason: string) => {
        if (settled || !workers.has(worker)) return;
        workers.delete(worker);
        if (batch) {
          for (const file of batch.analyse) if (!answered.has(file)) options.onOutcome(file, { kind: 'failed', reason: `worker crashed: ${reason}` });
          batch = undefined;
          finished++;
        }
        if (finished === batches.length) return settle();
        if (pending.length && respawns++ < batches.length) start();
        else if (workers.size === 0) settle(new Error(`workers keep crashing: ${reason}`));
      };
      worker.on('error', (error) => died(error.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
      next();
    };

    if (batches.length === 0) return settle();
    for (let count = 0; count < Math.min(options.jobs, batches.length); count++) start();
  });
}

