// Finding → vscode.Diagnostic: one line of range, rule id linked to its docs, the flow as related information.
import * as vscode from 'vscode';
import { ruleDocsUrl, type Finding, type Severity } from '../core/findings';
import type { Settings } from './settings';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'Privacy Review';

export function toDiagnostics(findings: readonly Finding[], uri: vscode.Uri, document: vscode.TextDocument | undefined, settings: Settings): vscode.Diagnostic[] {
  const diagnostics: vscode.Diagnostic[] = [];
  for (const finding of findings) {
    const severity = settings.severity[finding.ruleId] ?? finding.severity;
    if (severity === 'off') continue;
    const diagnostic = new vscode.Diagnostic(rangeOf(finding, document), finding.message, SEVERITY[severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, spanRange(related.span)), related.message),
    );
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** A single line, so the squiggle stays on the sink call's first line (and Error Lens shows it there). */
function rangeOf(finding: Finding, document: vscode.TextDocument | undefined): vscode.Range {
  const line = finding.span.start.line - 1;
  const start = new vscode.Position(line, finding.span.start.column);
  if (finding.span.end.line === finding.span.start.line) return new vscode.Range(start, new vscode.Position(line, finding.span.end.column));
  const endColumn = document && line < document.lineCount ? document.lineAt(line).range.end.character : finding.span.start.column + 1;
  return new vscode.Range(start, new vscode.Position(line, Math.max(endColumn, finding.span.start.column + 1)));
}

export function spanRange(span: Finding['span']): vscode.Range {
  return new vscode.Range(span.start.line - 1, span.start.column, span.end.line - 1, span.end.column);
}
