// Module resolution inside the scanned tree: relative specifiers with TypeScript's extension
// rules (extensionless, `.js` naming a `.ts`, index files) and tsconfig `baseUrl`/`paths`.
import * as path from 'node:path';

export interface PathMapping {
  /** Directory `paths` are relative to, relative to the workspace root (posix, '' for the root). */
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export class ModuleResolver {
  constructor(
    private readonly hasFile: (posixPath: string) => boolean,
    private readonly mapping: PathMapping = {},
    /**
     * Told every path looked for (before extensions and index files are tried), found or not: a
     * file added later whose `probeKeysOf` contains it may change what the specifier resolves to.
     */
    private readonly onProbe?: (key: string) => void,
  ) {}

  /** The workspace file a specifier names from `fromFile` (both root-relative posix paths), if any. */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return this.probe(path.posix.join(path.posix.dirname(fromFile), specifier));
    }
    if (specifier.startsWith('/')) return undefined;
    for (const candidate of this.mappedCandidates(specifier)) {
      const found = this.probe(candidate);
      if (found) return found;
    }
    return undefined;
  }

  private mappedCandidates(specifier: string): string[] {
    const base = this.mapping.baseUrl ?? '';
    const candidates: string[] = [];
    for (const [pattern, targets] of Object.entries(this.mapping.paths ?? {})) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star < 0) captured = pattern === specifier ? '' : undefined;
      else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (captured === undefined) continue;
      for (const target of targets) candidates.push(path.posix.join(base, target.replace('*', captured)));
    }
    if (this.mapping.baseUrl !== undefined) candidates.push(path.posix.join(base, specifier));
    return candidates;
  }

  private probe(target: string): string | undefined {
    const normalized = path.posix.normalize(target).replace(/^\.\//, '');
    this.onProbe?.(normalized);
    const extension = path.posix.extname(normalized);
    if (EXTENSIONS.includes(extension)) {
      if (this.hasFile(normalized)) return normalized;
      for (const replacement of JS_TO_TS[extension] ?? []) {
        const swapped = normalized.slice(0, -extension.length) + replacement;
        if (this.hasFile(swapped)) return swapped;
      }
    }
    for (const candidate of EXTENSIONS) if (this.hasFile(normalized + candidate)) return normalized + candidate;
    for (const candidate of EXTENSIONS) if (this.hasFile(`${normalized}/index${candidate}`)) return `${normalized}/index${candidate}`;
    return undefined;
  }
}

/**
 * The probe keys (see ModuleResolver's `onProbe`) under which `file` can be found: itself, its
 * `.js` names (`a.ts` ← `a.js`), its name without extension, and its folder for an index file.
 */
export function probeKeysOf(file: string): string[] {
  const extension = path.posix.extname(file);
  if (!EXTENSIONS.includes(extension)) return [file];
  const stem = file.slice(0, -extension.length);
  const keys = new Set([file, stem]);
  for (const [js, ts] of Object.entries(JS_TO_TS)) if (ts.includes(extension)) keys.add(stem + js);
  if (path.posix.basename(stem) === 'index') keys.add(path.posix.dirname(stem));
  return [...keys];
}
