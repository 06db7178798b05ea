// The reviewer's side of the extension, wired together: workspace scan and "changes since", the
// Personal Data view, the status bar total, the data map. Returns what tests drive it through.
import * as vscode from 'vscode';
import type { Catalogs } from './catalogs';
import { COMMAND_OPEN_DATA_MAP, DataMapPanel } from './dataMapPanel';
import { registerFindingActions } from './findingActions';
import { FindingsTree } from './findingsTree';
import { COMMAND_SCAN_CHANGES, COMMAND_SHOW_ALL, COMMAND_SHOW_CHANGED, WorkspaceScanner, type ScanRequest, type ScanSummary } from './scanCommand';
import { ScanResults } from './scanResults';
import { COMMAND_SCAN_WORKSPACE, ScanStatusBar } from './statusBar';
import type { Validator } from './validator';

export type { ScanSummary, ScanRequest } from './scanCommand';

export interface WorkspaceReviewApi {
  /** Runs "Scan Workspace" (with its progress notification); resolves when the view shows the result. */
  scanWorkspace(request?: ScanRequest): Promise<ScanSummary>;
  /** "Scan Changes Since…" with the ref given instead of picked. */
  scanChangesSince(ref: string, request?: ScanRequest): Promise<ScanSummary | undefined>;
  /** The "changed only" toggle; resolves with the error shown, if any. */
  setChangedOnly(onlyChanged: boolean): Promise<string | undefined>;
  findingsTree: FindingsTree;
  statusBarText(): string;
  /** The Problems entries the scan made for files that are not open. */
  scanDiagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  dataMap: Pick<DataMapPanel, 'show' | 'receive'>;
}

export function registerWorkspaceReview(context: vscode.ExtensionContext, catalogs: Catalogs, validator: Validator): WorkspaceReviewApi {
  const results = new ScanResults();
  const statusBar = new ScanStatusBar(results);
  const tree = new FindingsTree(results);
  const scanner = new WorkspaceScanner(catalogs, validator, results, statusBar);
  const dataMap = new DataMapPanel(context.extensionUri, results, catalogs, () => scanner.scanWorkspace());
  context.subscriptions.push(
    results,
    statusBar,
    tree,
    scanner,
    dataMap,
    vscode.commands.registerCommand(COMMAND_SCAN_WORKSPACE, () => scanner.scanWorkspace()),
    vscode.commands.registerCommand(COMMAND_SCAN_CHANGES, (ref?: unknown) => scanner.scanChangesSince(typeof ref === 'string' ? ref : undefined)),
    vscode.commands.registerCommand(COMMAND_SHOW_CHANGED, () => scanner.setChangedOnly(true)),
    vscode.commands.registerCommand(COMMAND_SHOW_ALL, () => scanner.setChangedOnly(false)),
    vscode.commands.registerCommand(COMMAND_OPEN_DATA_MAP, () => dataMap.show()),
    ...registerFindingActions(() => (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
  );
  return {
    scanWorkspace: (request) => scanner.scanWorkspace(request),
    scanChangesSince: (ref, request) => scanner.scanChangesSince(ref, request),
    setChangedOnly: (onlyChanged) => scanner.setChangedOnly(onlyChanged),
    findingsTree: tree,
    statusBarText: () => statusBar.text,
    scanDiagnostics: (uri) => scanner.diagnostics.get(uri) ?? [],
    dataMap,
  };
}
