// Quick fixes for a finding. Nothing edits code unless the user picks the action.
import * as vscode from 'vscode';
import { ruleDocsUrl, type Finding } from '../core/findings';
import { DIAGNOSTIC_SOURCE, spanRange } from './diagnostics';
import { insertTagEdit } from './edits';
import { readSettings } from './settings';
import type { Validator } from './validator';

export const COMMAND_DECLARE_RETENTION = 'privacyReview.declareRetention';
export const COMMAND_ADD_POLICY = 'privacyReview.addCatalogPolicy';
export const COMMAND_SUPPRESS = 'privacyReview.suppress';
export const COMMAND_WRAP = 'privacyReview.wrapInSanitizer';

export interface DeclareRetentionArgs {
  uri: string;
  anchor: { line: number; column: number };
  target: string;
  /** When absent, the user is asked. */
  retention?: string;
}
export interface AddPolicyArgs {
  uri: string;
  category: string;
  sink: string;
  retention?: string;
  reason?: string;
}
export interface SuppressArgs {
  uri: string;
  line: number;
  ruleId: string;
  reason?: string;
}

export class PrivacyCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly validator: Validator) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const validation = this.validator.resultFor(document);
    if (!validation) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = validation.result.findings.find(
        (candidate) => candidate.ruleId === ruleId && candidate.span.start.line - 1 === diagnostic.range.start.line && candidate.message === diagnostic.message,
      );
      if (finding) actions.push(...this.actionsFor(document, finding, diagnostic));
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const uri = document.uri.toString();
    const add = (title: string, build: (action: vscode.CodeAction) => void, preferred = false) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = preferred;
      build(action);
      actions.push(action);
    };
    const declaration = finding.source?.declaration;
    if (finding.sinkKind && finding.ruleId !== 'forbidden-sink') {
      if (declaration?.anchor) {
        const args: DeclareRetentionArgs = { uri, anchor: declaration.anchor, target: declaration.name };
        add(`Declare retention on ${declaration.name} (@retention)`, (action) => (action.command = { title: action.title, command: COMMAND_DECLARE_RETENTION, arguments: [args] }), true);
      }
      if (finding.functionAnchor) {
        const args: DeclareRetentionArgs = { uri, anchor: finding.functionAnchor.position, target: `function ${finding.functionAnchor.name}` };
        add(`Declare retention on function ${finding.functionAnchor.name} (@retention)`, (action) => (action.command = { title: action.title, command: COMMAND_DECLARE_RETENTION, arguments: [args] }));
      }
      if (finding.category) {
        const args: AddPolicyArgs = { uri, category: finding.category, sink: finding.sinkKind };
        add(`Add a catalog policy for ${finding.category} in ${finding.sinkKind} sinks`, (action) => (action.command = { title: action.title, command: COMMAND_ADD_POLICY, arguments: [args] }));
      }
    }
    if (finding.sinkKind && declaration?.anchor) {
      add(`Mark ${declaration.name} as not personal data (@pii none)`, (action) => (action.edit = insertTagEdit(document, declaration.anchor!, '@pii none')));
    }
    const sanitizer = readSettings(document.uri).quickFixSanitizer;
    if (sanitizer && finding.source && finding.sinkKind && contains(finding.span, finding.source.span)) {
      const range = spanRange(finding.source.span);
      add(`Wrap ${finding.source.text} in ${sanitizer.function}(…)`, (action) => (action.command = { title: action.title, command: COMMAND_WRAP, arguments: [{ uri, range: [range.start.line, range.start.character, range.end.line, range.end.character] }] }));
    }
    const suppress: SuppressArgs = { uri, line: finding.span.start.line, ruleId: finding.ruleId };
    add(`Suppress ${finding.ruleId} on this line (with a reason)`, (action) => (action.command = { title: action.title, command: COMMAND_SUPPRESS, arguments: [suppress] }));
    add(`Show documentation for ${finding.ruleId}`, (action) => (action.command = { title: action.title, command: 'vscode.open', arguments: [vscode.Uri.parse(ruleDocsUrl(finding.ruleId))] }));
    return actions;
  }
}

function contains(outer: Finding['span'], inner: Finding['span']): boolean {
  const before = (a: Finding['span']['start'], b: Finding['span']['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
