// One analyzer per workspace folder, built from that folder's catalog and settings. Catalog
// problems become diagnostics in the catalog file; a changed catalog rebuilds the analyzer.
// Analysers live in the analysis worker (src/editorWorker): this side reads files and settings
// and posts them; parsing and analysis never run on the extension host thread.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PathMapping } from '../core/workspace/resolve';
import { AnalysisWorker, type IndexClient, type IndexSettings } from '../editorWorker/client';
import { pathMappingFromText } from '../scan/tsconfigPaths';
import { CatalogError, loadCatalogText, type LoadedCatalog } from '../scan/catalogFile';
import { log, reportFailure } from './log';
import { readSettings } from './settings';

export interface FolderAnalyzer {
  /**
   * The folder's workspace index in the analysis worker: cross-file types and summaries, kept up
   * to date by the validator and the scan. For files outside any workspace folder: an analyzer
   * that takes each file on its own (`index.standalone`).
   */
  index: IndexClient;
  folder: vscode.WorkspaceFolder | undefined;
  /** Resolves when the folder's files have been read into the index. */
  indexed: Promise<void>;
  catalog: LoadedCatalog | undefined;
  catalogUri: vscode.Uri | undefined;
}

/** The settings a folder's index is built from (src/editorWorker/protocol.ts IndexSettings, and what it indexes). */
const ANALYZER_SETTINGS = ['catalogPath', 'sanitizers', 'loggerNames', 'maxFileSize'];

/** How many files the editor indexes per folder; a larger tree is indexed as far as this. */
const MAX_INDEXED_FILES = 20_000;
const INDEX_BATCH = 50;
const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const EXCLUDED_GLOB = '{**/node_modules/**,**/dist/**,**/build/**,**/out/**,**/coverage/**,**/.git/**,**/*.d.ts,**/*.min.js}';

