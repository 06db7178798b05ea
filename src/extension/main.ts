// Activation: wires the engine to VS Code. Returns a small API that tests wait on.
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { AnalysisWorker } from '../editorWorker/client';
import { Catalogs } from './catalogs';
import { PrivacyCodeActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { PrivacyHoverProvider } from './hover';
import { guarded, log, onDidReportFailure, type FailureReport } from './log';
import { readSettings } from './settings';
import { StatusItem } from './status';
import { Validator, type Validation } from './validator';
import { registerWorkspaceReview, type WorkspaceReviewApi } from './workspaceReview';

export interface PrivacyReviewApi extends WorkspaceReviewApi {
  /** Analyses a document now (no debounce) and returns its findings. */
  analyze(document: vscode.TextDocument): Promise<Finding[]>;
  lastResult(document: vscode.TextDocument): Validation | undefined;
  onDidValidate: vscode.Event<Validation>;
  /** Each engine failure, and the notification shown for it (at most one per interval). */
  onDidReportFailure: vscode.Event<FailureReport>;
  /** The worker thread every folder's index lives in (src/editorWorker), for tests and diagnostics. */
  analysisWorker(): AnalysisWorker;
}

const SELECTOR: vscode.DocumentSelector = [
  { language: 'typescript' },
  { language: 'typescriptreact' },
  { language: 'javascript' },
  { language: 'javascriptreact' },
];

export function activate(context: vscode.ExtensionContext): PrivacyReviewApi {
  const diagnostics = vscode.languages.createDiagnosticCollection('privacy-review');
  const catalogs = new Catalogs(context.storageUri);
  const validator = new Validator(catalogs, diagnostics);
  const status = new StatusItem();
  const revalidateOpen = () => {
    for (const document of vscode.workspace.textDocuments) validator.schedule(document, 0);
  };
  context.subscriptions.push(
    diagnostics,
    catalogs,
    validator,
    status,
    log(),
    vscode.languages.registerHoverProvider(SELECTOR, new PrivacyHoverProvider(validator)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new PrivacyCodeActionProvider(validator), PrivacyCodeActionProvider.metadata),
    ...registerCommands(catalogs),
    vscode.commands.registerCommand('privacyReview.revalidate', revalidateOpen),
    validator.onDidValidate((validation) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === validation.uri.toString()) status.update(validation);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => validator.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      if (catalogs.isCatalog(event.document.uri)) return;
      if (readSettings(event.document.uri).run === 'onType') validator.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => validator.schedule(document, 0)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      validator.forget(document);
      diagnostics.delete(document.uri);
    }),
    catalogs.onDidChange(revalidateOpen),
  );
  const review = registerWorkspaceReview(context, catalogs, validator);
  guarded('initial validation', revalidateOpen, undefined);
  log().info('Privacy Review activated');
  return {
    ...review,
    analyze: async (document) => (await validator.validate(document))?.result.findings ?? [],
    lastResult: (document) => validator.resultFor(document),
    onDidValidate: validator.onDidValidate,
    onDidReportFailure,
    analysisWorker: () => catalogs.analysisWorker(),
  };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
