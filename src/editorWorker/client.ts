// The host side of the analysis worker: requests with ids and promises, one IndexClient per
// workspace folder, and recovery. The extension host only posts text and takes results; it never
// parses or analyses. Nothing here imports `vscode`: the benchmark and unit tests drive it as is.
//
// A worker that dies (a crash, running out of memory) is restarted; every live index is configured
// again and given its files again (the host keeps what it sent), then the requests that were in
// flight are sent again — a request that was in flight during two deaths in a row is answered with
// the error instead (it is the likely cause). Too many deaths in a short time stop the worker for
// good: requests then fail at once. Either way every promise settles: nothing waits forever.
import * as path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { Discovered } from '../scan/discover';
import { type AnalyzeReply, type IndexSettings, type Lane, type ScanPlanReply, type ScanReply, type StatsReply, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';

export type { AnalyzeReply, IndexSettings, ScanOutcome, ScanPlanReply, ScanReply, StatsReply } from './protocol';

export interface AnalysisWorkerOptions {
  /** The bundled worker; default analysisWorker.js beside this file (dist/ in the extension). */
  script?: string;
  /** Told once per worker death (the extension logs it and shows it once). */
  onFailure?: (what: string, error: Error) => void;
  /** Told after a restart, once indexes are replayed (the extension re-validates open files). */
  onRestart?: () => void;
  /** Deaths within `crashWindowMs` after which the worker is not restarted again. Default 5. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** V8 heap limit of the worker: running out ends the worker, never the extension host. */
  maxHeapMb?: number;
  workerData?: WorkerInit;
}

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  message: WorkerRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Deaths of the worker while it was handling this request. */
  deaths: number;
}

/** Thrown (as a rejection) when the worker answers that a newer edit made a request pointless. */
export const SUPERSEDED = Symbol('superseded');

const DEFAULT_MAX_HEAP_MB = 4096;

export class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly indexes = new Map<string, IndexClient>();
  private deaths: number[] = [];
  /** The request the worker said it started and has not answered yet. */
  private handling: Pending | undefined;
  private stopped: Error | undefined;
  private disposed = false;
  private nextIndex = 1;
  /** How many times the worker was (re)started, for tests and logs. */
  starts = 0;

  constructor(private readonly options: AnalysisWorkerOptions = {}) {}

  /** A new index in the worker (each call a new one: an index is never reconfigured, it is replaced). */
  createIndex(name: string, settings: IndexSettings): IndexClient {
    const client = new IndexClient(this, `${name}#${this.nextIndex++}`, settings);
    this.indexes.set(client.key, client);
    void this.request({ type: 'configure', index: client.key, settings }).catch(() => undefined);
    return client;
  }

  /** @internal IndexClient.dispose */
  forget(client: IndexClient): void {
    if (!this.indexes.delete(client.key) || !this.worker) return;
    void this.request({ type: 'dispose', index: client.key }).catch(() => undefined);
  }

  discover(root: string, include?: string[], exclude?: string[]): Promise<Discovered> {
    return this.request({ type: 'discover', root, include, exclude }) as Promise<Discovered>;
  }

  /** The worker's memory and its indexes' sizes; `gc` first runs a full garbage collection (benchmarks). */
  stats(gc = false): Promise<StatsReply> {
    return this.request({ type: 'stats', gc }) as Promise<StatsReply>;
  }

  /** Posts a request; resolves with the worker's answer, rejects with its error or SUPERSEDED. */
  request(message: Request): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Error('the analysis worker was disposed'));
    if (this.stopped) return Promise.reject(this.stopped);
    const full = { ...message, id: this.nextId++ } as WorkerRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(full.id, { message: full, resolve, reject, deaths: 0 });
      this.ensureWorker().postMessage(full);
      this.worker?.ref();
    });
  }

  /** True once the worker died too often and is not restarted any more. */
  get isStopped(): boolean {
    return this.stopped !== undefined;
  }

  /** For tests: the worker's thread id, and a way to kill it. */
  get threadId(): number | undefined {
    return this.worker?.threadId;
  }
  terminateForTest(): Promise<number> | undefined {
    return this.worker?.terminate();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the analysis worker was disposed'));
    void worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const script = this.options.script ?? path.join(__dirname, 'analysisWorker.js');
    const worker = new Worker(script, {
      workerData: this.options.workerData ?? {},
      // The host's environment itself, not a copy taken at start (tests set the engine's fault injection late).
      env: SHARE_ENV,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
    });
    this.worker = worker;
    this.starts++;
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.died(worker, error));
    worker.on('exit', (code) => this.died(worker, new Error(`the analysis worker exited with code ${code}`)));
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('started' in reply) {
      this.handling = pending;
      return;
    }
    if (this.handling === pending) this.handling = undefined;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref(); // an idle worker keeps no process alive
    if ('superseded' in reply) pending.reject(Object.assign(new Error('superseded by a newer edit'), { [SUPERSEDED]: true }));
    else if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.error));
  }

  private died(worker: Worker, error: Error): void {
    if (worker !== this.worker) return; // an old worker's second event
    this.worker = undefined;
    if (this.disposed) return;
    const now = Date.now();
    this.deaths = [...this.deaths.filter((at) => now - at < (this.options.crashWindowMs ?? 5 * 60_000)), now];
    this.options.onFailure?.('the analysis worker', error);
    if (this.deaths.length > (this.options.maxCrashes ?? 5)) {
      this.stopped = new Error(`the analysis worker stopped after ${this.deaths.length} crashes (last: ${error.message}); reload the window to start it again`);
      this.failAll(this.stopped);
      return;
    }
    // Restart: indexes first (configure and files go first in the worker's queues), then what was in flight.
    const inFlight = [...this.pending.values()].sort((a, b) => a.message.id - b.message.id);
    const suspect = this.handling;
    this.handling = undefined;
    this.pending.clear();
    for (const client of this.indexes.values()) client.replay();
    for (const pending of inFlight) {
      if (pending.message.type === 'configure' || pending.message.type === 'dispose' || (pending.message.type === 'setFiles' && pending.message.lane === 'control')) {
        pending.resolve(true); // replayed above
        continue;
      }
      if (pending === suspect && ++pending.deaths > 1) {
        pending.reject(new Error(`the analysis worker died twice while handling this request (${error.message})`));
        continue;
      }
      this.pending.set(pending.message.id, pending);
      this.ensureWorker().postMessage(pending.message);
    }
    if (this.pending.size) this.ensureWorker().ref();
    this.options.onRestart?.();
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.reject(error);
  }
}

