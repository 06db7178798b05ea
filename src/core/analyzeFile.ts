// One file through the engine: parse, declared types, flow, findings. Shared by the single-file
// analyzer and the workspace index (which adds what other files declare and export).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { buildFindings } from './buildFindings';
import type { EngineCatalog } from './catalog/engineCatalog';
import { CommentIndex } from './comments';
import type { Finding } from './findings';
import { Sanitizers } from './flow/sanitizers';
import { FlowWalker, type ExternalFunctions } from './flow/walker';
import { parseSource } from './parse';
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
}

export interface AnalysisResult {
  filePath: string;
  findings: Finding[];
  /** Set when the file does not parse: nothing else was analysed. */
  parseError?: { message: string; position: Position };
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
}

export function engineSetup(options: AnalyzerOptions): EngineSetup {
  const catalog = options.catalog;
  return {
    names: new NameRules(catalog?.extraNames, catalog?.fields),
    sanitizers: new Sanitizers([...(options.sanitizers ?? []), ...(catalog?.sanitizers ?? [])]),
    loggerNames: new Set(options.loggerNames ?? []),
    catalog,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
}

export interface CrossFile {
  types?: ExternalTypes;
  functions?: ExternalFunctions;
  /** Follows an imported name into the workspace file that declares it, for sink recognition. */
  resolveImport?: SinkContext['resolveImport'];
  /** Called with the AST before the flow analysis (the workspace reads imports and exports from it). */
  onParsed?: (program: TSESTree.Program) => void;
}

/** The result, plus what other files may ask of this one (its types and function summaries). */
export interface FileAnalysis {
  result: AnalysisResult;
  sinkContext?: SinkContext;
  types?: TypeValues;
  walker?: FlowWalker;
}

export function analyzeFile(setup: EngineSetup, text: string, filePath: string, crossFile: CrossFile = {}): FileAnalysis {
  const started = performance.now();
  const parsed = parseSource(text, filePath);
  const parsedAt = performance.now();
  if (!parsed.ok) {
    return {
      result: {
        filePath,
        findings: [],
        dataFlows: [],
        declaredMembers: [],
        parseError: { message: parsed.message, position: parsed.position },
        timings: { parseMs: parsedAt - started, analyzeMs: 0 },
      },
    };
  }
  crossFile.onParsed?.(parsed.ast);
  const comments = new CommentIndex(parsed.comments, text);
  const shapes = collectTypeShapes(parsed.ast, comments);
  const types = new TypeValues(shapes, setup.names, crossFile.types);
  const sinkContext = createSinkContext(parsed.ast, text, parsed.ast, setup.loggerNames, crossFile.resolveImport);
  const walker = new FlowWalker({
    text,
    comments,
    names: setup.names,
    types,
    sanitizers: setup.sanitizers,
    sinkContext,
    fileLabel: filePath,
    external: crossFile.functions,
  });
  walker.walkProgram(parsed.ast);
  const findings = buildFindings(walker.flows, comments, { catalog: setup.catalog, today: setup.today });
  const dataFlows = walker.flows.map((flow) => ({ category: flow.item.category, sinkKind: flow.kind, line: flow.span.start.line }));
  const declaredMembers = [...shapes.values()].flatMap((shape) => [...shape.members.keys()].map((member) => `${shape.name}.${member}`));
  return {
    result: { filePath, findings, dataFlows, declaredMembers, timings: { parseMs: parsedAt - started, analyzeMs: performance.now() - parsedAt } },
    types,
    walker,
    sinkContext,
  };
}
