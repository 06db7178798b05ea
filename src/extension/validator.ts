// Validation that never gets in the way of typing: per-document debounce, newer edits supersede
// older work, results for a version that has moved on are dropped. The analysis runs in the
// analysis worker (src/editorWorker): this thread only takes the text, posts it and turns the
// findings into diagnostics, a few milliseconds per edit (`Validation.blockedMs`).
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core';
import { minimatch } from 'minimatch';
import type { AnalyzeReply } from '../editorWorker/client';
import { PrefetchPlanner } from '../editorWorker/prefetch';
import { relativeInFolder, type Catalogs } from './catalogs';
import { toDiagnostics } from './diagnostics';
import { log, reportFailure } from './log';
import { readSettings, type Settings } from './settings';

export interface Validation {
  uri: vscode.Uri;
  version: number;
  result: AnalysisResult;
  /** What the analysis took (in the analysis worker). */
  durationMs: number;
  /** From the validation's start (the debounce firing) to its diagnostics: what the user waits for. */
  latencyMs: number;
  /** Time this validation ran on the extension host thread (its synchronous parts, an early start's included, summed). */
  blockedMs: number;
  /** Whether the analysis was started before the debounce fired (see src/editorWorker/prefetch.ts). */
  startedEarly: boolean;
}

/** A document version posted to the analysis worker. */
type Posted =
  | { kind: 'posted'; version: number; file: string; folder: vscode.WorkspaceFolder | undefined; reply: Promise<AnalyzeReply | undefined>; blockedMs: number }
  | { kind: 'stale' }
  | { kind: 'too-large' };

/** Sums the synchronous stretches of an async function. */
class Stopwatch {
  total = 0;
  private since: number | undefined = performance.now();
  start(): void {
    this.since ??= performance.now();
  }
  stop(): number {
    if (this.since !== undefined) this.total += performance.now() - this.since;
    this.since = undefined;
    return this.total;
  }
}

const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const SLOW_FILE_MS = 200;

