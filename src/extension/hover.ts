// "Why was this flagged?": category with its fideslang key, why the data is personal, the flow
// from source to sink, and the retention that was looked for. Reads the cached result only.
import * as vscode from 'vscode';
import { categoryInfo } from '../core/categories';
import { RULES, ruleDocsUrl, type Finding } from '../core/findings';
import type { ClassificationReason } from '../core/types';
import type { Validator } from './validator';

export class PrivacyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly validator: Validator) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const validation = this.validator.resultFor(document);
    if (!validation) return undefined;
    const line = position.line + 1;
    const here = validation.result.findings.filter(
      (finding) =>
        finding.span.start.line <= line &&
        line <= finding.span.end.line &&
        (line !== finding.span.start.line || position.character >= finding.span.start.column),
    );
    if (!here.length) return undefined;
    const markdown = new vscode.MarkdownString(here.map(explain).join('\n\n---\n\n'));
    markdown.isTrusted = false;
    return new vscode.Hover(markdown);
  }
}

export function explain(finding: Finding): string {
  const lines: string[] = [];
  const info = finding.category ? categoryInfo(finding.category) : undefined;
  lines.push(`**Privacy Review** · \`${finding.ruleId}\``);
  if (finding.category) lines.push(`**${info?.label ?? finding.category}** (\`${info?.fideslang ?? finding.category}\`)`);
  else lines.push(finding.message);
  if (finding.source) {
    lines.push(`**Why personal:** ${reasonText(finding.source.reason, finding.source.text)}`);
    const steps = (finding.steps ?? []).filter((step) => step !== finding.source?.text);
    const path = [finding.source.text, ...steps, finding.sink ?? 'sink'].map((part) => `\`${part}\``).join(' → ');
    lines.push(`**Flow:** ${path} (line ${finding.source.span.start.line} → line ${finding.span.start.line})`);
    if (finding.source.declaration) lines.push(`**Declared:** \`${finding.source.declaration.name}\` at line ${finding.source.declaration.span.start.line}`);
  }
  for (const redaction of finding.redactedBy ?? []) {
    lines.push(`**Redacted already:** ${redaction.paths.map((path) => `\`${path}\``).join(', ')} by ${redaction.declaredBy} — this finding is for what that leaves.`);
  }
  if (finding.expiry) lines.push(`**Technical expiry:** ${finding.expiry.value} (${finding.expiry.declaredBy})`);
  if (finding.ruleId === 'retention-mismatch' && finding.retention) lines.push(`**Declared:** ${finding.retention.value} (${finding.retention.declaredBy})`);
  if (finding.sinkKind && finding.ruleId !== 'forbidden-sink') {
    lines.push(
      `**Retention:** none declared for ${finding.category} in ${finding.sinkKind} sinks. Looked for \`@retention\` on the declaration, on the enclosing function${finding.functionAnchor ? ` \`${finding.functionAnchor.name}\`` : ''} or class, in a comment above the call, a technical expiry at the sink, and a catalog policy.`,
    );
  }
  lines.push(`${RULES[finding.ruleId].help} [Rule documentation](${ruleDocsUrl(finding.ruleId)})`);
  return lines.join('\n\n');
}

function reasonText(reason: ClassificationReason, text: string): string {
  switch (reason.kind) {
    case 'name':
      return `the name \`${text}\` reads as "${reason.token}"`;
    case 'annotation':
      return 'a `@pii` annotation on its declaration';
    case 'catalog':
      return `the catalog entry \`${reason.entry}\``;
    case 'declared-type':
      return `member \`${reason.member}\` of the declared type \`${reason.typeName}\``;
    case 'framework':
      return `it comes from ${reason.source}`;
  }
}
