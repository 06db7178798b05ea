// Typed reader over the privacyReview.* settings, per resource so multi-root folders differ.
import * as vscode from 'vscode';
import type { Severity } from '../core/findings';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  include: string[];
  exclude: string[];
  catalogPath: string;
  severity: Record<string, Severity | 'off'>;
  loggerNames: string[];
  sanitizers: string[];
  maxFileSize: number;
  quickFixSanitizer: { function: string; import?: string } | undefined;
}

export function readSettings(resource: vscode.Uri | undefined): Settings {
  const config = vscode.workspace.getConfiguration('privacyReview', resource);
  const sanitizerFunction = config.get<string>('quickFix.sanitizerFunction', '').trim();
  const sanitizerImport = config.get<string>('quickFix.sanitizerImport', '').trim();
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<'onType' | 'onSave'>('run', 'onType'),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 300)),
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    catalogPath: config.get<string>('catalogPath', 'privacy-catalog.json'),
    severity: config.get<Record<string, Severity | 'off'>>('severity', {}),
    loggerNames: config.get<string[]>('loggerNames', []),
    sanitizers: config.get<string[]>('sanitizers', []),
    maxFileSize: config.get<number>('maxFileSize', 2 * 1024 * 1024),
    quickFixSanitizer: sanitizerFunction ? { function: sanitizerFunction, ...(sanitizerImport ? { import: sanitizerImport } : {}) } : undefined,
  };
}
