// A scan of a directory tree: discover, read, analyse each file; nothing one file does stops the rest.
import * as path from 'node:path';
import { RULES, WorkspaceIndex, type AnalyzerOptions, type Finding } from '../core';
import { readPathMapping } from './tsconfigPaths';
import { categoryInfo } from '../core/categories';
import { renderMessage } from '../core/findings';
import { retentionSeconds } from '../core/retention/duration';
import type { SinkKind } from '../core/types';
import type { LoadedCatalog } from './catalogFile';
import { discoverFiles, type DiscoverOptions } from './discover';
import { SourceTexts } from './sourceTexts';
import { DEFAULT_CACHE_DIRECTORY, ScanCache, treeIdentity } from './cache';
import { ModuleResolver } from '../core/workspace/resolve';
import { batchesFor, jobsFor, lineCount, planScan, remember, runInProcess, runInProcessAsync, runInWorkers, type Outcome, type Plan } from './pool';
import * as fs from 'node:fs';

export interface ScanOptions extends DiscoverOptions, Omit<AnalyzerOptions, 'catalog'> {
  catalog?: LoadedCatalog;
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** Skip the parse of files whose text shows they cannot hold a finding (src/scan/precheck.ts). Default true. */
  precheck?: boolean;
  /** Results of unchanged files from an earlier scan (src/scan/cache.ts); saved at the end. Wins over useCache. */
  cache?: ScanCache;
  /** The on-disk cache: 'never' (default), 'always', or 'if-node-modules' (when <root>/node_modules exists). */
  useCache?: 'never' | 'always' | 'if-node-modules';
  /** Where the cache lives; default <root>/node_modules/.cache/privacy-review. */
  cacheDirectory?: string;
  /** Tests only: called before each discovered file is read (or its stat checked), to change the tree mid-scan (delete, chmod, swap). */
  beforeRead?: (file: string) => void;
}

export interface AsyncScanOptions extends ScanOptions {
  /** Worker threads: 0 or 1 analyse in this thread; 'auto' (default) decides by the tree's size and the cores (pool.ts jobsFor). */
  jobs?: number | 'auto';
  signal?: AbortSignal;
  /** Tests only: passed to the workers. */
  workerInit?: { crashOnFile?: string };
}

export interface FileFinding extends Finding {
  /** Path relative to the scanned root, forward slashes. */
  file: string;
}

export interface ScanResult {
  root: string;
  filesScanned: number;
  findings: FileFinding[];
  skipped: { file: string; reason: string }[];
  /** Every flow of personal data into a sink, covered or not. */
  dataFlows: { file: string; category: string; sinkKind: SinkKind; line: number }[];
  declaredMembers: Set<string>;
  catalogPath?: string;
  durationMs: number;
  /** How the files were handled: analysed, skipped by the pre-check, answered by the cache; workers used; never read (stat unchanged). */
  stats?: Plan['stats'] & { jobs: number; unread: number };
}

export function scanDirectory(root: string, options: ScanOptions = {}): ScanResult {
  const scan = prepareScan(root, options);
  scan.analyseHere();
  return scan.finish(0);
}

/** The same scan, with the analysis on worker threads where that pays (or when `jobs` asks), and cancellable. */
export async function scanDirectoryAsync(root: string, options: AsyncScanOptions = {}): Promise<ScanResult> {
  const scan = prepareScan(root, options);
  const { analyse } = scan.plan;
  const lines = analyse.reduce((sum, file) => sum + lineCount(scan.texts.get(file)!), 0);
  const jobs = options.jobs === undefined || options.jobs === 'auto' ? jobsFor(lines) : options.jobs;
  if (jobs <= 1 || analyse.length < 2) {
    await scan.analyseHereAsync(options.signal);
    return scan.finish(0);
  }
  const catalog = options.catalog;
  await runInWorkers(batchesFor(analyse, scan.plan.imports, scan.texts, Math.max(5_000, Math.ceil(lines / (jobs * 4))), scan.plan.configuring), scan.texts, {
    jobs,
    signal: options.signal,
    onOutcome: (file, outcome) => scan.add(file, outcome),
    init: {
      ...(catalog ? { catalog: { path: catalog.path, text: fs.readFileSync(catalog.path, 'utf8') } } : {}),
      sanitizers: options.sanitizers,
      loggerNames: options.loggerNames,
      today: options.today,
      pathMapping: scan.pathMapping,
      ...options.workerInit,
    },
  });
  return scan.finish(jobs);
}

