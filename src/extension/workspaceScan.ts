// The workspace scan inside the extension host: the CLI's discovery and reading, each folder's own
// analyzer (catalog and settings), analysed in time slices that yield to the event loop, so the
// host stays responsive while it runs, and stoppable between any two files.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult, Finding } from '../core';
import { discoverFiles } from '../scan/discover';
import { readSource } from '../scan/readSource';
import type { Catalogs } from './catalogs';
import { log } from './log';
import { readSettings } from './settings';

export interface ScannedFile {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  /** Relative to the folder, forward slashes. */
  relativePath: string;
  findings: Finding[];
  dataFlows: AnalysisResult['dataFlows'];
}

export interface FolderScan {
  folder: vscode.WorkspaceFolder;
  filesScanned: number;
  skipped: { file: string; reason: string }[];
}

export interface WorkspaceScan {
  files: ScannedFile[];
  folders: FolderScan[];
  filesTotal: number;
  filesScanned: number;
  cancelled: boolean;
  durationMs: number;
  /** How many times the scan gave the event loop back. */
  yields: number;
}

export interface WorkspaceScanOptions {
  token?: vscode.CancellationToken;
  /** Called after every file. */
  onProgress?: (done: number, total: number) => void;
  /** Longest stretch of analysis before yielding, in ms. */
  sliceMs?: number;
}

const DEFAULT_SLICE_MS = 25;

/** Findings the user turned off in settings (the engine already drops what the catalog turns off). */
export function withoutDisabled(findings: readonly Finding[], resource: vscode.Uri): Finding[] {
  const severity = readSettings(resource).severity;
  return findings.filter((finding) => severity[finding.ruleId] !== 'off');
}

export async function scanWorkspaceFolders(folders: readonly vscode.WorkspaceFolder[], catalogs: Catalogs, options: WorkspaceScanOptions = {}): Promise<WorkspaceScan> {
  const started = performance.now();
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const scan: WorkspaceScan = { files: [], folders: [], filesTotal: 0, filesScanned: 0, cancelled: false, durationMs: 0, yields: 0 };
  const openDocuments = new Map(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => [document.uri.toString(), document]));

  // Discover everything first, so progress can say "n of total".
  const work: { folder: vscode.WorkspaceFolder; folderScan: FolderScan; relativePath: string; uri: vscode.Uri }[] = [];
  for (const folder of folders) {
    const settings = readSettings(folder.uri);
    if (!settings.enable || folder.uri.scheme !== 'file') continue;
    const { catalog } = await catalogs.forDocument(folder.uri);
    const discovered = discoverFiles(folder.uri.fsPath, { include: settings.include, exclude: [...settings.exclude, ...(catalog?.file.ignore ?? [])] });
    const folderScan: FolderScan = { folder, filesScanned: 0, skipped: [...discovered.skipped] };
    scan.folders.push(folderScan);
    for (const relativePath of discovered.files) {
      const uri = vscode.Uri.joinPath(folder.uri, relativePath);
      // Nested folders: a file belongs to its innermost folder only.
      if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() !== folder.uri.toString()) continue;
      work.push({ folder, folderScan, relativePath, uri });
    }
  }
  scan.filesTotal = work.length;
  options.onProgress?.(0, work.length);

  let sliceStarted = performance.now();
  for (const [index, item] of work.entries()) {
    if (options.token?.isCancellationRequested) {
      scan.cancelled = true;
      break;
    }
    const outcome = await analyzeOne(item.folder, item.relativePath, item.uri, catalogs, openDocuments.get(item.uri.toString())?.getText());
    if ('reason' in outcome) item.folderScan.skipped.push({ file: item.relativePath, reason: outcome.reason });
    else {
      item.folderScan.filesScanned++;
      scan.filesScanned++;
      scan.files.push(outcome);
    }
    options.onProgress?.(index + 1, work.length);
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      scan.yields++;
      sliceStarted = performance.now();
    }
  }
  scan.durationMs = performance.now() - started;
  const skipped = scan.folders.reduce((sum, folder) => sum + folder.skipped.length, 0);
  log().info(
    `scan ${scan.cancelled ? 'cancelled' : 'done'}: ${scan.filesScanned} of ${scan.filesTotal} files in ${Math.round(scan.durationMs)} ms (${scan.yields} yields), ${skipped} skipped`,
  );
  for (const folder of scan.folders) for (const { file, reason } of folder.skipped) log().debug(`skipped ${path.join(folder.folder.uri.fsPath, file)}: ${reason}`);
  return scan;
}

/** One file as it is on disk (or `text`), through its folder's analyzer; or why it was skipped. */
export async function analyzeOne(folder: vscode.WorkspaceFolder, relativePath: string, uri: vscode.Uri, catalogs: Catalogs, text?: string): Promise<ScannedFile | { reason: string }> {
  const engine = await catalogs.forDocument(folder.uri);
  const read = text !== undefined ? ({ ok: true, text } as const) : readSource(uri.fsPath, readSettings(folder.uri).maxFileSize);
  if (!read.ok) return { reason: read.reason };
  try {
    // The same engine as the live validator (the folder's index when it has one), so a file's
    // findings do not change when it is opened.
    let analysis: AnalysisResult;
    if (engine.index) {
      await engine.indexed;
      engine.index.setFile(relativePath, read.text);
      analysis = engine.index.analyze(relativePath);
    } else {
      analysis = engine.analyzer.analyze(read.text, uri.fsPath);
    }
    if (analysis.parseError) return { reason: `does not parse: ${analysis.parseError.message}` };
    return { uri, folder, relativePath, findings: withoutDisabled(analysis.findings, uri), dataFlows: analysis.dataFlows };
  } catch (error) {
    // An engine bug on one file must not lose the rest of the scan.
    return { reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
