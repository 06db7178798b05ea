// One file through the engine: parse, declared types, flow, findings. Shared by the single-file
// analyzer and the workspace index (which adds what other files declare and export).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { buildFindings } from './buildFindings';
import type { EngineCatalog } from './catalog/engineCatalog';
import { CommentIndex } from './comments';
import type { Finding } from './findings';
import { Sanitizers } from './flow/sanitizers';
import { FlowWalker, type ExternalFunctions } from './flow/walker';
import type { ParsedFile } from './parse';
import { reparseSource, type PreviousParse } from './incrementalParse';
import { AnalysisBudget, AnalysisSkipped, isStackOverflow, workLimitFor } from './budget';
import { throwIfInjected } from './faultInjection';
import { createSinkContext, type SinkContext } from './sinks';
import { collectTypeShapes, TypeValues, type ExternalTypes } from './sources/declaredTypes';
import { NameRules } from './sources/names';
import type { Position, SinkKind } from './types';

export interface AnalyzerOptions {
  catalog?: EngineCatalog;
  /** Extra sanitizer function names (settings, CLI). */
  sanitizers?: string[];
  /** Extra names of logger objects (settings), beyond those named like a logger. */
  loggerNames?: string[];
  /** Today, for suppression expiry (YYYY-MM-DD); defaults to the real date. */
  today?: string;
  /** A fixed per-file work budget instead of one by the file's size (src/core/budget.ts); for tests. */
  workLimit?: number;
}

export interface AnalysisResult {
  filePath: string;
  findings: Finding[];
  /**
   * Set when the file was not analysed (no findings): it does not parse (kind absent or 'syntax'),
   * it is nested too deeply to read, or it ran over the per-file budget (src/core/budget.ts).
   */
  parseError?: { message: string; position: Position; kind?: 'syntax' | 'too-deeply-nested' | 'budget-exceeded' };
  /** Set when part of the file was not analysed (nesting deeper than the walker follows); the findings are the rest's. */
  partial?: { reason: string };
  /** Every flow of personal data into a sink, covered by retention or not (for catalog init/check). */
  dataFlows: { category: string; sinkKind: SinkKind; line: number }[];
  /** `Type.member` of every declared type in the file (for catalog drift). */
  declaredMembers: string[];
  timings: { parseMs: number; analyzeMs: number };
}

/** What options make of the engine once, shared by every file it analyses. */
export interface EngineSetup {
  names: NameRules;
  sanitizers: Sanitizers;
  loggerNames: ReadonlySet<string>;
  catalog?: EngineCatalog;
  today: string;
  workLimit?: number;
}

export function engineSetup(options: AnalyzerOptions): EngineSetup {
  const catalog = options.catalog;
  return {
    names: new NameRules(catalog?.extraNames, catalog?.fields),
    sanitizers: new Sanitizers([...(options.sanitizers ?? []), ...(catalog?.sanitizers ?? [])]),
    loggerNames: new Set(options.loggerNames ?? []),
    catalog,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    workLimit: options.workLimit,
  };
}

export interface CrossFile {
  types?: ExternalTypes;
  functions?: ExternalFunctions;
  /** Follows an imported name into the workspace file that declares it, for sink recognition. */
  resolveImport?: SinkContext['resolveImport'];
  /** The workspace files that import a module, parsed for their configuration (Sentry.init, session options). */
  contextsImporting?: SinkContext['contextsImporting'];
  /** Called with the AST before the flow analysis (the workspace reads imports and exports from it). */
  onParsed?: (program: TSESTree.Program, parsed: ParsedFile) => void;
  /** The same file's parse before an edit: only the statement the edit changed is parsed again. */
  previousParse?: PreviousParse;
}

/** The result, plus what other files may ask of this one (its types and function summaries). */
export interface FileAnalysis {
  result: AnalysisResult;
  sinkContext?: SinkContext;
  types?: TypeValues;
  walker?: FlowWalker;
}

/** Analyses in progress on this thread: a nested one is another file read for this one's imports. */
let activeAnalyses = 0;

export function analyzeFile(setup: EngineSetup, text: string, filePath: string, crossFile: CrossFile = {}): FileAnalysis {
  throwIfInjected(filePath);
  const started = performance.now();
  const parsed = reparseSource(crossFile.previousParse, text, filePath);
  const parsedAt = performance.now();
  const notAnalysed = (parseError: NonNullable<AnalysisResult['parseError']>): FileAnalysis => ({
    result: { filePath, findings: [], dataFlows: [], declaredMembers: [], parseError, timings: { parseMs: parsedAt - started, analyzeMs: performance.now() - parsedAt } },
  });
  if (!parsed.ok) return notAnalysed({ message: parsed.message, position: parsed.position, ...(parsed.tooDeep ? { kind: 'too-deeply-nested' as const } : {}) });
  activeAnalyses++;
  try {
    return analyzeParsed(setup, text, filePath, crossFile, parsed, new AnalysisBudget(setup.workLimit ?? workLimitFor(text.length)), started, parsedAt);
  } catch (error) {
    if (error instanceof AnalysisSkipped) return notAnalysed({ message: error.message, position: { line: 1, column: 0 }, kind: error.kind });
    // The stack is shared with the files this one imports: the outermost analysis takes the blame,
    // so a file read on the way is not remembered as too deep on its own.
    if (isStackOverflow(error) && activeAnalyses === 1) {
      return notAnalysed({ message: 'too deeply nested (the analysis ran out of stack)', position: { line: 1, column: 0 }, kind: 'too-deeply-nested' });
    }
    throw error;
  } finally {
    activeAnalyses--;
  }
}

function analyzeParsed(
  setup: EngineSetup,
  text: string,
  filePath: string,
  crossFile: CrossFile,
  parsed: ParsedFile,
  budget: AnalysisBudget,
  started: number,
  parsedAt: number,
): FileAnalysis {
  crossFile.onParsed?.(parsed.ast, parsed);
  const comments = new CommentIndex(parsed.comments, text);
  const shapes = collectTypeShapes(parsed.ast, comments);
  const types = new TypeValues(shapes, setup.names, crossFile.types);
  const sinkContext = createSinkContext(parsed.ast, text, parsed.ast, setup.loggerNames, crossFile.resolveImport, filePath, crossFile.contextsImporting);
  const walker = new FlowWalker({
    text,
    comments,
    names: setup.names,
    types,
    sanitizers: setup.sanitizers,
    sinkContext,
    external: crossFile.functions,
    budget,
  });
  walker.walkProgram(parsed.ast);
  // Summaries other files ask for later were computed during the walk; nothing after it is charged.
  budget.close();
  const partial = budget.truncatedAtDepth === undefined ? undefined : { reason: `partly analysed: code nested more than ${budget.truncatedAtDepth} levels deep was not followed` };
  const findings = buildFindings(walker.flows, comments, { catalog: setup.catalog, today: setup.today, filePath });
  const dataFlows = walker.flows.map((flow) => ({ category: flow.item.category, sinkKind: flow.kind, line: flow.span.start.line }));
  const declaredMembers = [...shapes.values()].flatMap((shape) => [...shape.members.keys()].map((member) => `${shape.name}.${member}`));
  return {
    result: { filePath, findings, dataFlows, declaredMembers, ...(partial ? { partial } : {}), timings: { parseMs: parsedAt - started, analyzeMs: performance.now() - parsedAt } },
    types,
    walker,
    sinkContext,
  };
}
