// One analyzer per workspace folder, built from that folder's catalog and settings. Catalog
// problems become diagnostics in the catalog file; a changed catalog rebuilds the analyzer.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAnalyzer, type Analyzer } from '../core';
import { CatalogError, loadCatalogText, type LoadedCatalog } from '../scan/catalogFile';
import { log } from './log';
import { readSettings } from './settings';

export interface FolderAnalyzer {
  analyzer: Analyzer;
  catalog: LoadedCatalog | undefined;
  catalogUri: vscode.Uri | undefined;
}

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
    const built: FolderAnalyzer = {
      analyzer: createAnalyzer({ catalog: catalog?.engine, sanitizers: settings.sanitizers, loggerNames: settings.loggerNames }),
      catalog,
      catalogUri,
    };
    this.cache.set(key, built);
    return built;
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
