// Finds and loads the catalog for a scan: --catalog, or privacy-catalog.json at the root.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngineCatalog, type EngineCatalog } from '../core/catalog/engineCatalog';
import { parseCatalog, type CatalogProblem } from '../core/catalog/load';
import type { CatalogFile } from '../core/catalog/types';
import { errorCode } from './discover';

export const CATALOG_FILE_NAME = 'privacy-catalog.json';

export interface LoadedCatalog {
  /** Absolute path. */
  path: string;
  file: CatalogFile;
  engine: EngineCatalog;
  locate: (keyPath: (string | number)[]) => { line: number; column: number };
}

export class CatalogError extends Error {
  constructor(
    readonly catalogPath: string,
    readonly problems: CatalogProblem[],
  ) {
    super(problems.map((problem) => formatProblem(catalogPath, problem)).join('\n'));
  }
}

export function formatProblem(catalogPath: string, problem: CatalogProblem): string {
  return `${catalogPath}:${problem.line}:${problem.column}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/** The catalog to use, or undefined when none is configured and none is at the root. Throws CatalogError. */
export function findCatalog(root: string, explicit?: string): LoadedCatalog | undefined {
  const catalogPath = explicit ? path.resolve(explicit) : path.join(root, CATALOG_FILE_NAME);
  if (!explicit && !fs.existsSync(catalogPath)) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(catalogPath, 'utf8');
  } catch (error) {
    throw new CatalogError(explicit ?? catalogPath, [{ line: 1, column: 1, path: '', message: `cannot read the catalog: ${errorCode(error)}` }]);
  }
  return loadCatalogText(text, catalogPath, explicit ?? path.relative(process.cwd(), catalogPath));
}

export function loadCatalogText(text: string, catalogPath: string, displayPath = catalogPath): LoadedCatalog {
  const loaded = parseCatalog(text);
  if (!loaded.ok) throw new CatalogError(displayPath, loaded.problems);
  const label = path.basename(catalogPath);
  const engine = createEngineCatalog(loaded.catalog, (keyPath) => {
    const { line } = loaded.locate(keyPath);
    return `${label}:${line}`;
  });
  return { path: catalogPath, file: loaded.catalog, engine, locate: loaded.locate };
}
