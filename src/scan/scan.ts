// A scan of a directory tree: discover, read, analyse each file; nothing one file does stops the rest.
import * as path from 'node:path';
import { RULES, WorkspaceIndex, type AnalyzerOptions, type Finding } from '../core';
import { readPathMapping } from './tsconfigPaths';
import { categoryInfo } from '../core/categories';
import { renderMessage } from '../core/findings';
import { retentionSeconds } from '../core/retention/duration';
import type { SinkKind } from '../core/types';
import type { LoadedCatalog } from './catalogFile';
import { discoverFiles, type DiscoverOptions } from './discover';
import { readSource } from './readSource';

export interface ScanOptions extends DiscoverOptions, Omit<AnalyzerOptions, 'catalog'> {
  catalog?: LoadedCatalog;
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FileFinding extends Finding {
  /** Path relative to the scanned root, forward slashes. */
  file: string;
}

export interface ScanResult {
  root: string;
  filesScanned: number;
  findings: FileFinding[];
  skipped: { file: string; reason: string }[];
  /** Every flow of personal data into a sink, covered or not. */
  dataFlows: { file: string; category: string; sinkKind: SinkKind; line: number }[];
  declaredMembers: Set<string>;
  catalogPath?: string;
  durationMs: number;
}

export function scanDirectory(root: string, options: ScanOptions = {}): ScanResult {
  const started = performance.now();
  const discovered = discoverFiles(root, { ...options, exclude: [...(options.exclude ?? []), ...(options.catalog?.file.ignore ?? [])] });
  const result: ScanResult = {
    root,
    filesScanned: 0,
    findings: [],
    skipped: [...discovered.skipped],
    dataFlows: [],
    declaredMembers: new Set(),
    catalogPath: options.catalog ? relativePath(root, options.catalog.path) : undefined,
    durationMs: 0,
  };
  // Read every file first: the workspace index follows imports between them.
  const index = new WorkspaceIndex({ ...options, catalog: options.catalog?.engine, pathMapping: readPathMapping(root) });
  const readable: string[] = [];
  for (const file of discovered.files) {
    const read = readSource(path.join(root, file), options.maxFileBytes);
    if (!read.ok) result.skipped.push({ file, reason: read.reason });
    else {
      index.setFile(file, read.text);
      readable.push(file);
    }
  }
  readable.forEach((file, position) => {
    try {
      const analysis = index.analyze(file);
      if (analysis.parseError) {
        const { line, column } = analysis.parseError.position;
        result.skipped.push({ file, reason: `does not parse: ${analysis.parseError.message} (${line}:${column + 1})` });
      } else {
        result.filesScanned++;
        for (const finding of analysis.findings) result.findings.push({ ...finding, file });
        for (const flow of analysis.dataFlows) result.dataFlows.push({ file, ...flow });
        for (const member of analysis.declaredMembers) result.declaredMembers.add(member);
      }
    } catch (error) {
      // An engine bug on one file must not lose the rest of the scan.
      result.skipped.push({ file, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` });
    }
    options.onProgress?.(position + 1, readable.length);
  });
  if (options.catalog && result.catalogPath) result.findings.push(...policiesOverMaximum(options.catalog, result.catalogPath));
  result.skipped.sort((a, b) => a.file.localeCompare(b.file));
  result.durationMs = performance.now() - started;
  return result;
}

/** Catalog policies that keep data longer than the same catalog's maxRetention, reported in the catalog. */
function policiesOverMaximum(catalog: LoadedCatalog, catalogFile: string): FileFinding[] {
  const findings: FileFinding[] = [];
  (catalog.file.policies ?? []).forEach((policy, index) => {
    const max = catalog.engine.maxRetentionFor(policy.category);
    const seconds = retentionSeconds(policy.retention);
    if (!max || seconds === undefined || seconds <= max.seconds) return;
    const { line, column } = catalog.locate(['policies', index, 'retention']);
    const data = { value: policy.retention, category: categoryInfo(policy.category)?.label ?? policy.category, max: max.value };
    const severity = catalog.engine.severityFor('retention-exceeds-maximum');
    if (severity === 'off') return;
    findings.push({
      ruleId: 'retention-exceeds-maximum',
      severity: severity ?? RULES['retention-exceeds-maximum'].severity,
      message: renderMessage('retention-exceeds-maximum', data),
      messageData: data,
      span: { start: { line, column: column - 1 }, end: { line, column: column - 1 } },
      category: policy.category,
      related: [],
      file: catalogFile,
    });
  });
  return findings;
}

export function relativePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
