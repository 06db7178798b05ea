// The engine's one API: createAnalyzer(options) → analyze(text, filePath) → findings.
import { CommentIndex } from './comments';
import { buildFindings } from './buildFindings';
import { FlowWalker } from './flow/walker';
import { Sanitizers } from './flow/sanitizers';
import { parseSource } from './parse';
import { createSinkContext } from './sinks';
import { collectTypeShapes, TypeValues } from './sources/declaredTypes';
import { NameRules } from './sources/names';
import type { EngineCatalog } from './catalog/engineCatalog';
import type { Finding } from './findings';
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

export interface Analyzer {
  analyze(text: string, filePath: string): AnalysisResult;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const catalog = options.catalog;
  const names = new NameRules(catalog?.extraNames, catalog?.fields);
  const loggerNames = new Set(options.loggerNames ?? []);
  const sanitizers = new Sanitizers([...(options.sanitizers ?? []), ...(catalog?.sanitizers ?? [])]);
  return {
    analyze(text, filePath) {
      const started = performance.now();
      const parsed = parseSource(text, filePath);
      const parsedAt = performance.now();
      if (!parsed.ok) {
        return {
          filePath,
          findings: [],
          dataFlows: [],
          declaredMembers: [],
          parseError: { message: parsed.message, position: parsed.position },
          timings: { parseMs: parsedAt - started, analyzeMs: 0 },
        };
      }
      const comments = new CommentIndex(parsed.comments, text);
      const shapes = collectTypeShapes(parsed.ast, comments);
      const types = new TypeValues(shapes, names, filePath);
      const walker = new FlowWalker({
        text,
        comments,
        names,
        types,
        sanitizers,
        sinkContext: createSinkContext(parsed.ast, text, parsed.ast, loggerNames),
        fileLabel: filePath,
      });
      walker.walkProgram(parsed.ast);
      const findings = buildFindings(walker.flows, comments, { catalog, today: options.today ?? new Date().toISOString().slice(0, 10) });
      const dataFlows = walker.flows.map((flow) => ({ category: flow.item.category, sinkKind: flow.kind, line: flow.span.start.line }));
      const declaredMembers = [...shapes.values()].flatMap((shape) => [...shape.members.keys()].map((member) => `${shape.name}.${member}`));
      return { filePath, findings, dataFlows, declaredMembers, timings: { parseMs: parsedAt - started, analyzeMs: performance.now() - parsedAt } };
    },
  };
}

export type { Finding, RuleId, Severity } from './findings';
export { RULES, RULE_IDS, ruleDocsUrl } from './findings';
export type { CategoryId, SinkKind, Span, Position, Retention } from './types';
