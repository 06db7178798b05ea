// The workspace scan: the CLI's discovery, reading, pre-check and cache, each folder's own analyzer
// (catalog and settings). Everything runs in the analysis worker, on the same workspace index as
// the live validator (so opening a file after a scan finds it analysed, or analyses only it and
// what it imports); the cache lives in the extension's storage, so a scan after a reload analyses
// only what changed. This thread sends small batches, a couple ahead, and takes the results file
// by file, so progress is exact and a cancellation stops between any two files.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult, Finding } from '../core';
import type { ScanOutcome } from '../editorWorker/client';
import type { Catalogs, FolderAnalyzer } from './catalogs';
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
  /** How many times the scan gave the event loop back (it waits for the worker between batches). */
  yields: number;
}

export interface WorkspaceScanOptions {
  token?: vscode.CancellationToken;
  /** Called after every file. */
  onProgress?: (done: number, total: number) => void;
  /** Files per request to the worker (default 8): what a cancellation may still have the worker analyse. */
  batchSize?: number;
  /** @deprecated The scan no longer analyses on this thread; accepted and ignored. */
  sliceMs?: number;
}

const DEFAULT_BATCH = 8;
/** Batches posted ahead of the one whose results are being taken, so the worker never waits for this thread. */
const BATCHES_AHEAD = 2;

/** Findings the user turned off in settings (the engine already drops what the catalog turns off). */
export function withoutDisabled(findings: readonly Finding[], resource: vscode.Uri): Finding[] {
  const severity = readSettings(resource).severity;
  return findings.filter((finding) => severity[finding.ruleId] !== 'off');
}

export async function scanWorkspaceFolders(folders: readonly vscode.WorkspaceFolder[], catalogs: Catalogs, options: WorkspaceScanOptions = {}): Promise<WorkspaceScan> {
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const scan: WorkspaceScan = { files: [], folders: [], filesTotal: 0, filesScanned: 0, cancelled: false, durationMs: 0, yields: 0 };

  // Discover everything first (in the worker: a big tree's walk would hold this thread), so
  // progress can say "n of total".
  const work: { folder: vscode.WorkspaceFolder; folderScan: FolderScan; engine: FolderAnalyzer; files: string[] }[] = [];
  for (const folder of folders) {
    const settings = readSettings(folder.uri);
    if (!settings.enable || folder.uri.scheme !== 'file') continue;
    const engine = await catalogs.forDocument(folder.uri);
    const discovered = await catalogs.analysisWorker().discover(folder.uri.fsPath, settings.include, [...settings.exclude, ...(engine.catalog?.file.ignore ?? [])]);
    scan.yields++;
    const folderScan: FolderScan = { folder, filesScanned: 0, skipped: [...discovered.skipped] };
    scan.folders.push(folderScan);
    // Nested folders: a file belongs to its innermost folder only.
    const files = discovered.files.filter((relativePath) => vscode.workspace.getWorkspaceFolder(vscode.Uri.joinPath(folder.uri, relativePath))?.uri.toString() === folder.uri.toString());
    work.push({ folder, folderScan, engine, files });
    scan.filesTotal += files.length;
  }
  options.onProgress?.(0, scan.filesTotal);

  let done = 0;
  /** Takes one file's outcome; false once the scan is cancelled (nothing after that counts). */
  const take = (folder: vscode.WorkspaceFolder, folderScan: FolderScan, outcome: ScanOutcome): boolean => {
    if (options.token?.isCancellationRequested) {
      scan.cancelled = true;
      return false;
    }
    const scanned = toScannedFile(folder, outcome);
    if ('reason' in scanned) folderScan.skipped.push({ file: outcome.file, reason: scanned.reason });
    else {
      folderScan.filesScanned++;
      scan.filesScanned++;
      scan.files.push(scanned);
    }
    options.onProgress?.(++done, scan.filesTotal);
    return true;
  };
  outer: for (const { folder, folderScan, engine, files } of work) {
    // Cross-file results need the folder's other files in the index.
    await engine.indexed;
    const maxFileSize = readSettings(folder.uri).maxFileSize;
    let toAnalyse = files;
    let planned = false;
    try {
      // As the CLI: the text pre-check answers files that cannot hold a finding, the cache unchanged ones.
      const plan = await engine.index.plan(folder.uri.fsPath, files, { maxFileSize, cacheDirectory: catalogs.scanCacheDirectory });
      scan.yields++;
      planned = true;
      toAnalyse = plan.analyse;
      log().info(`scan plan for ${folder.name}: ${plan.stats.files} files, ${plan.stats.skippedByPrecheck} need no analysis (pre-check), ${plan.stats.fromCache} from the cache${plan.cacheDiscarded && plan.cacheDiscarded !== 'missing' ? ` (the earlier cache was ${plan.cacheDiscarded})` : ''}, ${plan.stats.analysed} to analyse`);
      for (const outcome of plan.outcomes) if (!take(folder, folderScan, outcome)) break outer;
    } catch (error) {
      log().warn(`scan plan for ${folder.name} failed (${error instanceof Error ? error.message : String(error)}); analysing every file`);
    }
    try {
      const batches: string[][] = [];
      for (let start = 0; start < toAnalyse.length; start += batchSize) batches.push(toAnalyse.slice(start, start + batchSize));
      const inFlight: Promise<ScanOutcome[]>[] = [];
      const post = (batch: string[]) =>
        engine.index.scan(folder.uri.fsPath, batch, { maxFileSize, planned }).then(
          (reply) => reply.outcomes,
          // The worker died twice on this batch, or stopped: its files are skipped with the reason, the scan goes on.
          (error: unknown) => batch.map((file) => ({ file, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` })),
        );
      let next = 0;
      while (next < batches.length && inFlight.length < BATCHES_AHEAD) inFlight.push(post(batches[next++]));
      while (inFlight.length) {
        if (options.token?.isCancellationRequested) {
          scan.cancelled = true;
          break outer;
        }
        const outcomes = await inFlight.shift()!;
        scan.yields++;
        if (next < batches.length && !options.token?.isCancellationRequested) inFlight.push(post(batches[next++]));
        for (const outcome of outcomes) if (!take(folder, folderScan, outcome)) break outer;
      }
    } finally {
      if (planned) void engine.index.scanDone().catch(() => undefined);
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

/** One file as it is on disk, through its folder's index (an editor's unsaved text does not count); or why it was skipped. */
export async function analyzeOne(folder: vscode.WorkspaceFolder, relativePath: string, _uri: vscode.Uri, catalogs: Catalogs): Promise<ScannedFile | { reason: string }> {
  const engine = await catalogs.forDocument(folder.uri);
  try {
    await engine.indexed;
    const reply = await engine.index.scan(folder.uri.fsPath, [relativePath], { maxFileSize: readSettings(folder.uri).maxFileSize, fromDisk: true });
    return toScannedFile(folder, reply.outcomes[0] ?? { file: relativePath, reason: 'not analysed' });
  } catch (error) {
    return { reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function toScannedFile(folder: vscode.WorkspaceFolder, outcome: ScanOutcome): ScannedFile | { reason: string } {
  if ('reason' in outcome) return { reason: outcome.reason };
  const { result } = outcome;
  if (result.parseError) return { reason: `does not parse: ${result.parseError.message}` };
  const uri = vscode.Uri.joinPath(folder.uri, outcome.file);
  return { uri, folder, relativePath: outcome.file, findings: withoutDisabled(result.findings, uri), dataFlows: result.dataFlows };
}
