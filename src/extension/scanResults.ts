// What the last workspace scan found, kept current by the live validator for files being edited,
// and the "changed only" filter. The tree, the status bar, the Problems entries for closed files
// and the data map all read this one model.
import * as vscode from 'vscode';
import type { Finding } from '../core';
import type { ChangedLines } from './gitChanges';
import type { FolderScan, ScannedFile, WorkspaceScan } from './workspaceScan';

export interface ScannedFinding {
  file: ScannedFile;
  finding: Finding;
}

export interface ChangeFilter {
  /** The ref compared with, e.g. `main`, or `HEAD` for uncommitted changes. */
  ref: string;
  /** Folder uri → changed lines of its files. Folders that are not compared show nothing. */
  folders: Map<string, ChangedLines>;
}

export type ResultsChange = 'scan' | 'file' | 'filter';

export class ScanResults implements vscode.Disposable {
  private readonly files = new Map<string, ScannedFile>();
  private folderScans: FolderScan[] = [];
  private filter: ChangeFilter | undefined;
  private onlyChanged = false;
  private scanned = false;
  private readonly changed = new vscode.EventEmitter<ResultsChange>();
  readonly onDidChange = this.changed.event;

  get hasScanned(): boolean {
    return this.scanned;
  }
  get changedOnly(): boolean {
    return this.onlyChanged && this.filter !== undefined;
  }
  get changeFilter(): ChangeFilter | undefined {
    return this.filter;
  }
  get folders(): readonly FolderScan[] {
    return this.folderScans;
  }

  /** New scan results, with the change filter that goes with them (one refresh for both). */
  replace(scan: WorkspaceScan, changes?: { filter: ChangeFilter | undefined; onlyChanged: boolean }): void {
    this.files.clear();
    for (const file of scan.files) this.files.set(file.uri.toString(), file);
    this.folderScans = scan.folders;
    this.scanned = true;
    if (changes) {
      this.filter = changes.filter;
      this.onlyChanged = changes.onlyChanged && changes.filter !== undefined;
    }
    this.changed.fire('scan');
  }

  /** A fresh analysis of one file (the live validator's): only files of scanned folders are tracked. */
  updateFile(file: ScannedFile): void {
    if (!this.scanned || !this.folderScans.some((scan) => scan.folder.uri.toString() === file.folder.uri.toString())) return;
    const previous = this.files.get(file.uri.toString());
    if (previous && sameFindings(previous.findings, file.findings)) {
      previous.dataFlows = file.dataFlows;
      return;
    }
    this.files.set(file.uri.toString(), file);
    this.changed.fire('file');
  }

  removeFile(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.changed.fire('file');
  }

  fileFor(uri: vscode.Uri): ScannedFile | undefined {
    return this.files.get(uri.toString());
  }

  setChangeFilter(filter: ChangeFilter | undefined, onlyChanged: boolean): void {
    this.filter = filter;
    this.onlyChanged = onlyChanged && filter !== undefined;
    this.changed.fire('filter');
  }

  setChangedOnly(onlyChanged: boolean): void {
    if (this.onlyChanged === onlyChanged) return;
    this.onlyChanged = onlyChanged;
    this.changed.fire('filter');
  }

  /** Every file scanned, in a stable order (folder, then path). */
  allFiles(): ScannedFile[] {
    const folderOrder = new Map(this.folderScans.map((scan, index) => [scan.folder.uri.toString(), index]));
    return [...this.files.values()].sort(
      (a, b) => (folderOrder.get(a.folder.uri.toString()) ?? 0) - (folderOrder.get(b.folder.uri.toString()) ?? 0) || a.relativePath.localeCompare(b.relativePath),
    );
  }

  /** Findings after the "changed only" filter, in file and line order. */
  visible(): ScannedFinding[] {
    const shown: ScannedFinding[] = [];
    for (const file of this.allFiles()) {
      for (const finding of file.findings) if (!this.changedOnly || this.isChanged(file, finding.span.start.line, finding.span.end.line)) shown.push({ file, finding });
    }
    return shown;
  }

  get total(): number {
    let count = 0;
    for (const file of this.files.values()) count += file.findings.length;
    return count;
  }

  /** Whether any line from `firstLine` to `lastLine` (1-based) changed; true when no filter applies. */
  isChanged(file: ScannedFile, firstLine: number, lastLine = firstLine): boolean {
    if (!this.changedOnly || !this.filter) return true;
    const lines = this.filter.folders.get(file.folder.uri.toString())?.get(file.relativePath);
    if (!lines) return false;
    if (lines === 'all') return true;
    for (let line = firstLine; line <= lastLine; line++) if (lines.has(line)) return true;
    return false;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  const key = (finding: Finding) => `${finding.ruleId}|${finding.span.start.line}:${finding.span.start.column}-${finding.span.end.line}:${finding.span.end.column}|${finding.message}|${finding.severity}`;
  return a.every((finding, index) => key(finding) === key(b[index]));
}