/** Discovery, reading, the workspace index and the plan; then outcomes are added, in any order. */
function prepareScan(root: string, options: ScanOptions) {
  const started = performance.now();
  const discovered = discoverFiles(root, { ...options, exclude: [...(options.exclude ?? []), ...(options.catalog?.file.ignore ?? [])] });
  const result: ScanResult = {
    root,
    filesScanned: 0,
    findings: [],
    skipped: [...discovered.skipped],
    dataFlows: [],
    declaredMembers: new Set(),
    catalogPath: options.catalog ? relativePath(root, options.catalog.path) : undefined,
    durationMs: 0,
  };
  // Read every file first (with a cache, check its stat): the workspace index follows imports between them.
  const pathMapping = readPathMapping(root);
  options = { ...options, cache: options.cache ?? openCache(root, options) };
  const texts = SourceTexts.read(root, discovered.files, { maxFileBytes: options.maxFileBytes, cache: options.cache, beforeRead: options.beforeRead }, result.skipped);
  const resolver = new ModuleResolver((file) => texts.has(file), pathMapping);
  const plan = planScan(texts, {
    precheck: options.precheck !== false,
    cache: options.cache,
    catalog: options.catalog?.engine,
    today: options.today,
    resolve: (from, specifier) => resolver.resolve(from, specifier),
    tree: options.cache ? treeIdentity(texts.keys(), pathMapping) : undefined,
  });
  const outcomes = new Map<string, Outcome>(plan.known);
  let done = outcomes.size;
  if (done > 0) options.onProgress?.(done, texts.size);
  return {
    texts,
    plan,
    pathMapping,
    /**
     * The analysis in this thread. Each workspace index holds what its files may read: them and
     * everything they may import (over-approximated from the text, so resolution inside it is the
     * same as over the whole tree); files the plan skips are in it when an analysed file imports them.
     */
    analyseHere(signal?: AbortSignal): void {
      const createIndex = () => new WorkspaceIndex({ ...options, catalog: options.catalog?.engine, pathMapping });
      runInProcess(plan.analyse, plan.imports, plan.configuring, texts, createIndex, (file, outcome) => this.add(file, outcome), signal);
    },
    /** The same, yielding to the event loop between files now and then, so a signal can stop it. */
    analyseHereAsync(signal?: AbortSignal): Promise<void> {
      const createIndex = () => new WorkspaceIndex({ ...options, catalog: options.catalog?.engine, pathMapping });
      return runInProcessAsync(plan.analyse, plan.imports, plan.configuring, texts, createIndex, (file, outcome) => this.add(file, outcome), signal);
    },
    add(file: string, outcome: Outcome): void {
      if (outcomes.has(file) && !plan.known.has(file)) return;
      outcomes.set(file, outcome);
      if (!texts.lateFailures.has(file)) remember(plan, options.cache, file, outcome);
      options.onProgress?.(++done, texts.size);
    },
    finish(jobs: number): ScanResult {
      // Files in order, whatever order their outcomes came in.
      for (const file of texts.keys()) {
        const late = texts.lateFailures.get(file);
        const outcome: Outcome = late !== undefined ? { kind: 'failed', reason: late } : (outcomes.get(file) ?? { kind: 'failed', reason: 'not analysed (scan ended early)' });
        if (outcome.kind === 'failed') result.skipped.push({ file, reason: outcome.reason });
        else if (outcome.parseError) {
          const { line, column } = outcome.parseError.position;
          const { kind = 'syntax', message } = outcome.parseError;
          result.skipped.push({ file, reason: kind === 'syntax' ? `does not parse: ${message} (${line}:${column + 1})` : message });
        } else {
          if (outcome.partial) result.skipped.push({ file, reason: outcome.partial });
          result.filesScanned++;
          for (const finding of outcome.findings) result.findings.push({ ...finding, file });
          for (const flow of outcome.dataFlows) result.dataFlows.push({ file, ...flow });
          for (const member of outcome.declaredMembers) result.declaredMembers.add(member);
        }
      }
      options.cache?.save();
      if (options.catalog && result.catalogPath) result.findings.push(...policiesOverMaximum(options.catalog, result.catalogPath));
      result.skipped.sort((a, b) => a.file.localeCompare(b.file));
      result.stats = { ...plan.stats, jobs, unread: texts.unreadCount };
      result.durationMs = performance.now() - started;
      return result;
    },
  };
}

function openCache(root: string, options: ScanOptions): ScanCache | undefined {
  const use = options.useCache ?? 'never';
  if (use === 'never' || (use === 'if-node-modules' && options.cacheDirectory === undefined && !fs.existsSync(path.join(root, 'node_modules')))) return undefined;
  return ScanCache.open(path.resolve(root, options.cacheDirectory ?? DEFAULT_CACHE_DIRECTORY), root, {
    catalog: options.catalog?.file,
    sanitizers: options.sanitizers,
    loggerNames: options.loggerNames,
    maxFileBytes: options.maxFileBytes,
  });
}

/** Catalog policies that keep data longer than the same catalog's maxRetention, reported in the catalog. */
function policiesOverMaximum(catalog: LoadedCatalog, catalogFile: string): FileFinding[] {
  const findings: FileFinding[] = [];
  (catalog.file.policies ?? []).forEach((policy, index) => {
    const max = catalog.engine.maxRetentionFor(policy.category);
    const seconds = retentionSeconds(policy.retention);
    if (!max || seconds === undefined || seconds <= max.seconds) return;
    const { line, column } = catalog.locate(['policies', index, 'retention']);
    const data = { value: policy.retention, category: categoryInfo(policy.category)?.label ?? policy.category, max: max.value };
    const severity = catalog.engine.severityFor('retention-exceeds-maximum');
    if (severity === 'off') return;
    findings.push({
      ruleId: 'retention-exceeds-maximum',
      severity: severity ?? RULES['retention-exceeds-maximum'].severity,
      message: renderMessage('retention-exceeds-maximum', data),
      messageData: data,
      span: { start: { line, column: column - 1 }, end: { line, column: column - 1 } },
      category: policy.category,
      related: [],
      file: catalogFile,
    });
  });
  return findings;
}

export function relativePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