export function isSuperseded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && SUPERSEDED in error;
}

/**
 * One workspace index in the worker. Keeps what it sent (texts, and which files an editor owns), so
 * a restarted worker gets the same index back.
 */
export class IndexClient {
  private readonly texts = new Map<string, string>();
  private readonly owned = new Set<string>();
  private disposed = false;

  constructor(
    private readonly worker: AnalysisWorker,
    readonly key: string,
    readonly settings: IndexSettings,
  ) {}

  get standalone(): boolean {
    return Boolean(this.settings.standalone);
  }

  /** Whether the index has the file (sent, or read by a scan). */
  hasFile(file: string): boolean {
    return this.texts.has(file);
  }

  get fileCount(): number {
    return this.texts.size;
  }

  /** Indexing: files read from disk; `onlyNew` leaves files the index already has alone. */
  async setFiles(files: [string, string][], onlyNew = true): Promise<void> {
    for (const [file, text] of files) if (!this.owned.has(file) && !(onlyNew && this.texts.has(file))) this.texts.set(file, text);
    await this.send({ type: 'setFiles', index: this.key, files, onlyNew });
  }

  /**
   * The editor's text of a file, analysed. Resolves undefined when a newer version of the same file
   * was asked for before the worker got to this one, or when this index was disposed meanwhile.
   */
  async analyze(file: string, text: string, version?: number): Promise<AnalyzeReply | undefined> {
    if (!this.standalone) {
      this.texts.set(file, text);
      this.owned.add(file);
    }
    try {
      return (await this.send({ type: 'analyze', index: this.key, file, text, version })) as AnalyzeReply;
    } catch (error) {
      // Superseded by a newer version, or the index was replaced meanwhile (a catalog or setting
      // changed; the new one analyses the file again): nothing failed.
      if (isSuperseded(error) || this.disposed) return undefined;
      throw error;
    }
  }

  /** The text on disk again, once the editor that owned it closed. Resolves with the files it invalidated. */
  async release(file: string, text: string): Promise<string[]> {
    this.texts.set(file, text);
    this.owned.delete(file);
    return (await this.send({ type: 'setFile', index: this.key, file, text, owned: false })) as string[];
  }

  async removeFile(file: string): Promise<string[]> {
    this.texts.delete(file);
    this.owned.delete(file);
    return (await this.send({ type: 'removeFile', index: this.key, file })) as string[];
  }

  /**
   * Reads `files` (relative to `root`) in the worker and analyses them; `fromDisk` ignores editors'
   * texts; `planned`: files a `plan` read and left to analyse (their results go to its cache).
   */
  async scan(root: string, files: string[], options: { maxFileSize?: number; fromDisk?: boolean; planned?: boolean } = {}): Promise<ScanReply> {
    if (options.fromDisk) for (const file of files) this.owned.delete(file);
    const reply = (await this.send({ type: 'scan', index: this.key, root, files, ...options })) as ScanReply;
    this.took(reply.updated);
    return reply;
  }

  /** A workspace scan's first step (protocol.ts `scanPlan`): what is known without analysis, and what to analyse. */
  async plan(root: string, files: string[], options: { maxFileSize?: number; cacheDirectory?: string } = {}): Promise<ScanPlanReply> {
    const reply = (await this.send({ type: 'scanPlan', index: this.key, root, files, ...options })) as ScanPlanReply;
    this.took(reply.updated);
    return reply;
  }

  /** Ends a planned scan: its cache is saved. Resolves whether it was. */
  async scanDone(): Promise<boolean> {
    return (await this.send({ type: 'scanDone', index: this.key })) as boolean;
  }

  private took(updated: [string, string][]): void {
    for (const [file, text] of updated) if (!this.owned.has(file)) this.texts.set(file, text);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.texts.clear();
    this.worker.forget(this);
  }

  /** @internal After a restart: the same index again, ahead of everything else in the worker. */
  replay(): void {
    const lane: Lane = 'control';
    const quietly = (message: Request) => void this.worker.request(message).catch(() => undefined);
    quietly({ type: 'configure', index: this.key, settings: this.settings, lane });
    if (this.standalone) return;
    const files = [...this.texts].filter(([file]) => !this.owned.has(file));
    for (let start = 0; start < files.length; start += REPLAY_BATCH) quietly({ type: 'setFiles', index: this.key, files: files.slice(start, start + REPLAY_BATCH), lane });
    for (const file of this.owned) quietly({ type: 'setFile', index: this.key, file, text: this.texts.get(file)!, owned: true, lane });
  }

  private send(message: Request): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Error(`index ${this.key} was disposed`));
    return this.worker.request(message);
  }
}

const REPLAY_BATCH = 500;
