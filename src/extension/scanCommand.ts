// "Scan Workspace" and "Scan Changes Since…": a cancellable progress notification over the
// time-sliced scan; results go to the shared model and, for files that are not open, to their own
// diagnostic collection (the live validator owns open files).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Catalogs } from './catalogs';
import { toDiagnostics } from './diagnostics';
import { changedLinesSince, GitError, isGitRepository, listBranches } from './gitChanges';
import { log } from './log';
import type { ChangeFilter, ScanResults } from './scanResults';
import { readSettings } from './settings';
import type { ScanStatusBar } from './statusBar';
import type { Validation, Validator } from './validator';
import { analyzeOne, scanWorkspaceFolders, withoutDisabled, type WorkspaceScan } from './workspaceScan';

export const COMMAND_SCAN_CHANGES = 'privacyReview.scanChangesSince';
export const COMMAND_SHOW_CHANGED = 'privacyReview.showChangedOnly';
export const COMMAND_SHOW_ALL = 'privacyReview.showAllFindings';

export interface ScanSummary {
  filesScanned: number;
  filesTotal: number;
  /** Findings in the workspace after this scan (the previous ones when cancelled). */
  findings: number;
  /** Findings the view shows (after "changed only"). */
  shown: number;
  skipped: number;
  cancelled: boolean;
  durationMs: number;
  yields: number;
  ref?: string;
  /** Set when nothing was scanned: not a git repository, unknown ref, no folder. */
  error?: string;
}

export interface ScanRequest {
  token?: vscode.CancellationToken;
  onProgress?: (done: number, total: number) => void;
  sliceMs?: number;
}

const PROGRESS_REPORT_MS = 100;

