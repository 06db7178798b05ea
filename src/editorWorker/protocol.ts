// The messages between the extension host and the analysis worker (analysisWorker.ts). The worker
// holds one workspace index per workspace folder (and one plain analyzer for files outside any
// folder), each named by a key the host chooses; every request carries an id that its reply repeats.
import type { AnalysisResult } from '../core';
import type { WorkspaceIndexStats } from '../core/workspace';
import type { PathMapping } from '../core/workspace/resolve';

/** What an index is built from: the folder's catalog (as text, parsed in the worker) and settings. */
export interface IndexSettings {
  catalog?: { path: string; text: string };
  sanitizers?: string[];
  loggerNames?: string[];
  pathMapping?: PathMapping;
  /** YYYY-MM-DD, for suppression expiry; defaults to the real date. */
  today?: string;
  /** No workspace index: each file is analysed on its own (files outside any workspace folder). */
  standalone?: boolean;
}

/**
 * Which queue a request waits in. The worker always takes the first request of the most urgent
 * non-empty queue: `control` (configure, dispose, replay after a restart), then `edit` (what the
 * user waits for), then `background` (indexing a folder, scanning it, one file at a time).
 */
export type Lane = 'control' | 'edit' | 'background';

export type WorkerRequest =
  | { type: 'configure'; id: number; index: string; settings: IndexSettings; lane?: Lane }
  | { type: 'dispose'; id: number; index: string; lane?: Lane }
  /**
   * Indexing: adds files (never over the text the editor set). `onlyNew`: files the index has are
   * left alone (an editor may have set a newer text since the host read the disk).
   */
  | { type: 'setFiles'; id: number; index: string; files: [string, string][]; onlyNew?: boolean; lane?: Lane }
  /** The editor's text of a file (`owned`), or the text on disk again once its editor closed (`owned: false`). */
  | { type: 'setFile'; id: number; index: string; file: string; text: string; owned: boolean; lane?: Lane }
  | { type: 'removeFile'; id: number; index: string; file: string; lane?: Lane }
  /**
   * Sets the editor's text (when given) and analyses the file. A queued request for the same file
   * and an older `version` is answered `superseded` without any work; one for the same version
   * shares the answer.
   */
  | { type: 'analyze'; id: number; index: string; file: string; text?: string; version?: number; lane?: Lane }
  /**
   * A workspace scan's files, read from disk under `root` by the worker (an editor's text wins
   * for files it owns, unless `fromDisk`), analysed one at a time so edits can come between.
   */
  | { type: 'scan'; id: number; index: string; root: string; files: string[]; maxFileSize?: number; fromDisk?: boolean; planned?: boolean; lane?: Lane }
  /**
   * A workspace scan's first step: reads `files` (an editor's text wins), then decides as the CLI
   * does which need analysis — the text pre-check skips files that cannot hold a finding, the
   * scan cache in `cacheDirectory` (the extension's storage) answers unchanged ones. The files
   * left are then sent in `scan` batches with `planned: true`, and `scanDone` saves the cache.
   */
  | { type: 'scanPlan'; id: number; index: string; root: string; files: string[]; maxFileSize?: number; cacheDirectory?: string; lane?: Lane }
  | { type: 'scanDone'; id: number; index: string; lane?: Lane }
  | { type: 'discover'; id: number; root: string; include?: string[]; exclude?: string[]; lane?: Lane }
  /** Memory and index sizes; `gc`: after a full garbage collection (benchmarks). */
  | { type: 'stats'; id: number; gc?: boolean; lane?: Lane }
  /** Tests only (when the worker was started with `testHooks`): the worker dies. */
  | { type: 'crash'; id: number; lane?: Lane };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; superseded: true }
  /** Sent before a request is handled: if the worker dies now, this request is the likely cause. */
  | { id: number; started: true };

export interface AnalyzeReply {
  result: AnalysisResult;
  /** Files whose results the new text invalidated (the file itself included). */
  invalidated: string[];
  /** Milliseconds the worker spent on it (setting the text and analysing). */
  workMs: number;
}

export type ScanOutcome = { file: string; result: Pick<AnalysisResult, 'findings' | 'dataFlows' | 'parseError'> } | { file: string; reason: string };

export interface ScanReply {
  outcomes: ScanOutcome[];
  /** Files whose text on disk differed from what the index had: the index now has this text. */
  updated: [string, string][];
}

export interface ScanPlanReply {
  /** Results known without analysis (pre-check, cache) and files that cannot be read. */
  outcomes: ScanOutcome[];
  /** Files to analyse (in `scan` batches with `planned: true`). */
  analyse: string[];
  updated: [string, string][];
  stats: { files: number; skippedByPrecheck: number; fromCache: number; analysed: number };
  /** Why an earlier cache was not used, if there was a cache directory and it was not. */
  cacheDiscarded?: 'missing' | 'stale' | 'corrupt';
}

export interface StatsReply {
  heapUsed: number;
  rss: number;
  indexes: Record<string, WorkspaceIndexStats | { standalone: true }>;
}

export interface WorkerInit {
  /** Allows the `crash` request (tests). */
  testHooks?: boolean;
}

export const DEFAULT_LANES: Record<WorkerRequest['type'], Lane> = {
  configure: 'control',
  dispose: 'control',
  stats: 'control',
  crash: 'control',
  setFile: 'edit',
  removeFile: 'edit',
  analyze: 'edit',
  setFiles: 'background',
  scan: 'background',
  scanPlan: 'background',
  scanDone: 'background',
  discover: 'background',
};