export class Catalogs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderAnalyzer>>();
  private worker: AnalysisWorker | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('privacy-review-catalog');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a catalog (or a setting that shapes the analyzer) changed: open files need re-analysis. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * Where workspace scans keep their cache (src/scan/cache.ts): the extension's storage for this
   * workspace, never the workspace itself. Undefined without one (no folder open, a non-file storage).
   */
  readonly scanCacheDirectory: string | undefined;

  constructor(storageUri?: vscode.Uri) {
    this.scanCacheDirectory = storageUri?.scheme === 'file' ? path.join(storageUri.fsPath, 'scan-cache') : undefined;
    const watcher = vscode.workspace.createFileSystemWatcher('**/privacy-catalog.json');
    const invalidate = (uri?: vscode.Uri) => {
      if (uri) log().info(`catalog changed: ${uri.fsPath}`);
      this.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.isCatalog(document.uri)) invalidate(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Settings an index is built from rebuild it (and index the folder again); the others are
        // read at each validation, so open files are only analysed again.
        if (ANALYZER_SETTINGS.some((name) => event.affectsConfiguration(`privacyReview.${name}`))) invalidate();
        else if (event.affectsConfiguration('privacyReview')) this.changed.fire();
      }),
      this.diagnostics,
      this.changed,
    );
  }

  isCatalog(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return Boolean(folder && this.catalogUriFor(folder).fsPath === uri.fsPath);
  }

  catalogUriFor(folder: vscode.WorkspaceFolder): vscode.Uri {
    const configured = readSettings(folder.uri).catalogPath;
    return path.isAbsolute(configured) ? vscode.Uri.file(configured) : vscode.Uri.joinPath(folder.uri, configured);
  }

  /** The analyzer for a document's folder (or a catalog-less one for files outside any folder). */
  forDocument(uri: vscode.Uri): Promise<FolderAnalyzer> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let built = this.cache.get(key);
    if (!built) {
      // Cached as a promise: validations that start together share one index (and one indexing).
      built = this.build(folder, uri);
      this.cache.set(key, built);
      built.catch(() => {
        if (this.cache.get(key) === built) this.cache.delete(key);
      });
    }
    return built;
  }

  /** The analysis worker every folder's index lives in (started again after it stopped for good). */
  analysisWorker(): AnalysisWorker {
    if (!this.worker || this.worker.isStopped) {
      this.worker?.dispose();
      this.worker = new AnalysisWorker({
        onFailure: (what, error) => reportFailure(what, error),
        onRestart: () => {
          log().info('the analysis worker was restarted; its indexes were given their files again');
          this.changed.fire();
        },
      });
    }
    return this.worker;
  }

  private async build(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): Promise<FolderAnalyzer> {
    const settings = readSettings(folder?.uri ?? uri);
    const catalogUri = folder ? this.catalogUriFor(folder) : undefined;
    const loaded = catalogUri ? await this.loadCatalog(catalogUri) : undefined;
    const indexSettings: IndexSettings = {
      ...(loaded && catalogUri ? { catalog: { path: catalogUri.fsPath, text: loaded.text } } : {}),
      sanitizers: settings.sanitizers,
      loggerNames: settings.loggerNames,
      ...(folder ? { pathMapping: await this.pathMapping(folder) } : { standalone: true }),
    };
    const index = this.analysisWorker().createIndex(folder?.name ?? 'outside folders', indexSettings);
    return {
      index,
      folder,
      indexed: folder ? this.indexFolder(folder, index, settings.maxFileSize) : Promise.resolve(),
      catalog: loaded?.catalog,
      catalogUri,
    };
  }

  /** Drops every folder's analyzer (its index in the worker too): they are built again on demand. */
  private clear(): void {
    const built = [...this.cache.values()];
    this.cache.clear();
    for (const analyzer of built) void analyzer.then((folderAnalyzer) => folderAnalyzer.index.dispose(), () => undefined);
  }

  /** Reads the folder's sources (without blocking) and posts them to its index in small batches. */
  private async indexFolder(folder: vscode.WorkspaceFolder, index: IndexClient, maxFileSize: number): Promise<void> {
    const started = performance.now();
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SOURCE_GLOB), new vscode.RelativePattern(folder, EXCLUDED_GLOB), MAX_INDEXED_FILES);
    const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    try {
      for (let start = 0; start < uris.length; start += INDEX_BATCH) {
        const batch: [string, string][] = [];
        await Promise.all(
          uris.slice(start, start + INDEX_BATCH).map(async (uri) => {
            const relative = relativeInFolder(folder, uri);
            if (index.hasFile(relative)) return; // an open editor got there first, with newer text
            try {
              const text = open.get(uri.toString())?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
              if (text.length <= maxFileSize) batch.push([relative, text]);
            } catch (error) {
              log().warn(`not indexed: ${uri.fsPath} (${error instanceof Error ? error.message : String(error)})`);
            }
          }),
        );
        // Only files the index does not have yet: an editor's newer text always wins.
        if (batch.length) await index.setFiles(batch, true);
      }
    } catch (error) {
      log().warn(`indexing ${folder.name} stopped: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    log().info(`indexed ${index.fileCount} files of ${folder.name} in ${Math.round(performance.now() - started)} ms`);
    if (uris.length) this.changed.fire();
  }

  private async pathMapping(folder: vscode.WorkspaceFolder): Promise<PathMapping> {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name)));
        return pathMappingFromText(text);
      } catch {
        // no such file: try the next
      }
    }
    return {};
  }

  private async loadCatalog(uri: vscode.Uri): Promise<{ catalog: LoadedCatalog; text: string } | undefined> {
    let text: string;
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.diagnostics.delete(uri);
      return undefined; // no catalog: built-in categories only
    }
    try {
      const catalog = loadCatalogText(text, uri.fsPath);
      this.diagnostics.set(uri, []);
      return { catalog, text };
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      this.diagnostics.set(
        uri,
        error.problems.map((problem) => {
          const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
          const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), `${problem.path ? `${problem.path}: ` : ''}${problem.message}`, vscode.DiagnosticSeverity.Error);
          diagnostic.source = 'Privacy Review';
          return diagnostic;
        }),
      );
      log().warn(`catalog ${uri.fsPath} has ${error.problems.length} problem(s); analysing with built-in categories only`);
      return undefined;
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.cache.clear();
    this.worker?.dispose();
  }
}

/** A file's path inside its workspace folder, with forward slashes: the workspace index's key. */
export function relativeInFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
}
