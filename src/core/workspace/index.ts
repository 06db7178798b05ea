// The workspace index: every file's imports and exports, so a type declared in models/, filled in
// a service and logged through a wrapper in lib/ is followed across files. Files are analysed on
// demand (a file that imports another analyses that one first) and results are kept until the
// file or anything it depends on changes.
//
// Memory: once a file is analysed, what other files can ask of it is computed right away and kept
// small — the values of its exported types, the summaries of its exported functions and of the
// methods of its exported classes — and its syntax tree, flow walker and type shapes are dropped.
// Only a file whose exported names a sink may need to read in its tree (a logger, a client or a
// model created from a library, whose options configure the sink) keeps its tree for importers;
// every other file answers sink provenance from a stub that says "a plain local declaration".
// The one exception is the file last edited (setFile over a different text): its parse is kept so
// the next edit re-parses only the statement it changed (incrementalParse.ts).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyzeFile, engineSetup, type AnalysisResult, type AnalyzerOptions, type EngineSetup, type FileAnalysis } from '../analyzeFile';
import type { FunctionSummary } from '../flow/scope';
import type { ExternalFunctions } from '../flow/walker';
import type { ParamMarker, Value } from '../flow/value';
import type { ExternalTypes } from '../sources/declaredTypes';
import { parseSource } from '../parse';
import type { PreviousParse } from '../incrementalParse';
import { createSinkContext, type SinkContext } from '../sinks';
import { provenanceOfName } from '../sinks/provenance';
import { COMMONJS_VALUE, moduleInfo, type ModuleInfo } from './moduleInfo';
import { ModuleResolver, probeKeysOf, type PathMapping } from './resolve';

export interface WorkspaceOptions extends AnalyzerOptions {
  /** tsconfig `baseUrl`/`paths`, relative to the workspace root. */
  pathMapping?: PathMapping;
  /** Tests and benchmarks: told of every syntax tree the index makes (to check it is not kept). */
  onSyntaxTree?: (file: string, program: TSESTree.Program) => void;
}

/** How much the index holds, for logs and benchmarks. */
export interface WorkspaceIndexStats {
  files: number;
  analysed: number;
  /** Analysed files that keep their syntax tree because importers' sinks read it. */
  keptTrees: number;
  /** Files parsed for process-wide configuration (Sentry.init, session middleware). */
  configurations: number;
}

interface FileEntry {
  text: string;
  module?: ModuleInfo;
  analysis?: Analyzed;
  analyzing?: boolean;
  /** The file parsed on its own for another file's sinks to read its configuration (null: it does not parse). */
  configuration?: SinkContext | null;
}

/** What a file offers other files once analysed: computed eagerly, small, without its syntax tree. */
interface Analyzed {
  result: AnalysisResult;
  /**
   * What the file says about its exported names, for sinks in files that import them: the file's
   * own context (with its tree) when an exported name comes from a library, else a stub.
   */
  sinkContext?: SinkContext;
  keepsTree: boolean;
  /** Exported local name → the value its declared type carries. */
  types: ReadonlyMap<string, Value>;
  /** Exported top-level function → its summary. */
  functions: ReadonlyMap<string, FunctionSummary>;
  /** Exported class → method → its summary. */
  methods: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>;
}

