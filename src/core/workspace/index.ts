// The workspace index: every file's imports and exports, so a type declared in models/, filled in
// a service and logged through a wrapper in lib/ is followed across files. Files are analysed on
// demand (a file that imports another analyses that one first) and results are kept until the
// file or anything it depends on changes.
import { analyzeFile, engineSetup, type AnalysisResult, type AnalyzerOptions, type EngineSetup } from '../analyzeFile';
import type { FunctionSummary } from '../flow/scope';
import type { ExternalFunctions } from '../flow/walker';
import type { Value } from '../flow/value';
import type { ExternalTypes } from '../sources/declaredTypes';
import { parseSource } from '../parse';
import { createSinkContext, type SinkContext } from '../sinks';
import { COMMONJS_VALUE, moduleInfo, type ModuleInfo } from './moduleInfo';
import { ModuleResolver, type PathMapping } from './resolve';

export interface WorkspaceOptions extends AnalyzerOptions {
  /** tsconfig `baseUrl`/`paths`, relative to the workspace root. */
  pathMapping?: PathMapping;
}

interface FileEntry {
  text: string;
  module?: ModuleInfo;
  analysis?: Analyzed;
  analyzing?: boolean;
  /** The file parsed on its own for another file's sinks to read its configuration (null: it does not parse). */
  configuration?: SinkContext | null;
}

/** What a file offers other files once analysed; the AST is not kept. */
interface Analyzed {
  result: AnalysisResult;
  /** What the file says about its names, for sinks in files that import them (a logger, a client). */
  sinkContext?: SinkContext;
  typeValue(name: string): Value | undefined;
  hasType(name: string): boolean;
  functionSummary(name: string): FunctionSummary | undefined;
  methodSummary(className: string, method: string): FunctionSummary | undefined;
}

const MAX_EXPORT_HOPS = 16;
const EMPTY_MODULE: ModuleInfo = { imports: new Map(), exports: new Map(), starExports: [], specifiers: new Set() };

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  /** target file → files whose analysis read it. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly setup: EngineSetup;
  private readonly resolver: ModuleResolver;
  /** Files whose text mentions a module hint (and what the configuring call mentions), by hint; kept up to date file by file. */
  private readonly filesMentioning = new Map<string, { hint: string; mentions: string; files: Set<string>; askers: Set<string> }>();

  constructor(options: WorkspaceOptions = {}) {
    this.setup = engineSetup(options);
    this.resolver = new ModuleResolver((file) => this.files.has(file), options.pathMapping);
  }

  /** Adds or replaces a file (root-relative posix path). Returns every file whose results it invalidates. */
  setFile(file: string, text: string): string[] {
    const existing = this.files.get(file);
    if (existing && existing.text === text) return [];
    const invalidated = this.invalidate(file);
    this.files.set(file, { text });
    for (const entry of this.filesMentioning.values()) {
      const mentions = text.includes(entry.hint) && text.includes(entry.mentions);
      if (mentions === entry.files.has(file)) continue;
      if (mentions) entry.files.add(file);
      else entry.files.delete(file);
      // A file that starts (or stops) configuring the library changes what its askers read.
      for (const asker of entry.askers) if (asker !== file) invalidated.push(...this.invalidate(asker));
    }
    // A new file can change how other files' imports resolve (an extensionless import now finds it).
    if (!existing) for (const other of this.files.keys()) if (other !== file && this.files.get(other)!.analysis) invalidated.push(...this.invalidate(other));
    return [...new Set(invalidated)];
  }

  removeFile(file: string): string[] {
    const invalidated = this.invalidate(file);
    this.files.delete(file);
    for (const entry of this.filesMentioning.values()) entry.files.delete(file);
    for (const other of this.files.keys()) if (this.files.get(other)!.analysis) invalidated.push(...this.invalidate(other));
    return [...new Set(invalidated)].filter((path) => path !== file);
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  get fileCount(): number {
    return this.files.size;
  }

  analyze(file: string): AnalysisResult {
    return this.analyzed(file)?.result ?? missing(file);
  }

  /** Files whose analysis read `file`, directly or through others. */
  dependentsOf(file: string): string[] {
    const seen = new Set<string>();
    const visit = (target: string) => {
      for (const dependent of this.dependents.get(target) ?? []) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        visit(dependent);
      }
    };
    visit(file);
    return [...seen];
  }

  private invalidate(file: string): string[] {
    const affected = [file, ...this.dependentsOf(file)];
    for (const path of affected) {
      const entry = this.files.get(path);
      if (entry) entry.analysis = undefined;
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
        onParsed: (program) => (entry.module = moduleInfo(program)),
      });
      entry.module ??= EMPTY_MODULE;
      const { types, walker } = analysis;
      // Values and summaries are computed now, so the AST can be dropped.
      const typeValues = new Map<string, Value>((types?.localNames() ?? []).map((name) => [name, types!.valueOf(name)]));
      const summaries = new Map<string, FunctionSummary | undefined>();
      const methods = new Map<string, FunctionSummary | undefined>();
      entry.analysis = {
        result: analysis.result,
        sinkContext: analysis.sinkContext,
        hasType: (name) => typeValues.has(name),
        typeValue: (name) => typeValues.get(name),
        functionSummary: (name) => {
          if (!summaries.has(name)) summaries.set(name, walker?.topLevelSummary(name));
          return summaries.get(name);
        },
        methodSummary: (className, method) => {
          const key = `${className}.${method}`;
          if (!methods.has(key)) methods.set(key, typeValues.has(className) ? walker?.methodSummary(className, method) : undefined);
          return methods.get(key);
        },
      };
      return entry.analysis;
    } finally {
      entry.analyzing = false;
    }
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
        // The analysed file's AST when there is one (same text, same tree), else a parse of its own.
        const analysed = entry.analysis?.sinkContext?.program;
        const parsed = analysed ? undefined : parseSource(entry.text, other);
        const program = analysed ?? (parsed?.ok ? parsed.ast : undefined);
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
      if (reimported) return this.resolveImportBinding(file, reimported.specifier, reimported.imported, hops + 1);
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
    const target = this.resolver.resolve(fromFile, specifier);
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
  }

  private externalTypes(file: string): ExternalTypes {
    const declaration = (name: string) => {
      const found = this.resolveImported(file, [name]);
      if (!found) return undefined;
      this.noteDependency(file, found.file);
      const analysis = this.analyzed(found.file);
      return analysis?.hasType(found.local) ? { analysis, local: found.local } : undefined;
    };
    return {
      has: (name) => Boolean(this.moduleOf(file)?.imports.has(name)) && Boolean(declaration(name)),
      valueOf: (name) => {
        const found = declaration(name);
        return found?.analysis.typeValue(found.local);
      },
    };
  }

  private externalFunctions(file: string): ExternalFunctions {
    return {
      functionSummary: (path) => {
        const found = this.resolveImported(file, path);
        if (!found) return undefined;
        this.noteDependency(file, found.file);
        return this.analyzed(found.file)?.functionSummary(found.local);
      },
      methodSummary: (typeName, method) => {
        const found = this.resolveImported(file, [typeName]);
        if (!found) return undefined;
        this.noteDependency(file, found.file);
        return this.analyzed(found.file)?.methodSummary(found.local, method);
      },
    };
  }
}

function missing(file: string): AnalysisResult {
  return { filePath: file, findings: [], dataFlows: [], declaredMembers: [], parseError: { message: 'not in the workspace index', position: { line: 1, column: 0 } }, timings: { parseMs: 0, analyzeMs: 0 } };
}
