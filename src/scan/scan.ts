// A scan of a directory tree: discover, read, analyse each file; nothing one file does stops the rest.
import * as path from 'node:path';
import { createAnalyzer, type AnalyzerOptions, type Finding } from '../core';
import { discoverFiles, type DiscoverOptions } from './discover';
import { readSource } from './readSource';

export interface ScanOptions extends DiscoverOptions, AnalyzerOptions {
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
  durationMs: number;
}

export function scanDirectory(root: string, options: ScanOptions = {}): ScanResult {
  const started = performance.now();
  const analyzer = createAnalyzer(options);
  const discovered = discoverFiles(root, options);
  const findings: FileFinding[] = [];
  const skipped = [...discovered.skipped];
  let scanned = 0;
  discovered.files.forEach((file, index) => {
    const read = readSource(path.join(root, file), options.maxFileBytes);
    if (!read.ok) {
      skipped.push({ file, reason: read.reason });
    } else {
      try {
        const result = analyzer.analyze(read.text, file);
        if (result.parseError) {
          const { line, column } = result.parseError.position;
          skipped.push({ file, reason: `does not parse: ${result.parseError.message} (${line}:${column + 1})` });
        } else {
          scanned++;
          for (const finding of result.findings) findings.push({ ...finding, file });
        }
      } catch (error) {
        // An engine bug on one file must not lose the rest of the scan.
        skipped.push({ file, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    options.onProgress?.(index + 1, discovered.files.length);
  });
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { root, filesScanned: scanned, findings, skipped, durationMs: performance.now() - started };
}
