// The analysis worker (worker_threads): the extension's workspace indexes live here, so parsing and
// analysing never run on the extension host thread. Bundled as dist/analysisWorker.js; started by
// client.ts. Requests wait in three queues (protocol.ts `Lane`); the worker takes one request (or
// one file of a scan) at a time and yields between them, so an edit never waits for a whole scan.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer, WorkspaceIndex, type Analyzer } from '../core';
import { ModuleResolver } from '../core/workspace/resolve';
import { ScanCache, treeIdentity } from '../scan/cache';
import { loadCatalogText, type LoadedCatalog } from '../scan/catalogFile';
import { discoverFiles } from '../scan/discover';
import { analyseOutcome, planScan, remember, type Outcome, type Plan } from '../scan/pool';
import { readSource } from '../scan/readSource';
import { DEFAULT_LANES, type AnalyzeReply, type IndexSettings, type Lane, type ScanOutcome, type ScanPlanReply, type ScanReply, type StatsReply, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';

interface Hosted {
  index?: WorkspaceIndex;
  analyzer?: Analyzer;
  settings: IndexSettings;
  catalog?: LoadedCatalog;
  /** Files whose text came from an editor: indexing and scans never replace it with the disk's. */
  owned: Set<string>;
  /** The workspace scan in progress: its plan, and the cache its results go to. */
  scan?: { plan: Plan; cache?: ScanCache };
}

/** Files read per step of a scan plan. */
const PLAN_READ_STEP = 100;

interface Task {
  request: WorkerRequest;
  /** Requests for the same file and version, answered with this one's result. */
  followers: number[];
  /** A scan in progress: one step per file. */
  steps?: Iterator<void, unknown>;
}

const init = (workerData ?? {}) as WorkerInit;
const port = parentPort!;
const hosted = new Map<string, Hosted>();
const LANES: Lane[] = ['control', 'edit', 'background'];
const queues: Record<Lane, Task[]> = { control: [], edit: [], background: [] };
let scheduled = false;

port.on('message', (request: WorkerRequest) => {
  const lane = request.lane ?? DEFAULT_LANES[request.type];
  if (request.type === 'analyze' && request.version !== undefined && coalesce(request, queues[lane])) return schedule();
  queues[lane].push({ request, followers: [] });
  schedule();
});

/** A newer edit of a file makes a queued older one pointless; the same version twice is one analysis. */
function coalesce(request: Extract<WorkerRequest, { type: 'analyze' }>, queue: Task[]): boolean {
  for (let position = 0; position < queue.length; position++) {
    const queued = queue[position].request;
    if (queued.type !== 'analyze' || queued.index !== request.index || queued.file !== request.file || queued.version === undefined) continue;
    if (queued.version === request.version && queued.text === request.text) {
      queue[position].followers.push(request.id);
      return true;
    }
    if (queued.version < request.version!) {
      for (const id of [queued.id, ...queue[position].followers]) post({ id, superseded: true });
      queue.splice(position, 1);
      return false;
    }
  }
  return false;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(pump);
}

/** Runs one request, or one step of a scan, then yields so that new messages are read. */
function pump(): void {
  scheduled = false;
  const lane = LANES.find((candidate) => queues[candidate].length > 0);
  if (!lane) return;
  const task = queues[lane][0];
  if (!task.steps) post({ id: task.request.id, started: true });
  try {
    if (task.request.type === 'scan' || task.request.type === 'scanPlan') {
      task.steps ??= task.request.type === 'scan' ? scanSteps(task.request) : planSteps(task.request);
      const step = task.steps.next();
      if (!step.done) return schedule();
      queues[lane].shift();
      answer(task, step.value);
    } else {
      queues[lane].shift();
      answer(task, handle(task.request));
    }
  } catch (error) {
    if (queues[lane][0] === task) queues[lane].shift();
    for (const id of [task.request.id, ...task.followers]) post({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  schedule();
}

function answer(task: Task, value: unknown): void {
  for (const id of [task.request.id, ...task.followers]) post({ id, ok: true, value });
}

function post(reply: WorkerReply): void {
  port.postMessage(reply);
}

function handle(request: WorkerRequest): unknown {
  switch (request.type) {
    case 'configure':
      hosted.set(request.index, configure(request.settings));
      return true;
    case 'dispose':
      hosted.delete(request.index);
      return true;
    case 'setFiles': {
      const { index, owned } = indexOf(request.index);
      let set = 0;
      for (const [file, text] of request.files) {
        if (owned.has(file) || (request.onlyNew && index.hasFile(file))) continue;
        index.setFile(file, text);
        set++;
      }
      return set;
    }
    case 'setFile': {
      const { index, owned } = indexOf(request.index);
      if (request.owned) owned.add(request.file);
      else owned.delete(request.file);
      return index.setFile(request.file, request.text);
    }
    case 'removeFile': {
      const { index, owned } = indexOf(request.index);
      owned.delete(request.file);
      return index.removeFile(request.file);
    }
    case 'analyze':
      return analyze(request);
    case 'discover':
      return discoverFiles(request.root, { include: request.include, exclude: request.exclude });
    case 'stats': {
      if (request.gc) fullGc();
      const memory = process.memoryUsage();
      const indexes: StatsReply['indexes'] = {};
      for (const [key, entry] of hosted) indexes[key] = entry.index ? entry.index.stats() : { standalone: true };
      return { heapUsed: memory.heapUsed, rss: memory.rss, indexes } satisfies StatsReply;
    }
    case 'scanDone': {
      const found = hostedOf(request.index);
      const saved = found.scan?.cache?.save() ?? false;
      found.scan = undefined;
      return saved;
    }
    case 'crash':
      if (init.testHooks) process.exit(70);
      throw new Error('crash is a test hook');
    case 'scan':
    case 'scanPlan':
      throw new Error('a scan runs in steps');
  }
}

function fullGc(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function configure(settings: IndexSettings): Hosted {
  const catalog = settings.catalog ? loadCatalogText(settings.catalog.text, settings.catalog.path) : undefined;
  const options = { catalog: catalog?.engine, sanitizers: settings.sanitizers, loggerNames: settings.loggerNames, today: settings.today };
  if (settings.standalone) return { analyzer: createAnalyzer(options), settings, catalog, owned: new Set() };
  return { index: new WorkspaceIndex({ ...options, pathMapping: settings.pathMapping }), settings, catalog, owned: new Set() };
}

function hostedOf(key: string): Hosted {
  const found = hosted.get(key);
  if (!found) throw new Error(`no index "${key}" in the analysis worker (disposed, or not configured)`);
  return found;
}

function indexOf(key: string): Hosted & { index: WorkspaceIndex } {
  const found = hostedOf(key);
  if (!found.index) throw new Error(`"${key}" analyses files on their own`);
  return found as Hosted & { index: WorkspaceIndex };
}

function analyze(request: Extract<WorkerRequest, { type: 'analyze' }>): AnalyzeReply {
  const started = performance.now();
  const found = hostedOf(request.index);
  if (found.analyzer) {
    if (request.text === undefined) throw new Error('a file outside the workspace needs its text');
    return { result: found.analyzer.analyze(request.text, request.file), invalidated: [], workMs: performance.now() - started };
  }
  const index = found.index!;
  let invalidated: string[] = [];
  if (request.text !== undefined) {
    found.owned.add(request.file);
    invalidated = index.setFile(request.file, request.text);
  }
  const result = index.analyze(request.file);
  return { result, invalidated, workMs: performance.now() - started };
}

/** Reads a scanned file into the index (unless an editor owns it): its text, or why it cannot be read. */
function readInto(hosted: { index: WorkspaceIndex; owned: Set<string> }, root: string, file: string, maxFileSize: number | undefined, updated: [string, string][]): { text: string } | { reason: string } {
  if (hosted.owned.has(file)) return { text: hosted.index.textOf(file)! };
  const read = readSource(path.join(root, ...file.split('/')), maxFileSize);
  if (!read.ok) return { reason: read.reason };
  if (hosted.index.setFile(file, read.text).length > 0) updated.push([file, read.text]);
  return { text: read.text };
}

function scanOutcome(file: string, outcome: Outcome): ScanOutcome {
  if (outcome.kind === 'failed') return { file, reason: outcome.reason };
  const { findings, dataFlows, parseError } = outcome;
  return parseError ? { file, result: { findings, dataFlows, parseError } } : { file, result: { findings, dataFlows } };
}

/** Reads the files a step at a time, then plans as the CLI does (pre-check, cache). */
function* planSteps(request: Extract<WorkerRequest, { type: 'scanPlan' }>): Generator<void, ScanPlanReply> {
  const outcomes: ScanOutcome[] = [];
  const updated: [string, string][] = [];
  const texts = new Map<string, string>();
  for (let start = 0; start < request.files.length; start += PLAN_READ_STEP) {
    const hosted = indexOf(request.index);
    for (const file of request.files.slice(start, start + PLAN_READ_STEP)) {
      const read = readInto(hosted, request.root, file, request.maxFileSize, updated);
      if ('reason' in read) outcomes.push({ file, reason: read.reason });
      else texts.set(file, read.text);
    }
    yield;
  }
  const found = hostedOf(request.index);
  const cache = request.cacheDirectory
    ? ScanCache.open(request.cacheDirectory, request.root, { catalog: found.catalog?.file, sanitizers: found.settings.sanitizers, loggerNames: found.settings.loggerNames, maxFileBytes: request.maxFileSize })
    : undefined;
  // Imports resolve among the scanned files, as in the CLI.
  const resolver = new ModuleResolver((file) => texts.has(file), found.settings.pathMapping);
  const plan = planScan(texts, {
    precheck: true,
    cache,
    catalog: found.catalog?.engine,
    today: found.settings.today,
    resolve: (from, specifier) => resolver.resolve(from, specifier),
    // Imports remembered while the folder's files and path mapping are the same, as in the CLI.
    tree: cache ? treeIdentity(texts.keys(), found.settings.pathMapping) : undefined,
  });
  found.scan = { plan, cache };
  for (const [file, outcome] of plan.known) outcomes.push(scanOutcome(file, outcome));
  return { outcomes, analyse: plan.analyse, updated, stats: plan.stats, ...(cache?.discarded ? { cacheDiscarded: cache.discarded } : {}) };
}

/** One file per step: read (unless an editor owns it, or the plan read it), set, analyse. */
function* scanSteps(request: Extract<WorkerRequest, { type: 'scan' }>): Generator<void, ScanReply> {
  const outcomes: ScanOutcome[] = [];
  const updated: [string, string][] = [];
  for (const file of request.files) {
    // Looked up at every step: the index may have been disposed in between.
    const hosted = indexOf(request.index);
    if (request.fromDisk) hosted.owned.delete(file);
    if (!request.planned) {
      const read = readInto(hosted, request.root, file, request.maxFileSize, updated);
      if ('reason' in read) {
        outcomes.push({ file, reason: read.reason });
        yield;
        continue;
      }
    }
    // An engine bug on one file becomes a reason: it must not lose the rest of the scan.
    const outcome = analyseOutcome(hosted.index, file);
    const scan = hostedOf(request.index).scan;
    if (request.planned && scan) remember(scan.plan, scan.cache, file, outcome);
    outcomes.push(scanOutcome(file, outcome));
    yield;
  }
  return { outcomes, updated };
}
