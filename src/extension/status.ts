// A language status item: findings in the active file and the time the last analysis took.
import * as vscode from 'vscode';
import type { Validation } from './validator';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('privacyReview.status', [
    { language: 'typescript' },
    { language: 'typescriptreact' },
    { language: 'javascript' },
    { language: 'javascriptreact' },
  ]);

  constructor() {
    this.item.name = 'Privacy Review';
    this.item.text = 'Privacy Review';
    this.item.command = { title: 'Show log', command: 'privacyReview.showOutput' };
  }

  update(validation: Validation): void {
    const count = validation.result.findings.length;
    this.item.text = `$(shield) ${count} privacy finding${count === 1 ? '' : 's'}`;
    this.item.detail = `analysed in ${Math.round(validation.durationMs)} ms`;
    this.item.severity = count ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