export class Validator implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly earlyTimers = new Map<string, NodeJS.Timeout>();
  /** Analyses started before their debounce fired, taken by the validation of the same version. */
  private readonly early = new Map<string, { version: number; posted: Promise<Posted> }>();
  private readonly planner = new PrefetchPlanner();
  private readonly results = new Map<string, Validation>();
  private readonly validated = new vscode.EventEmitter<Validation>();
  readonly onDidValidate = this.validated.event;

  constructor(
    private readonly catalogs: Catalogs,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {}

  static isCandidate(document: vscode.TextDocument): boolean {
    return LANGUAGES.has(document.languageId) && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled' || document.uri.scheme === 'vscode-remote');
  }

  /** The last result for this exact document version, for hovers and code actions. */
  resultFor(document: vscode.TextDocument): Validation | undefined {
    const cached = this.results.get(document.uri.toString());
    return cached && cached.version === document.version ? cached : undefined;
  }

  schedule(document: vscode.TextDocument, delayMs?: number): void {
    if (!Validator.isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    clearTimeout(this.earlyTimers.get(key));
    this.earlyTimers.delete(key);
    // Whatever was started early is for an older text, or an index that changed since.
    this.early.delete(key);
    const delay = delayMs ?? readSettings(document.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validate(document);
      }, delay),
    );
    // A file whose analysis takes long starts in the worker before the debounce ends.
    const startAfter = this.planner.startAfter(key, delay);
    if (startAfter !== undefined) {
      const version = document.version;
      this.earlyTimers.set(
        key,
        setTimeout(() => {
          this.earlyTimers.delete(key);
          if (document.isClosed || document.version !== version || !this.isEnabledFor(document)) return;
          const posted = this.post(document, readSettings(document.uri));
          posted.catch(() => undefined); // reported by the validation that takes it, if one does
          this.early.set(key, { version, posted });
        }, startAfter),
      );
    }
  }

  async validate(document: vscode.TextDocument): Promise<Validation | undefined> {
    const started = performance.now();
    const blocked = new Stopwatch();
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    if (!this.isEnabledFor(document, settings)) {
      this.diagnostics.delete(document.uri);
      this.results.delete(key);
      return undefined;
    }
    const version = document.version;
    const early = this.early.get(key);
    this.early.delete(key);
    const startedEarly = early?.version === version;
    const pending = startedEarly ? early!.posted : this.post(document, settings);
    blocked.stop();
    let posted: Posted;
    try {
      posted = await pending;
    } catch (error) {
      reportFailure(`analysing ${document.uri.fsPath}`, error);
      return undefined;
    }
    if (posted.kind === 'too-large') {
      log().info(`skipped ${document.uri.fsPath}: larger than privacyReview.maxFileSize (${settings.maxFileSize} bytes)`);
      this.diagnostics.delete(document.uri);
      return undefined;
    }
    if (posted.kind === 'stale') return undefined; // a newer edit will come
    let reply: AnalyzeReply | undefined;
    try {
      reply = await posted.reply;
    } catch (error) {
      reportFailure(`analysing ${document.uri.fsPath}`, error);
      return undefined;
    }
    blocked.start();
    if (!reply) return undefined; // a newer version of the document was posted before the worker got to this one
    this.planner.record(key, reply.workMs);
    if (posted.folder) this.revalidateOpen(posted.folder, reply.invalidated.filter((other) => other !== posted.file));
    if (document.isClosed || document.version !== version) return undefined;
    const { result } = reply;
    if (reply.workMs > SLOW_FILE_MS) log().info(`${document.uri.fsPath} took ${Math.round(reply.workMs)} ms in the analysis worker`);
    if (result.parseError) log().info(`${document.uri.fsPath} does not parse (${result.parseError.message}); keeping the last diagnostics`);
    else this.diagnostics.set(document.uri, toDiagnostics(result.findings, document.uri, document, settings));
    const validation: Validation = { uri: document.uri, version, result, durationMs: reply.workMs, latencyMs: performance.now() - started, blockedMs: 0, startedEarly };
    validation.blockedMs = blocked.stop() + posted.blockedMs;
    this.results.set(key, validation);
    this.validated.fire(validation);
    return validation;
  }

  /** Takes the document's text and posts it to its folder's index in the worker (a few milliseconds here). */
  private async post(document: vscode.TextDocument, settings: Settings): Promise<Posted> {
    const version = document.version;
    const { index, folder } = await this.catalogs.forDocument(document.uri);
    const blocked = new Stopwatch();
    if (document.isClosed || document.version !== version) return { kind: 'stale' };
    const text = document.getText();
    if (text.length > settings.maxFileSize) return { kind: 'too-large' };
    // Through the folder's index: types and wrappers from other files count, and files that
    // import this one are re-validated when it changes.
    const file = folder ? relativeInFolder(folder, document.uri) : document.uri.fsPath;
    const reply = index.analyze(file, text, version);
    reply.catch(() => undefined); // an early start nobody takes must not be an unhandled rejection
    return { kind: 'posted', version, file, folder, reply, blockedMs: blocked.stop() };
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    clearTimeout(this.earlyTimers.get(key));
    this.timers.delete(key);
    this.earlyTimers.delete(key);
    this.early.delete(key);
    this.planner.forget(key);
    this.results.delete(key);
    void this.restoreSavedText(document.uri);
  }

  /** A closed editor may have held unsaved text: the index goes back to what is on disk. */
  private async restoreSavedText(uri: vscode.Uri): Promise<void> {
    let engine: Awaited<ReturnType<Catalogs['forDocument']>>;
    try {
      engine = await this.catalogs.forDocument(uri);
    } catch {
      return; // its validation reported it
    }
    const { index, folder } = engine;
    if (index.standalone || !folder) return;
    const relative = relativeInFolder(folder, uri);
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined; // deleted, or unreadable: the index forgets it
    }
    try {
      const invalidated = text !== undefined ? await index.release(relative, text) : await index.removeFile(relative);
      this.revalidateOpen(folder, invalidated.filter((file) => file !== relative));
    } catch (error) {
      log().warn(`could not restore ${uri.fsPath} in the index: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private revalidateOpen(folder: vscode.WorkspaceFolder, files: readonly string[]): void {
    if (!files.length) return;
    const wanted = new Set(files);
    for (const open of vscode.workspace.textDocuments) {
      if (vscode.workspace.getWorkspaceFolder(open.uri)?.uri.toString() !== folder.uri.toString()) continue;
      if (wanted.has(relativeInFolder(folder, open.uri))) this.schedule(open, 0);
    }
  }

  private isEnabledFor(document: vscode.TextDocument, settings: Settings = readSettings(document.uri)): boolean {
    return settings.enable && this.isIncluded(document, settings.include, settings.exclude);
  }

  private isIncluded(document: vscode.TextDocument, include: string[], exclude: string[]): boolean {
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    if (exclude.some((glob) => minimatch(relative, glob, { dot: true }))) return false;
    return include.length === 0 || include.some((glob) => minimatch(relative, glob, { dot: true }));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const timer of this.earlyTimers.values()) clearTimeout(timer);
    this.validated.dispose();
  }
}
