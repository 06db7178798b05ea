// One analyzer per workspace folder, built from that folder's catalog and settings. Catalog
// problems become diagnostics in the catalog file; a changed catalog rebuilds the analyzer.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAnalyzer, WorkspaceIndex, type Analyzer } from '../core';
import type { PathMapping } from '../core/workspace/resolve';
import { pathMappingFromText } from '../scan/tsconfigPaths';
import { CatalogError, loadCatalogText, type LoadedCatalog } from '../scan/catalogFile';
import { log } from './log';
import { readSettings } from './settings';

export interface FolderAnalyzer {
  /** For files outside any workspace folder: one file on its own. */
  analyzer: Analyzer;
  /** The folder's workspace index: cross-file types and summaries, kept up to date by the validator. */
  index: WorkspaceIndex | undefined;
  folder: vscode.WorkspaceFolder | undefined;
  /** Resolves when the folder's files have been read into the index. */
  indexed: Promise<void>;
  catalog: LoadedCatalog | undefined;
  catalogUri: vscode.Uri | undefined;
}

/** How many files the editor indexes per folder; a larger tree is indexed as far as this. */
const MAX_INDEXED_FILES = 20_000;
const INDEX_BATCH = 50;
const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const EXCLUDED_GLOB = '{**/node_modules/**,**/dist/**,**/build/**,**/out/**,**/coverage/**,**/.git/**,**/*.d.ts,**/*.min.js}';

export class Catalogs implements vscode.Disposable {
  private readonly cache = new Map<string, FolderAnalyzer>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('privacy-review-catalog');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a catalog (or a setting that shapes the analyzer) changed: open files need re-analysis. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/privacy-catalog.json');
    const invalidate = (uri?: vscode.Uri) => {
      if (uri) log().info(`catalog changed: ${uri.fsPath}`);
      this.cache.clear();
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
        if (event.affectsConfiguration('privacyReview')) invalidate();
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
  async forDocument(uri: vscode.Uri): Promise<FolderAnalyzer> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    const cached = this.cache.get(key);
    if (cached) return cached;
    const settings = readSettings(folder?.uri ?? uri);
    const catalogUri = folder ? this.catalogUriFor(folder) : undefined;
    const catalog = catalogUri ? await this.loadCatalog(catalogUri) : undefined;
    const options = { catalog: catalog?.engine, sanitizers: settings.sanitizers, loggerNames: settings.loggerNames };
    const index = folder ? new WorkspaceIndex({ ...options, pathMapping: await this.pathMapping(folder) }) : undefined;
    const built: FolderAnalyzer = {
      analyzer: createAnalyzer(options),
      index,
      folder,
      indexed: folder && index ? this.indexFolder(folder, index, settings.maxFileSize) : Promise.resolve(),
      catalog,
      catalogUri,
    };
    this.cache.set(key, built);
    return built;
  }

  /** Reads the folder's sources into the index in small batches, yielding between them. */
  private async indexFolder(folder: vscode.WorkspaceFolder, index: WorkspaceIndex, maxFileSize: number): Promise<void> {
    const started = performance.now();
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SOURCE_GLOB), new vscode.RelativePattern(folder, EXCLUDED_GLOB), MAX_INDEXED_FILES);
    const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    for (let start = 0; start < uris.length; start += INDEX_BATCH) {
      await Promise.all(
        uris.slice(start, start + INDEX_BATCH).map(async (uri) => {
          const relative = relativeInFolder(folder, uri);
          if (index.hasFile(relative)) return; // an open editor got there first, with newer text
          try {
            const text = open.get(uri.toString())?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            if (text.length <= maxFileSize && !index.hasFile(relative)) index.setFile(relative, text);
          } catch (error) {
            log().warn(`not indexed: ${uri.fsPath} (${error instanceof Error ? error.message : String(error)})`);
          }
        }),
      );
      await new Promise((resolve) => setImmediate(resolve));
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

  private async loadCatalog(uri: vscode.Uri): Promise<LoadedCatalog | undefined> {
    let text: string;
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.diagnostics.delete(uri);
      return undefined; // no catalog: built-in categories only
    }
    try {
      const loaded = loadCatalogText(text, uri.fsPath);
      this.diagnostics.set(uri, []);
      return loaded;
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
  }
}

/** A file's path inside its workspace folder, with forward slashes: the workspace index's key. */
export function relativeInFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
}