export class WorkspaceScanner implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('privacy-review-scan');
  private running: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly catalogs: Catalogs,
    validator: Validator,
    private readonly results: ScanResults,
    private readonly statusBar: ScanStatusBar,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', true, true, false);
    this.disposables.push(
      this.diagnostics,
      watcher,
      watcher.onDidDelete((uri) => {
        this.diagnostics.delete(uri);
        this.results.removeFile(uri);
      }),
      // An open file is the live validator's: its findings replace the scan's.
      vscode.workspace.onDidOpenTextDocument((document) => this.diagnostics.delete(document.uri)),
      validator.onDidValidate((validation) => this.takeLiveResult(validation)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.rescanClosed(document.uri)),
    );
  }

  async scanWorkspace(request: ScanRequest = {}): Promise<ScanSummary> {
    // While "changed only" is on, a scan keeps comparing with the same ref and reads the diff again
    // (the toggle reads it again when it is turned back on).
    const previous = this.results.changeFilter;
    if (previous && this.results.changedOnly) {
      const changes = await this.readChanges(previous.ref);
      if (changes.error) void vscode.window.showWarningMessage(`Privacy Review: cannot compare with ${previous.ref} any more (${changes.error}); showing all findings.`);
      return this.run(request, { filter: changes.filter, onlyChanged: Boolean(changes.filter) });
    }
    return this.run(request);
  }

  /** Picks a branch (unless `ref` is given), then scans and shows only findings on lines changed since it. */
  async scanChangesSince(ref?: string, request: ScanRequest = {}): Promise<ScanSummary | undefined> {
    if (ref === undefined) {
      ref = await this.pickBranch();
      if (ref === undefined) return undefined;
    }
    const changes = await this.readChanges(ref);
    if (!changes.filter) return this.fail(`Privacy Review: cannot scan changes since ${ref}: ${changes.error}`, ref);
    return this.run(request, { filter: changes.filter, onlyChanged: true });
  }

  /** The "changed only" toggle: compares with the last ref, or with HEAD (uncommitted changes). */
  async setChangedOnly(onlyChanged: boolean): Promise<string | undefined> {
    if (!onlyChanged) {
      this.results.setChangedOnly(false);
      return undefined;
    }
    const ref = this.results.changeFilter?.ref ?? 'HEAD';
    const changes = await this.readChanges(ref);
    if (!changes.filter) {
      const message = `Privacy Review: cannot show changed lines only: ${changes.error}`;
      void vscode.window.showErrorMessage(message);
      return message;
    }
    this.results.setChangeFilter(changes.filter, true);
    return undefined;
  }

  private async run(request: ScanRequest, changes?: { filter: ChangeFilter | undefined; onlyChanged: boolean }): Promise<ScanSummary> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) return this.fail('Privacy Review: open a folder to scan.');
    this.running?.cancel(); // the newer request wins
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    const external = request.token?.onCancellationRequested(() => source.cancel());
    try {
      const scan = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Privacy Review: scanning', cancellable: true },
        async (progress, token) => {
          const subscription = token.onCancellationRequested(() => source.cancel());
          let reported = 0;
          let reportedAt = 0;
          try {
            return await scanWorkspaceFolders(folders, this.catalogs, {
              token: source.token,
              sliceMs: request.sliceMs,
              onProgress: (done, total) => {
                request.onProgress?.(done, total);
                const now = performance.now();
                if (done !== total && now - reportedAt < PROGRESS_REPORT_MS) return;
                reportedAt = now;
                if (this.running === source) this.statusBar.progress(done, total);
                progress.report({ message: `${done} of ${total} files`, increment: total ? ((done - reported) / total) * 100 : 100 });
                reported = done;
              },
            });
          } finally {
            subscription.dispose();
          }
        },
      );
      // A cancelled scan leaves the previous results in place: a partial count would mislead.
      if (!scan.cancelled) {
        this.results.replace(scan, changes);
        this.publish();
      }
      return this.summary(scan, changes?.filter?.ref);
    } finally {
      external?.dispose();
      if (this.running === source) {
        this.running = undefined;
        this.statusBar.finished();
      }
      source.dispose();
    }
  }

  private summary(scan: WorkspaceScan, ref: string | undefined): ScanSummary {
    return {
      filesScanned: scan.filesScanned,
      filesTotal: scan.filesTotal,
      findings: this.results.total,
      shown: this.results.visible().length,
      skipped: scan.folders.reduce((sum, folder) => sum + folder.skipped.length, 0),
      cancelled: scan.cancelled,
      durationMs: scan.durationMs,
      yields: scan.yields,
      ref,
    };
  }

  private fail(message: string, ref?: string): ScanSummary {
    void vscode.window.showErrorMessage(message);
    return { filesScanned: 0, filesTotal: 0, findings: this.results.total, shown: this.results.visible().length, skipped: 0, cancelled: false, durationMs: 0, yields: 0, ref, error: message };
  }

  /** Problems entries for every scanned file that is not open. */
  private publish(): void {
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    this.diagnostics.clear();
    for (const file of this.results.allFiles()) {
      if (open.has(file.uri.toString()) || !file.findings.length) continue;
      this.diagnostics.set(file.uri, toDiagnostics(file.findings, file.uri, undefined, readSettings(file.uri)));
    }
  }

  private takeLiveResult(validation: Validation): void {
    this.diagnostics.delete(validation.uri);
    const file = this.results.fileFor(validation.uri);
    if (!file || validation.result.parseError) return; // new files join at the next scan
    this.results.updateFile({ ...file, findings: withoutDisabled(validation.result.findings, validation.uri), dataFlows: validation.result.dataFlows });
  }

  /** A closed file may have lost unsaved edits: read it from disk again so the tree and Problems match the disk. */
  private async rescanClosed(uri: vscode.Uri): Promise<void> {
    const file = this.results.fileFor(uri);
    if (!file) return;
    const fresh = await analyzeOne(file.folder, file.relativePath, uri, this.catalogs);
    if ('reason' in fresh || vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    this.results.updateFile(fresh);
    if (fresh.findings.length) this.diagnostics.set(uri, toDiagnostics(fresh.findings, uri, undefined, readSettings(uri)));
  }

  private async readChanges(ref: string): Promise<{ filter?: ChangeFilter; error?: string }> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    const compared = new Map<string, Awaited<ReturnType<typeof changedLinesSince>>>();
    const problems: string[] = [];
    for (const folder of folders) {
      try {
        compared.set(folder.uri.toString(), await changedLinesSince(folder.uri.fsPath, ref));
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        problems.push(`"${folder.name}": ${error.message}`);
      }
    }
    if (!compared.size) return { error: problems.join('; ') || 'no folder to compare' };
    if (problems.length) void vscode.window.showWarningMessage(`Privacy Review: only folders that know ${ref} are compared (${problems.join('; ')}).`);
    log().info(`changed lines since ${ref}: ${[...compared.values()].reduce((sum, files) => sum + files.size, 0)} files`);
    return { filter: { ref, folders: compared } };
  }

  private async pickBranch(): Promise<string | undefined> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    let repository: vscode.WorkspaceFolder | undefined;
    try {
      for (const folder of folders) {
        if (await isGitRepository(folder.uri.fsPath)) {
          repository = folder;
          break;
        }
      }
    } catch (error) {
      this.fail(`Privacy Review: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!repository) {
      const names = folders.map((folder) => `"${folder.name}"`).join(', ') || 'The workspace';
      this.fail(`Privacy Review: ${names} ${folders.length > 1 ? 'are not git repositories' : 'is not a git repository'}, so there is no branch to compare with.`);
      return undefined;
    }
    const branches = await listBranches(repository.uri.fsPath);
    const items: vscode.QuickPickItem[] = [
      { label: 'HEAD', description: 'uncommitted changes only' },
      ...branches.map((branch) => ({ label: branch.name, description: branch.current ? 'current branch' : branch.remote ? 'remote' : undefined })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Privacy Review: Scan Changes Since…',
      placeHolder: `Show findings on lines changed since the merge base with… (${path.basename(repository.uri.fsPath)})`,
      matchOnDescription: true,
    });
    return picked?.label;
  }

  dispose(): void {
    this.running?.cancel();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