const MAX_EXPORT_HOPS = 16;
const EMPTY_MODULE: ModuleInfo = { imports: new Map(), exports: new Map(), starExports: [], specifiers: new Set() };
const NO_METHODS: ReadonlyMap<string, FunctionSummary> = new Map();

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  /** target file → files whose analysis read it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** file → files its analysis read (the reverse of `dependents`, to forget edges of a stale analysis). */
  private readonly dependencies = new Map<string, Set<string>>();
  /** Probe key (see ModuleResolver) → files whose imports looked there: a new file found under it may change them. */
  private readonly probes = new Map<string, Set<string>>();
  /** The file whose import is being resolved, for `probes`. */
  private probing: string | undefined;
  private readonly setup: EngineSetup;
  private readonly resolver: ModuleResolver;
  private readonly onSyntaxTree: WorkspaceOptions['onSyntaxTree'];
  /** Files whose text mentions a module hint (and what the configuring call mentions), by hint; kept up to date file by file. */
  private readonly filesMentioning = new Map<string, { hint: string; mentions: string; files: Set<string>; askers: Set<string> }>();
  /** The parse of the file last edited, with the text it was parsed from, for the next edit's re-parse. */
  private lastEdited: { file: string; previous?: PreviousParse } | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.setup = engineSetup(options);
    this.onSyntaxTree = options.onSyntaxTree;
    this.resolver = new ModuleResolver((file) => this.files.has(file), options.pathMapping, (key) => {
      if (this.probing === undefined) return;
      let probers = this.probes.get(key);
      if (!probers) this.probes.set(key, (probers = new Set()));
      probers.add(this.probing);
    });
  }

  /** Adds or replaces a file (root-relative posix path). Returns every file whose results it invalidates. */
  setFile(file: string, text: string): string[] {
    const existing = this.files.get(file);
    if (existing && existing.text === text) return [];
    const invalidated = this.invalidate(file);
    this.files.set(file, { text });
    if (existing && this.lastEdited?.file !== file) this.lastEdited = { file };
    for (const entry of this.filesMentioning.values()) {
      const mentions = text.includes(entry.hint) && text.includes(entry.mentions);
      if (mentions === entry.files.has(file)) continue;
      if (mentions) entry.files.add(file);
      else entry.files.delete(file);
      // A file that starts (or stops) configuring the library changes what its askers read.
      for (const asker of entry.askers) if (asker !== file) invalidated.push(...this.invalidate(asker));
    }
    // A new file changes how an import resolves only where that import looked for it.
    if (!existing) {
      for (const key of probeKeysOf(file)) {
        const probers = this.probes.get(key);
        if (!probers) continue;
        this.probes.delete(key);
        for (const prober of probers) if (prober !== file) invalidated.push(...this.invalidate(prober));
      }
    }
    return [...new Set(invalidated)];
  }

  removeFile(file: string): string[] {
    if (!this.files.has(file)) return [];
    // Whatever resolved an import to this file depends on it, so its dependents are all that change.
    const invalidated = this.invalidate(file);
    this.files.delete(file);
    for (const entry of this.filesMentioning.values()) entry.files.delete(file);
    this.dependents.delete(file);
    if (this.lastEdited?.file === file) this.lastEdited = undefined;
    return [...new Set(invalidated)].filter((path) => path !== file);
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  /** The text the index has for a file. */
  textOf(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  get fileCount(): number {
    return this.files.size;
  }

  stats(): WorkspaceIndexStats {
    let analysed = 0;
    let keptTrees = 0;
    let configurations = 0;
    for (const entry of this.files.values()) {
      if (entry.analysis) analysed++;
      if (entry.analysis?.keepsTree) keptTrees++;
      if (entry.configuration) configurations++;
    }
    return { files: this.files.size, analysed, keptTrees, configurations };
  }

  analyze(file: string): AnalysisResult {
    return this.analyzed(file)?.result ?? missing(file);
  }

  /** Whether `file` has a current analysis (analyze() would answer without analysing). */
  isAnalysed(file: string): boolean {
    return Boolean(this.files.get(file)?.analysis);
  }

  /** Files whose analysis read `file`, directly or through others. */
  dependentsOf(file: string): string[] {
    const seen = new Set<string>();
    const queue = [file];
    while (queue.length) {
      for (const dependent of this.dependents.get(queue.pop()!) ?? []) {
        if (seen.has(dependent) || dependent === file) continue;
        seen.add(dependent);
        queue.push(dependent);
      }
    }
    return [...seen];
  }

  private invalidate(file: string): string[] {
    const affected = [file, ...this.dependentsOf(file)];
    for (const path of affected) {
      const entry = this.files.get(path);
      if (entry) entry.analysis = undefined;
      // A stale analysis's reads no longer count: the next analysis notes its own.
      for (const target of this.dependencies.get(path) ?? []) this.dependents.get(target)?.delete(path);
      this.dependencies.delete(path);
    }
    return affected;
  }

  private analyzed(file: string): Analyzed | undefined {
    const entry = this.files.get(file);
    if (!entry) return undefined;
    if (entry.analysis) return entry.analysis;
    if (entry.analyzing) return undefined; // an import cycle: the other side sees this file as unknown
    entry.analyzing = true;
    try {
      const analysis = analyzeFile(this.setup, entry.text, file, {
        types: this.externalTypes(file),
        functions: this.externalFunctions(file),
        resolveImport: (name) => {
          const found = this.resolveImported(file, [name]);
          if (!found || found.local === '*') return undefined;
          this.noteDependency(file, found.file);
          const context = this.analyzed(found.file)?.sinkContext;
          return context ? { context, localName: found.local } : undefined;
        },
        contextsImporting: (hint, mentions) => this.contextsImporting(file, hint, mentions),
        previousParse: this.lastEdited?.file === file ? this.lastEdited.previous : undefined,
        onParsed: (program, parsed) => {
          entry.module = moduleInfo(program);
          if (this.lastEdited?.file === file) this.lastEdited.previous = { text: entry.text, parsed };
          this.onSyntaxTree?.(file, program);
        },
      });
      entry.module ??= EMPTY_MODULE;
      // Still marked as analysing: what this computes may lead back here through an import cycle.
      entry.analysis = this.offered(file, entry.module, analysis);
      return entry.analysis;
    } finally {
      entry.analyzing = false;
    }
  }

  /** What importers may ask of a file, computed now so its tree, walker and type shapes can go. */
  private offered(file: string, module: ModuleInfo, analysis: FileAnalysis): Analyzed {
    const { result, types, walker, sinkContext } = analysis;
    const locals = exportedLocals(module);
    const detach = new Detacher();
    const typeValues = new Map<string, Value>();
    if (types) {
      const declared = new Set(types.localNames());
      for (const name of locals) if (declared.has(name)) typeValues.set(name, detach.value(types.valueOf(name)));
    }
    const functions = new Map<string, FunctionSummary>();
    const methods = new Map<string, Map<string, FunctionSummary>>();
    if (walker) {
      for (const name of locals) {
        const summary = walker.topLevelSummary(name);
        if (summary) functions.set(name, detach.summary(summary));
      }
      if (sinkContext) {
        for (const [className, members] of classMembers(sinkContext.program, new Set(typeValues.keys()))) {
          const summaries = new Map<string, FunctionSummary>();
          for (const member of members) {
            const summary = walker.methodSummary(className, member);
            if (summary) summaries.set(member, detach.summary(summary));
          }
          if (summaries.size) methods.set(className, summaries);
        }
      }
    }
    // Sink provenance: a plain local declaration needs nothing from the tree; anything else (a
    // logger created by pino(), a class extending a library's) keeps the file's own context.
    let keepsTree = false;
    const declaredPlain = new Set<string>();
    if (sinkContext) {
      for (const name of locals) {
        const chain = provenanceOfName(name, sinkContext);
        const declared = sinkContext.binding(name) !== undefined;
        if (chain.module === undefined && !chain.calls?.length && chain.steps.length === 0 && chain.root === name && chain.declared === declared) {
          if (declared) declaredPlain.add(name);
        } else {
          keepsTree = true;
          break;
        }
      }
    }
    return {
      result,
      sinkContext: !sinkContext ? undefined : keepsTree ? sinkContext : plainContext(file, declaredPlain, this.setup.loggerNames),
      keepsTree,
      types: typeValues,
      functions,
      methods,
    };
  }

  /**
   * Files that mention `hint` (a module they import: '@sentry/', 'express-session'), in path
   * order, parsed but not analysed: a library configured once per process is read from there by
   * any file, and analysing those files here could recurse into the file that asks.
   */
  private contextsImporting(file: string, hint: string, mentions = ''): SinkContext[] {
    const key = `${hint}\u0000${mentions}`;
    let mentioning = this.filesMentioning.get(key);
    if (!mentioning) {
      const files = new Set([...this.files].filter(([, entry]) => entry.text.includes(hint) && entry.text.includes(mentions)).map(([path]) => path));
      this.filesMentioning.set(key, (mentioning = { hint, mentions, files, askers: new Set() }));
    }
    mentioning.askers.add(file);
    const contexts: SinkContext[] = [];
    for (const other of [...mentioning.files].sort()) {
      if (other === file) continue;
      const entry = this.files.get(other)!;
      if (entry.configuration === undefined) {
        // The analysed file's tree when it kept one (same text, same tree), else a parse of its own.
        const analysed = entry.analysis?.keepsTree ? entry.analysis.sinkContext?.program : undefined;
        const parsed = analysed ? undefined : parseSource(entry.text, other);
        const program = analysed ?? (parsed?.ok ? parsed.ast : undefined);
        if (parsed?.ok) this.onSyntaxTree?.(other, parsed.ast);
        entry.configuration = program ? createSinkContext(program, entry.text, program, this.setup.loggerNames, undefined, other) : null;
      }
      this.noteDependency(file, other);
      if (entry.configuration) contexts.push(entry.configuration);
    }
    return contexts;
  }

  /** A file's imports and exports, read from the same parse as its analysis. */
  private moduleOf(file: string): ModuleInfo | undefined {
    const entry = this.files.get(file);
    if (!entry) return undefined;
    if (!entry.module && !entry.analyzing) this.analyzed(file);
    return entry.module ?? EMPTY_MODULE;
  }

  /** The file and local name an exported name of `file` finally refers to (through re-exports). */
  private resolveExport(file: string, exported: string, hops = 0): { file: string; local: string } | undefined {
    if (hops > MAX_EXPORT_HOPS) return undefined;
    const module = this.moduleOf(file);
    if (!module) return undefined;
    const binding = module.exports.get(exported);
    if (binding && 'local' in binding) {
      const reimported = module.imports.get(binding.local);
      // `import mixpanel from 'mixpanel-browser'; export default mixpanel`: a package stops the
      // chain here, in the file that knows which package it is.
      if (reimported) return this.resolveImportBinding(file, reimported.specifier, reimported.imported, hops + 1) ?? { file, local: binding.local };
      return { file, local: binding.local };
    }
    if (binding) return this.resolveImportBinding(file, binding.specifier, binding.imported, hops + 1);
    for (const specifier of module.starExports) {
      const found = this.resolveImportBinding(file, specifier, exported, hops + 1);
      if (found) return found;
    }
    return undefined;
  }

  private resolveImportBinding(fromFile: string, specifier: string, imported: string, hops: number): { file: string; local: string } | undefined {
    const outer = this.probing;
    this.probing = fromFile;
    let target: string | undefined;
    try {
      target = this.resolver.resolve(fromFile, specifier);
    } finally {
      this.probing = outer;
    }
    if (!target) return undefined;
    this.noteDependency(fromFile, target);
    if (imported === '*') {
      // `require('./user')` of a file that sets `module.exports = value` gives that value.
      const value = this.moduleOf(target)?.exports.get(COMMONJS_VALUE);
      if (value) return this.resolveExport(target, COMMONJS_VALUE, hops);
      return { file: target, local: '*' };
    }
    return this.resolveExport(target, imported, hops);
  }

  /** An imported name of `file` (or `namespace.member`), resolved to where it is declared. */
  private resolveImported(file: string, path: readonly string[]): { file: string; local: string } | undefined {
    const binding = this.moduleOf(file)?.imports.get(path[0]);
    if (!binding) return undefined;
    const found = this.resolveImportBinding(file, binding.specifier, binding.imported, 0);
    if (found?.local === '*') return path[1] ? this.resolveExportNoted(file, found.file, path[1]) : undefined;
    return path.length === 1 ? found : undefined;
  }

  private resolveExportNoted(fromFile: string, target: string, exported: string): { file: string; local: string } | undefined {
    const found = this.resolveExport(target, exported);
    if (found) this.noteDependency(fromFile, found.file);
    return found;
  }

  private noteDependency(dependent: string, target: string): void {
    if (dependent === target) return;
    let set = this.dependents.get(target);
    if (!set) this.dependents.set(target, (set = new Set()));
    set.add(dependent);
    let targets = this.dependencies.get(dependent);
    if (!targets) this.dependencies.set(dependent, (targets = new Set()));
    targets.add(target);
  }

  private externalTypes(file: string): ExternalTypes {
    const declaration = (name: string) => {
      const found = this.resolveImported(file, [name]);
      if (!found) return undefined;
      this.noteDependency(file, found.file);
      const analysis = this.analyzed(found.file);
      return analysis?.types.has(found.local) ? { analysis, local: found.local } : undefined;
    };
    return {
      has: (name) => Boolean(this.moduleOf(file)?.imports.has(name)) && Boolean(declaration(name)),
      valueOf: (name) => {
        const found = declaration(name);
        return found?.analysis.types.get(found.local);
      },
    };
  }

  private externalFunctions(file: string): ExternalFunctions {
    return {
      functionSummary: (path) => {
        const found = this.resolveImported(file, path);
        if (!found) return undefined;
        this.noteDependency(file, found.file);
        return this.analyzed(found.file)?.functions.get(found.local);
      },
      methodSummary: (typeName, method) => {
        const found = this.resolveImported(file, [typeName]);
        if (!found) return undefined;
        this.noteDependency(file, found.file);
        const analysis = this.analyzed(found.file);
        return analysis?.types.has(found.local) ? (analysis.methods.get(found.local) ?? NO_METHODS).get(method) : undefined;
      },
    };
  }
}

/** The local names other files can reach through this file's exports (re-exports are followed to their file). */
function exportedLocals(module: ModuleInfo): Set<string> {
  const locals = new Set<string>();
  for (const binding of module.exports.values()) if ('local' in binding && !module.imports.has(binding.local)) locals.add(binding.local);
  return locals;
}

/**
 * Members of the classes named in `names` that the flow walker may summarise: a superset of what it
 * has for them, so asking it for each is exact. Classes are looked for among the top-level
 * statements (`export class`, `class X {}; export { X }`, `const X = class {}`): a full traversal
 * costs a few per cent of a file's analysis, and an exported class is declared at the top level.
 */
function classMembers(program: TSESTree.Program, names: ReadonlySet<string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  if (!names.size) return found;
  const take = (node: TSESTree.Node | null | undefined) => {
    if (!node || (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || !node.id || !names.has(node.id.name)) return;
    let members = found.get(node.id.name);
    if (!members) found.set(node.id.name, (members = new Set()));
    for (const element of node.body.body) {
      if ((element.type === 'MethodDefinition' || element.type === 'PropertyDefinition') && element.key.type === 'Identifier') members.add(element.key.name);
    }
  };
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'VariableDeclaration') for (const declarator of declaration.declarations) take(declarator.init);
    else take(declaration as TSESTree.Node | null | undefined);
  }
  return found;
}

