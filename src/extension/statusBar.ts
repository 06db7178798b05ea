// The workspace total in the status bar; a click scans (again). Shows progress while a scan runs.
import * as vscode from 'vscode';
import type { ScanResults } from './scanResults';

export const COMMAND_SCAN_WORKSPACE = 'privacyReview.scanWorkspace';

export class ScanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('privacyReview.findings', vscode.StatusBarAlignment.Left, 20);
  private scanning: { done: number; total: number } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly results: ScanResults) {
    this.item.name = 'Privacy Review Findings';
    this.item.command = { title: 'Scan Workspace', command: COMMAND_SCAN_WORKSPACE };
    this.subscription = results.onDidChange(() => this.render());
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  progress(done: number, total: number): void {
    this.scanning = { done, total };
    this.render();
  }

  finished(): void {
    this.scanning = undefined;
    this.render();
  }

  private render(): void {
    if (this.scanning) {
      this.item.text = `$(loading~spin) Privacy: ${this.scanning.done}/${this.scanning.total} files`;
      this.item.tooltip = 'Privacy Review is scanning the workspace';
      return;
    }
    if (!this.results.hasScanned) {
      this.item.text = '$(shield) Privacy: not scanned';
      this.item.tooltip = 'Privacy Review: scan the workspace for personal data without declared retention';
      return;
    }
    const total = this.results.total;
    const shown = this.results.visible().length;
    const filter = this.results.changeFilter;
    this.item.text = this.results.changedOnly && filter ? `$(shield) Privacy: ${shown} of ${total} (changed since ${filter.ref})` : `$(shield) Privacy: ${total} finding${total === 1 ? '' : 's'}`;
    this.item.tooltip = `Personal data logged, stored or shared without declared retention: ${total} in the workspace${this.results.changedOnly && filter ? `, ${shown} on lines changed since ${filter.ref}` : ''}. Click to scan again.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
