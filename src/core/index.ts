// The engine's API: createAnalyzer(options) → analyze(text, filePath) for one file on its own;
// WorkspaceIndex for a tree of files that import each other.
import { analyzeFile, engineSetup, type AnalysisResult, type AnalyzerOptions } from './analyzeFile';

export interface Analyzer {
  analyze(text: string, filePath: string): AnalysisResult;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const setup = engineSetup(options);
  return { analyze: (text, filePath) => analyzeFile(setup, text, filePath).result };
}

export type { AnalysisResult, AnalyzerOptions } from './analyzeFile';
export { WorkspaceIndex, type WorkspaceOptions } from './workspace';
export { mayConfigureProcess, PROCESS_CONFIGURATION } from './sinks/config/common';
export type { Finding, RuleId, Severity } from './findings';
export { RULES, RULE_IDS, ruleDocsUrl } from './findings';
export type { CategoryId, SinkKind, Span, Position, Retention } from './types';