/**
 * A context that answers for a file whose exported names are all plain local declarations: what
 * `provenanceOfName` makes of such a name needs only "declared here", never the tree.
 */
function plainContext(file: string, declared: ReadonlySet<string>, extraLoggerNames: ReadonlySet<string>): SinkContext {
  const program = { type: 'Program', body: [], comments: [], tokens: [], sourceType: 'module', range: [0, 0], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } } as unknown as TSESTree.Program;
  return {
    filePath: file,
    extraLoggerNames,
    binding: (name) => (declared.has(name) ? {} : undefined),
    text: () => '',
    enclosingBody: program,
    program,
  };
}

/**
 * Copies values and summaries handed to other files without references into this file's tree:
 * a parameter marker names its function by node only to tell functions apart, so a stand-in per
 * function keeps them apart without keeping the tree.
 */
class Detacher {
  private readonly standIns = new Map<TSESTree.Node, TSESTree.Node>();
  private readonly copies = new Map<Value, Value>();

  value(value: Value): Value {
    if (!value.markers?.length && !value.fields?.size) return value;
    const known = this.copies.get(value);
    if (known) return known;
    const copy: { -readonly [K in keyof Value]: Value[K] } = { ...value };
    this.copies.set(value, copy);
    if (value.markers?.length) copy.markers = value.markers.map((marker) => this.marker(marker));
    if (value.fields?.size) copy.fields = new Map([...value.fields].map(([key, field]) => [key, this.value(field)]));
    return copy;
  }

  summary(summary: FunctionSummary): FunctionSummary {
    return { ...summary, returnValue: this.value(summary.returnValue), flows: summary.flows.map((flow) => ({ ...flow, marker: this.marker(flow.marker) })) };
  }

  private marker(marker: ParamMarker): ParamMarker {
    let standIn = this.standIns.get(marker.fn);
    if (!standIn) this.standIns.set(marker.fn, (standIn = { type: marker.fn.type } as TSESTree.Node));
    return { ...marker, fn: standIn };
  }
}

function missing(file: string): AnalysisResult {
  return { filePath: file, findings: [], dataFlows: [], declaredMembers: [], parseError: { message: 'not in the workspace index', position: { line: 1, column: 0 } }, timings: { parseMs: 0, analyzeMs: 0 } };
}
