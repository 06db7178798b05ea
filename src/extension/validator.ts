// Validation that never gets in the way of typing: per-document debounce, newer edits supersede
// older work, results for a version that has moved on are dropped.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core';
import { minimatch } from 'minimatch';
import { relativeInFolder, type Catalogs } from './catalogs';
import { toDiagnostics } from './diagnostics';
import { guarded, log } from './log';
import { readSettings } from './settings';

export interface Validation {
  uri: vscode.Uri;
  version: number;
  result: AnalysisResult;
  durationMs: number;
}

const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const SLOW_FILE_MS = 200;

export class Validator implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
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
    const delay = delayMs ?? readSettings(document.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validate(document);
      }, delay),
    );
  }

  async validate(document: vscode.TextDocument): Promise<Validation | undefined> {
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    if (!settings.enable || !this.isIncluded(document, settings.include, settings.exclude)) {
      this.diagnostics.delete(document.uri);
      this.results.delete(key);
      return undefined;
    }
    const version = document.version;
    const { analyzer, index, folder } = await this.catalogs.forDocument(document.uri);
    if (document.isClosed || document.version !== version) return undefined; // a newer edit will come
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      log().info(`skipped ${document.uri.fsPath}: larger than privacyReview.maxFileSize (${settings.maxFileSize} bytes)`);
      this.diagnostics.delete(document.uri);
      return undefined;
    }
    const started = performance.now();
    let result: AnalysisResult | undefined;
    if (index && folder) {
      // Through the folder's index: types and wrappers from other files count, and files that
      // import this one are re-validated when it changes.
      const relative = relativeInFolder(folder, document.uri);
      const invalidated = index.setFile(relative, text);
      result = guarded(`analysing ${document.uri.fsPath}`, () => index.analyze(relative), undefined);
      this.revalidateOpen(folder, invalidated.filter((file) => file !== relative));
    } else {
      result = guarded(`analysing ${document.uri.fsPath}`, () => analyzer.analyze(text, document.uri.fsPath), undefined);
    }
    const durationMs = performance.now() - started;
    if (!result || document.version !== version) return undefined;
    if (durationMs > SLOW_FILE_MS) log().info(`${document.uri.fsPath} took ${Math.round(durationMs)} ms`);
    if (result.parseError) log().info(`${document.uri.fsPath} does not parse (${result.parseError.message}); keeping the last diagnostics`);
    else this.diagnostics.set(document.uri, toDiagnostics(result.findings, document.uri, document, settings));
    const validation: Validation = { uri: document.uri, version, result, durationMs };
    this.results.set(key, validation);
    this.validated.fire(validation);
    return validation;
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    void this.restoreSavedText(document.uri);
  }

  /** A closed editor may have held unsaved text: the index goes back to what is on disk. */
  private async restoreSavedText(uri: vscode.Uri): Promise<void> {
    const { index, folder } = await this.catalogs.forDocument(uri);
    if (!index || !folder) return;
    const relative = relativeInFolder(folder, uri);
    try {
      const invalidated = index.setFile(relative, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      this.revalidateOpen(folder, invalidated.filter((file) => file !== relative));
    } catch {
      this.revalidateOpen(folder, index.removeFile(relative));
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

  private isIncluded(document: vscode.TextDocument, include: string[], exclude: string[]): boolean {
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    if (exclude.some((glob) => minimatch(relative, glob, { dot: true }))) return false;
    return include.length === 0 || include.some((glob) => minimatch(relative, glob, { dot: true }));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.validated.dispose();
  }
}
