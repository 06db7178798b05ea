// tsconfig.json `baseUrl` and `paths` at the scanned root, for the workspace index's imports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import type { PathMapping } from '../core/workspace/resolve';

export function readPathMapping(root: string): PathMapping {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, name), 'utf8');
    } catch {
      continue;
    }
    return pathMappingFromText(text);
  }
  return {};
}

/** `baseUrl` and `paths` of a tsconfig's text (JSONC). */
export function pathMappingFromText(text: string): PathMapping {
  const config = parse(text, [], { allowTrailingComma: true }) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  const options = config?.compilerOptions;
  if (!options) return {};
  const baseUrl = typeof options.baseUrl === 'string' ? path.posix.normalize(options.baseUrl.replace(/\\/g, '/')).replace(/^\.\/?$/, '') : undefined;
  const paths = isPaths(options.paths) ? options.paths : undefined;
  // `paths` without `baseUrl` are relative to the tsconfig's folder (TypeScript 4.1+).
  return { ...(baseUrl !== undefined || paths ? { baseUrl: baseUrl ?? '' } : {}), ...(paths ? { paths } : {}) };
}

function isPaths(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((targets) => Array.isArray(targets) && targets.every((target) => typeof target === 'string'))
  );
}
